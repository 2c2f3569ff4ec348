/** Folder list and unread counts for the folder tree, read live from the cache. */
import { db } from '../db';
import type { FolderRow } from '../rows';
import type { PostvakDb } from '../schema';
import { accountRange } from '../schema';
import { useFreshLiveQuery } from './useFreshLiveQuery';

export async function loadFolders(database: PostvakDb, accountId: string): Promise<FolderRow[]> {
  const [lower, upper] = accountRange(accountId);
  return database.folders.where('[accountId+path]').between(lower, upper, true, true).toArray();
}

/** Unread messages per folder path, counted on the `[accountId+folderPath+unread]` index. */
export async function loadUnreadCounts(database: PostvakDb, accountId: string): Promise<Record<string, number>> {
  const folders = await loadFolders(database, accountId);
  const counts = await Promise.all(
    folders.map((folder) =>
      database.messages.where('[accountId+folderPath+unread]').equals([accountId, folder.path, 1]).count(),
    ),
  );
  return Object.fromEntries(folders.map((folder, index) => [folder.path, counts[index] ?? 0]));
}

export function useFolders(accountId: string | null): FolderRow[] | undefined {
  return useFreshLiveQuery(async () => (accountId ? loadFolders(db, accountId) : []), [accountId]);
}

export function useUnreadCounts(accountId: string | null): Record<string, number> | undefined {
  return useFreshLiveQuery(async () => (accountId ? loadUnreadCounts(db, accountId) : {}), [accountId]);
}

export interface AccountFolders {
  folders: FolderRow[];
  unread: Record<string, number>;
}

/** Folders and unread counts for several accounts in one live query (one tree shows them all). */
export function useAccountFolders(accountIds: readonly string[]): Record<string, AccountFolders> | undefined {
  return useFreshLiveQuery(async () => {
    const entries = await Promise.all(
      accountIds.map(async (accountId) => {
        const [folders, unread] = await Promise.all([loadFolders(db, accountId), loadUnreadCounts(db, accountId)]);
        return [accountId, { folders, unread }] as const;
      }),
    );
    return Object.fromEntries(entries);
  }, [accountIds]);
}
