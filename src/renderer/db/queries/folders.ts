/** Folder list and unread counts for the folder tree, read live from the cache. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { db } from '../db';
import type { FolderRow } from '../rows';
import type { PostvakDb } from '../schema';
import { accountRange } from '../schema';
import { useFreshLiveQuery } from './useFreshLiveQuery';

export function folderKeyOf(accountId: string, path: string): string {
  return `${accountId}\u0000${path}`;
}

export async function loadFolders(database: PostvakDb, accountId: string): Promise<FolderRow[]> {
  const [lower, upper] = accountRange(accountId);
  return database.folders.where('[accountId+path]').between(lower, upper, true, true).toArray();
}

/** A folder's unread messages, counted on the `[accountId+folderPath+unread]` index. */
export function countFolderUnread(database: PostvakDb, accountId: string, path: string): Promise<number> {
  return database.messages.where('[accountId+folderPath+unread]').equals([accountId, path, 1]).count();
}

export function useFolders(accountId: string | null): FolderRow[] | undefined {
  return useFreshLiveQuery(async () => (accountId ? loadFolders(db, accountId) : []), [accountId]);
}

/** One folder's unread count, live; 0 without a folder. */
export function useFolderUnread(accountId: string | null, path: string | null): number | undefined {
  return useFreshLiveQuery(async () => (accountId && path ? countFolderUnread(db, accountId, path) : 0), [accountId, path]);
}

/**
 * Unread counts of these folders, keyed by folderKeyOf, each folder its own live query: a
 * change in one folder recounts that folder only. (IndexedDB counts by walking the index, so
 * one query over every folder recounted a 100,000-message folder's tens of thousands of unread
 * entries on each new message anywhere — on the new-mail path, and after every batch of a
 * first sync.) `undefined` until the first counts are in; while the folder list changes, the
 * previous counts stay (a new folder reads 0 for a moment) so the tree does not flicker.
 */
export function useUnreadByFolder(folders: readonly Pick<FolderRow, 'accountId' | 'path'>[] | undefined): Record<string, number> | undefined {
  const tag = folders ? JSON.stringify(folders.map((folder) => [folder.accountId, folder.path])) : null;
  const [counts, setCounts] = useState<Record<string, number>>();
  useEffect(() => {
    if (tag === null) return;
    const list = JSON.parse(tag) as [string, string][];
    const current: Record<string, number> = {};
    const first = new Set<string>();
    const publish = () => {
      if (first.size === list.length) setCounts({ ...current });
    };
    const subscriptions = list.map(([accountId, path]) => {
      const key = folderKeyOf(accountId, path);
      const settle = (count: number) => {
        current[key] = count;
        first.add(key);
        publish();
      };
      // A count that cannot be read (the database closing) shows as none rather than blocking the tree.
      return liveQuery(() => countFolderUnread(db, accountId, path)).subscribe({ next: settle, error: () => settle(0) });
    });
    publish();
    return () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  }, [tag]);
  return counts;
}
