/**
 * One batch of summaries: the metadata FETCH, which also brings the first 2 KB of part 1 (the
 * text of single-part mail), then one FETCH per other text part number (mostly `1.1`, the plain
 * text of multipart/alternative), so a batch costs one to three round trips.
 */
import type { AccountId, MessageSummary } from '../../../shared/model';
import type { OpenFolder } from '../imap/types';
import { snippetPart, type TextPart } from '../mail/bodyStructure';
import { SNIPPET_FETCH_BYTES, snippetFromPrefix } from '../mail/snippet';
import { toSummary } from './toSummary';

export async function fetchSummaries(accountId: AccountId, folder: OpenFolder, uids: readonly number[]): Promise<MessageSummary[]> {
  const rows = await folder.fetchSummaries(uids, SNIPPET_FETCH_BYTES);
  const parts = new Map<number, TextPart>();
  const byPart = new Map<string, number[]>();
  const snippets = new Map<number, string>();
  for (const row of rows) {
    const part = row.bodyStructure ? snippetPart(row.bodyStructure) : null;
    if (!part) continue;
    if (part.partId === '1' && row.part1) {
      snippets.set(row.uid, safeSnippet(row.part1, part));
      continue;
    }
    parts.set(row.uid, part);
    const list = byPart.get(part.partId) ?? [];
    list.push(row.uid);
    byPart.set(part.partId, list);
  }
  for (const [partId, partUids] of byPart) {
    const prefixes = await folder.fetchPartPrefixes(partUids, partId, SNIPPET_FETCH_BYTES);
    for (const [uid, raw] of prefixes) {
      const part = parts.get(uid);
      if (part) snippets.set(uid, safeSnippet(raw, part));
    }
  }
  return rows
    .sort((a, b) => b.uid - a.uid)
    .map((row) => toSummary(accountId, folder.snapshot.path, row, snippets.get(row.uid) ?? ''));
}

/** A snippet is a nicety: mail that defeats the decoder gets none rather than stopping the sync. */
function safeSnippet(raw: Buffer, part: TextPart): string {
  try {
    return snippetFromPrefix(raw, part, raw.length >= SNIPPET_FETCH_BYTES);
  } catch {
    return '';
  }
}
