/**
 * Mailboxes (own, shared, added by hand) with their folders, read live from the cache for the
 * folder tree, the message list's mailbox marks, the reader's rights and Settings.
 */
import { useMemo } from 'react';
import { db } from '../db';
import type { FolderRow, MailboxRow } from '../rows';
import type { PostvakDb } from '../schema';
import { loadFolders, useUnreadByFolder } from './folders';
import { useUnifiedUnread } from './counts';
import { useFreshLiveQuery } from './useFreshLiveQuery';

export { folderKeyOf } from './folders';

export interface MailboxesAndFolders {
  /** Every cached mailbox of these accounts, hidden ones included. */
  mailboxes: MailboxRow[];
  folders: FolderRow[];
}

export interface MailData extends MailboxesAndFolders {
  /** Unread messages per folder, keyed by `folderKeyOf`. */
  unread: Record<string, number>;
  /** Unread in "All inboxes". */
  unifiedUnread: number;
}

export async function loadMailboxesAndFolders(database: PostvakDb, accountIds: readonly string[]): Promise<MailboxesAndFolders> {
  const [mailboxes, perAccount] = await Promise.all([
    database.mailboxes.where('accountId').anyOf([...accountIds]).toArray(),
    Promise.all(accountIds.map((accountId) => loadFolders(database, accountId))),
  ]);
  return { mailboxes, folders: perAccount.flat() };
}

/**
 * Everything the folder tree shows: mailboxes and folders in one live query, the folders' unread
 * counts from their counter rows (useUnreadByFolder), and All inboxes' unread count.
 */
export function useMailData(accountIds: readonly string[]): MailData | undefined {
  const base = useMailboxesAndFolders(accountIds);
  const unread = useUnreadByFolder(base?.folders);
  const unifiedUnread = useUnifiedUnread('inbox');
  return useMemo(
    () => (base && unread && unifiedUnread !== undefined ? { ...base, unread, unifiedUnread } : undefined),
    [base, unread, unifiedUnread],
  );
}

export function useMailboxesAndFolders(accountIds: readonly string[]): MailboxesAndFolders | undefined {
  return useFreshLiveQuery(() => loadMailboxesAndFolders(db, accountIds), [accountIds]);
}

/** One folder's row (for its rights); `null` once known not to be cached. */
export function useFolder(accountId: string | null, path: string | null): FolderRow | null | undefined {
  return useFreshLiveQuery(
    async () => (accountId && path ? ((await db.folders.get([accountId, path])) ?? null) : null),
    [accountId, path],
  );
}
