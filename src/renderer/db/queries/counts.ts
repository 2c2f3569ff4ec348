/**
 * Unread and total counts as the views show them (issue #11 §3: a count is read, never
 * computed). The counters table (pages/counters.ts) is kept by deltas in the transaction of
 * every change, so each of these is one get — or one key-range read for all of an account's
 * folders — whatever the size of the folders.
 */
import { db } from '../db';
import { folderCountId, mailboxCountId, unifiedCountId, type CountRow } from '../pages/pageRows';
import type { UnifiedRole } from '../rows';
import type { PostvakDb } from '../schema';
import { useFreshLiveQuery } from './useFreshLiveQuery';

/** A row's counts; no row yet means nothing counted. */
const countsOf = (row: CountRow | undefined) => ({ total: row?.total ?? 0, unread: row?.unread ?? 0 });

export async function folderCounts(database: PostvakDb, accountId: string, path: string): Promise<{ total: number; unread: number }> {
  return countsOf(await database.counts.get(folderCountId(accountId, path)));
}

export async function mailboxCounts(database: PostvakDb, mailboxId: string): Promise<{ total: number; unread: number }> {
  return countsOf(await database.counts.get(mailboxCountId(mailboxId)));
}

export async function unifiedCounts(database: PostvakDb, role: UnifiedRole): Promise<{ total: number; unread: number }> {
  return countsOf(await database.counts.get(unifiedCountId(role)));
}

/** Unread messages in a unified view (All inboxes, …). */
export async function countUnifiedUnread(database: PostvakDb, role: UnifiedRole): Promise<number> {
  return (await unifiedCounts(database, role)).unread;
}

/**
 * Unread per folder of one account, by path: one key-range read of its `folder:<accountId>:`
 * rows. Account ids are base64url (no `:`), so one account's prefix never
 * matches another's rows.
 */
export async function unreadByPath(database: PostvakDb, accountId: string): Promise<Map<string, number>> {
  const prefix = folderCountId(accountId, '');
  const rows = await database.counts.where('id').startsWith(prefix).toArray();
  return new Map(rows.map((row) => [row.id.slice(prefix.length), row.unread]));
}

export function useUnifiedUnread(role: UnifiedRole): number | undefined {
  return useFreshLiveQuery(() => countUnifiedUnread(db, role), [role]);
}

