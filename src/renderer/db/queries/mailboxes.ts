/**
 * Mailboxes (own, shared, added by hand) with their folders, read live from the cache for the
 * folder tree, the message list's mailbox marks, the reader's rights and Settings.
 */
import { db } from '../db';
import type { FolderRow, MailboxRow } from '../rows';
import type { PostvakDb } from '../schema';
import { loadFolders } from './folders';
import { countUnifiedUnread } from './messages';
import { useFreshLiveQuery } from './useFreshLiveQuery';

export function folderKeyOf(accountId: string, path: string): string {
  return `${accountId}\u0000${path}`;
}

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

/** Everything the folder tree shows, in one read. */
export async function loadMailData(database: PostvakDb, accountIds: readonly string[]): Promise<MailData> {
  return database.transaction('r', [database.mailboxes, database.folders, database.messages], async () => {
    const { mailboxes, folders } = await loadMailboxesAndFolders(database, accountIds);
    const counts = await Promise.all(
      folders.map((folder) =>
        database.messages.where('[accountId+folderPath+unread]').equals([folder.accountId, folder.path, 1]).count(),
      ),
    );
    const unread = Object.fromEntries(folders.map((folder, index) => [folderKeyOf(folder.accountId, folder.path), counts[index] ?? 0]));
    return { mailboxes, folders, unread, unifiedUnread: await countUnifiedUnread(database, 'inbox') };
  });
}

export function useMailData(accountIds: readonly string[]): MailData | undefined {
  return useFreshLiveQuery(() => loadMailData(db, accountIds), [accountIds]);
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
