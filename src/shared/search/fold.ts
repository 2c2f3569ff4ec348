/**
 * How names are compared when people type them (issue #13 §2: "case never matters", "cafe"
 * finds "café"): compatibility-decomposed, combining marks dropped, lower case, single-spaced.
 */
export function fold(text: string): string {
  // Most folder names and addresses are ASCII: skip the Unicode normalisation for them.
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
  const plain = /^[\u0000-\u007f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain.toLowerCase().replace(/\s+/gu, ' ').trim();
}
