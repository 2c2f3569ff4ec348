/**
 * Splits plain text into text and link pieces with linkify-it (the linkifier markdown-it and
 * mailparser use; issue #10 §11). Only http(s) and mailto written out become links: no fuzzy
 * links ("example.com"), no ftp: or protocol-relative ones. linkify-it leaves trailing sentence
 * punctuation out and keeps balanced parentheses (Wikipedia-style links).
 */
import { LinkifyIt } from 'linkify-it';
import { isLinkTarget } from '../../../shared/links';

export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const linkifier = new LinkifyIt().add('ftp:', null).add('//', null).set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of linkifier.match(text) ?? []) {
    if (!isLinkTarget(match.url) || match.url.startsWith('#') || match.index < last) continue;
    if (match.index > last) pieces.push({ kind: 'text', text: text.slice(last, match.index) });
    pieces.push({ kind: 'link', text: match.text, href: match.url });
    last = match.lastIndex;
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
