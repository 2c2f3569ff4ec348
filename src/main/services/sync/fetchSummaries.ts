/**
 * One batch of summaries: the metadata FETCH, which also brings a short prefix of part 1 (the
 * text of single-part mail), then one FETCH per other text part number (mostly `1.1`, the plain
 * text of multipart/alternative), so a batch costs one to three round trips.
 *
 * The prefix is SNIPPET_FIRST_BYTES, not the full SNIPPET_FETCH_BYTES: a few hundred bytes of
 * plain or quoted-printable text already hold a 200-character snippet, and at 100,000 messages
 * every byte per message is 100 KB on the wire and in imapflow's parser. Only the rows whose
 * short prefix did not yield a full snippet (an HTML head, a long quote, base64 CJK) are asked
 * again for SNIPPET_FETCH_BYTES, in one more FETCH per part number.
 */
import type { AccountId, MessageSummary } from '../../../shared/model';
import type { OpenFolder } from '../imap/types';
import { snippetPart, type TextPart } from '../mail/bodyStructure';
import { SNIPPET_FETCH_BYTES, SNIPPET_FIRST_BYTES, SNIPPET_LENGTH, snippetFromPrefix } from '../mail/snippet';
import { toSummary } from './toSummary';

export async function fetchSummaries(accountId: AccountId, folder: OpenFolder, uids: readonly number[]): Promise<MessageSummary[]> {
  const rows = await folder.fetchSummaries(uids, SNIPPET_FIRST_BYTES);
  const parts = new Map<number, TextPart>();
  const byPart = new Map<string, number[]>();
  const retry = new Map<string, number[]>();
  const snippets = new Map<number, string>();
  const add = (groups: Map<string, number[]>, partId: string, uid: number) => {
    const list = groups.get(partId) ?? [];
    list.push(uid);
    groups.set(partId, list);
  };
  /**
   * Keeps the snippet; a short one from a cut-off prefix is asked again with more bytes. A full
   * snippet may be one character short: collapse() trims the space it was cut after.
   */
  const take = (uid: number, raw: Buffer, part: TextPart, bytes: number) => {
    const truncated = raw.length >= bytes;
    const snippet = safeSnippet(raw, part, truncated);
    snippets.set(uid, snippet);
    if (truncated && bytes < SNIPPET_FETCH_BYTES && codePoints(snippet) < SNIPPET_LENGTH - 1) add(retry, part.partId, uid);
  };
  for (const row of rows) {
    const part = row.bodyStructure ? snippetPart(row.bodyStructure) : null;
    if (!part) continue;
    parts.set(row.uid, part);
    if (part.partId === '1' && row.part1) take(row.uid, row.part1, part, SNIPPET_FIRST_BYTES);
    else add(byPart, part.partId, row.uid);
  }
  for (const [partId, partUids] of byPart) {
    const prefixes = await folder.fetchPartPrefixes(partUids, partId, SNIPPET_FIRST_BYTES);
    for (const [uid, raw] of prefixes) {
      const part = parts.get(uid);
      if (part) take(uid, raw, part, SNIPPET_FIRST_BYTES);
    }
  }
  for (const [partId, partUids] of retry) {
    const prefixes = await folder.fetchPartPrefixes(partUids, partId, SNIPPET_FETCH_BYTES);
    for (const [uid, raw] of prefixes) {
      const part = parts.get(uid);
      if (part) take(uid, raw, part, SNIPPET_FETCH_BYTES);
    }
  }
  return rows
    .sort((a, b) => b.uid - a.uid)
    .map((row) => toSummary(accountId, folder.snapshot.path, row, snippets.get(row.uid) ?? ''));
}

/** A snippet is a nicety: mail that defeats the decoder gets none rather than stopping the sync. */
function safeSnippet(raw: Buffer, part: TextPart, truncated: boolean): string {
  try {
    return snippetFromPrefix(raw, part, truncated);
  } catch {
    return '';
  }
}

/** Code points in `text`, without spreading it into an array of strings (one per message here). */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point in two units.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}
