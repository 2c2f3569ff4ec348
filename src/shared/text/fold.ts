/**
 * How names are compared when people type them (issue #13 §2: "case never matters", "cafe"
 * finds "café"; issue #12 §2: the folder picker): compatibility-decomposed, combining marks
 * dropped, lower case, single-spaced. The one fold for matching typed text against names; the
 * search index's own (renderer/search/engine/vocabulary.ts) mirrors FTS5's tokenizer instead.
 */
export function fold(text: string): string {
  // Most folder names and addresses are ASCII: skip the Unicode normalisation for them.
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
  const plain = /^[\u0000-\u007f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.toLowerCase().replace(/\s+/gu, ' ').trim();
}
