/**
 * The list preview of a message: the first ~200 characters of its text, from the first 2 KB of
 * the text part (so a 20 MB message costs 2 KB).
 */
import { decodeCharset } from './charset';
import { htmlToSnippetText } from './htmlText';
import { decodeTransfer } from './transferDecode';
import type { TextPart } from './bodyStructure';

export const SNIPPET_FETCH_BYTES = 2048;
/** The first, cheaper try (sync/fetchSummaries.ts): enough for most plain and QP text. */
export const SNIPPET_FIRST_BYTES = 512;
export const SNIPPET_LENGTH = 200;

export function snippetFromPrefix(raw: Buffer, part: TextPart, truncated: boolean): string {
  const bytes = decodeTransfer(raw, part.encoding);
  const text = decodeCharset(bytes, part.charset, truncated);
  return collapse(part.kind === 'html' ? htmlToSnippetText(text) : stripQuotes(text));
}

/** Drops quoted reply lines ("> …"): the preview should show what is new in the message. */
function stripQuotes(text: string): string {
  const lines = text.split(/\r?\n/);
  const own = lines.filter((line) => !line.startsWith('>'));
  return own.length > 0 ? own.join('\n') : text;
}

export function collapse(text: string): string {
  // \s covers NBSP and BOM; zero-width joiners stay (they hold emoji sequences together).
  const flat = text.replace(/[\s\u200b]+/g, ' ').trim();
  // UTF-16 units ≥ code points: a short string needs no counting. Otherwise cut after
  // SNIPPET_LENGTH code points, never inside a surrogate pair.
  if (flat.length <= SNIPPET_LENGTH) return flat;
  let end = 0;
  for (let n = 0; n < SNIPPET_LENGTH && end < flat.length; n++) end += (flat.codePointAt(end) as number) > 0xffff ? 2 : 1;
  return flat.slice(0, end).trimEnd();
}
