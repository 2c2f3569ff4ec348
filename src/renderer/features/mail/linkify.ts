/**
 * Splits plain text into text and link pieces. Only http(s) and mailto become links; trailing
 * punctuation that usually ends a sentence is left out of the URL, and a closing parenthesis is
 * kept only when the URL opened one (Wikipedia-style links).
 */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const urlPattern = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;

function trimUrl(candidate: string): string {
  let url = candidate.replace(/[.,;:!?'"\]]+$/, '');
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(/[.,;:!?'"\]]+$/, '');
  }
  return url;
}

export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    if (url.length <= url.indexOf(':') + 1) continue;
    if (start > last) pieces.push({ kind: 'text', text: text.slice(last, start) });
    pieces.push({ kind: 'link', text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Groups lines into runs by quote depth (`>` prefixes, RFC 3676 §4.5). */
export function quoteRuns(text: string): { depth: number; lines: string[] }[] {
  const runs: { depth: number; lines: string[] }[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const prefix = /^(?:>\s?)+/.exec(line)?.[0] ?? '';
    const depth = (prefix.match(/>/g) ?? []).length;
    const content = line.slice(prefix.length);
    const previous = runs[runs.length - 1];
    if (previous && previous.depth === depth) previous.lines.push(content);
    else runs.push({ depth, lines: [content] });
  }
  return runs;
}
