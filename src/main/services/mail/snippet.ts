/**
 * The list preview of a message: the first ~200 characters of its text, from the first 2 KB of
 * the text part (so a 20 MB message costs 2 KB).
 */
import { isAscii } from 'node:buffer';
import { decodeCharset } from './charset';
import { htmlToSnippetText } from './htmlText';
import { decodeTransfer } from './transferDecode';
import type { TextPart } from './bodyStructure';

export const SNIPPET_FETCH_BYTES = 2048;
/** The first, cheaper try (sync/fetchSummaries.ts): enough for most plain and QP text. */
export const SNIPPET_FIRST_BYTES = 512;
export const SNIPPET_LENGTH = 200;

/**
 * Charsets that read bytes below 0x80 as ASCII. Bytes that are all ASCII decode the same in
 * each of them, so the summary sync (one snippet per message, issue #11 §6) skips iconv for
 * them: `latin1` maps each byte to the same code unit.
 */
const ASCII_COMPATIBLE = /^"?(us-ascii|ascii|utf-?8|iso-8859-\d{1,2}|latin1|windows-125\d|)"?$/i;

export function snippetFromPrefix(raw: Buffer, part: TextPart, truncated: boolean): string {
  const bytes = decodeTransfer(raw, part.encoding);
  const text = isAscii(bytes) && ASCII_COMPATIBLE.test(part.charset.trim()) ? bytes.toString('latin1') : decodeCharset(bytes, part.charset, truncated);
  return part.kind === 'html' ? collapse(htmlToSnippetText(text)) : plainSnippet(text);
}

/** Drops quoted reply lines ("> …"): the preview should show what is new in the message. */
export function stripQuotes(text: string): string {
  const lines = text.split(/\r?\n/);
  const own = lines.filter((line) => !line.startsWith('>'));
  return own.length > 0 ? own.join('\n') : text;
}

/**
 * `collapse(stripQuotes(text))` in one pass over the text, without splitting it into lines and
 * joining them again or building the whole collapsed string: it stops once the result is long
 * enough to be cut (issue #11 §6: main builds 100,000s of these during a first sync).
 */
export function plainSnippet(text: string): string {
  let out = '';
  let space = false;
  let own = false;
  // Without surrogate pairs SNIPPET_LENGTH + 1 units are enough to cut; with them, twice that.
  let surrogates = false;
  const enough = () => out.length > (surrogates ? 2 * SNIPPET_LENGTH : SNIPPET_LENGTH);
  for (let start = 0; start <= text.length && !enough(); ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // A line that starts with '>' is quoted; the lines kept are joined by a line break (a space).
    if (text.charCodeAt(start) !== 0x3e) {
      if (own && out.length > 0) space = true;
      own = true;
      for (let i = start; i < end && !enough(); ) {
        if (isSpace(text.charCodeAt(i))) {
          if (out.length > 0) space = true;
          i++;
          continue;
        }
        let j = i;
        for (let c = text.charCodeAt(j); j < end && !isSpace(c); c = text.charCodeAt(++j)) if (c >= 0xd800 && c <= 0xdbff) surrogates = true;
        out += space ? ` ${text.slice(i, j)}` : text.slice(i, j);
        space = false;
        i = j;
      }
    }
    start = end + 1;
  }
  if (!own) return collapse(text);
  if (surrogates) return cut(out);
  return out.length <= SNIPPET_LENGTH ? out : out.slice(0, SNIPPET_LENGTH).trimEnd();
}

/** `/[\s\u200b]/` for one UTF-16 unit (\s is ECMAScript's WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function collapse(text: string): string {
  // \s covers NBSP and BOM; zero-width joiners stay (they hold emoji sequences together).
  return cut(text.replace(/[\s\u200b]+/g, ' ').trim());
}

/** The first SNIPPET_LENGTH code points of collapsed text. */
function cut(flat: string): string {
  // UTF-16 units ≥ code points: a short string needs no counting. Otherwise cut after
  // SNIPPET_LENGTH code points, never inside a surrogate pair.
  if (flat.length <= SNIPPET_LENGTH) return flat;
  let end = 0;
  for (let n = 0; n < SNIPPET_LENGTH && end < flat.length; n++) end += (flat.codePointAt(end) as number) > 0xffff ? 2 : 1;
  return flat.slice(0, end).trimEnd();
}
