/** Folder list and unread counts for the folder tree, read live from the cache. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';
import type { FolderRow } from '../rows';
import type { PostvakDb } from '../schema';
import { accountRange } from '../schema';
import { folderCounts, unreadByPath } from './counts';
import { useFreshLiveQuery } from './useFreshLiveQuery';

export function folderKeyOf(accountId: string, path: string): string {
  return `${accountId}\u0000${path}`;
}

export async function loadFolders(database: PostvakDb, accountId: string): Promise<FolderRow[]> {
  const [lower, upper] = accountRange(accountId);
  return database.folders.where('[accountId+path]').between(lower, upper, true, true).toArray();
}

/** A folder's unread messages: its counter row (issue #11 §3), not a count over its messages. */
export async function countFolderUnread(database: PostvakDb, accountId: string, path: string): Promise<number> {
  return (await folderCounts(database, accountId, path)).unread;
}

export function useFolders(accountId: string | null): FolderRow[] | undefined {
  return useFreshLiveQuery(async () => (accountId ? loadFolders(db, accountId) : []), [accountId]);
}

/** One folder's unread count, live; 0 without a folder. */
export function useFolderUnread(accountId: string | null, path: string | null): number | undefined {
  return useFreshLiveQuery(async () => (accountId && path ? countFolderUnread(db, accountId, path) : 0), [accountId, path]);
}

/** Unread counts of every folder of these accounts, keyed by folderKeyOf. */
export async function loadUnreadByFolder(database: PostvakDb, accountIds: readonly string[]): Promise<Record<string, number>> {
  const perAccount = await Promise.all(accountIds.map((accountId) => unreadByPath(database, accountId)));
  const counts: Record<string, number> = {};
  accountIds.forEach((accountId, index) => {
    for (const [path, unread] of perAccount[index] ?? []) counts[folderKeyOf(accountId, path)] = unread;
  });
  return counts;
}

/**
 * Unread counts of these folders' accounts, keyed by folderKeyOf (a folder without a counter
 * row has none yet: read it as 0). One live query reads the counter rows of the accounts — a
 * key range each, a few hundred small rows at most — so a change anywhere costs one such read,
 * never a count over messages. It depends on the accounts only: while the folder list changes,
 * the previous counts stay, so the tree does not flicker. `undefined` until the first counts
 * are in.
 */
export function useUnreadByFolder(folders: readonly Pick<FolderRow, 'accountId'>[] | undefined): Record<string, number> | undefined {
  const tag = folders ? JSON.stringify([...new Set(folders.map((folder) => folder.accountId))].sort()) : null;
  const counts = useLiveQuery(
    // Counts that cannot be read (the database closing) show as none rather than blocking the tree.
    async () => (tag === null ? undefined : loadUnreadByFolder(db, JSON.parse(tag) as string[]).catch(() => ({}))),
    [tag],
  );
  return folders ? counts : undefined;
}
