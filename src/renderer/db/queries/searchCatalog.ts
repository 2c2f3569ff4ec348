/**
 * What a search needs to know of the folders (issue #13 §1, §4): every visible mailbox, its
 * selectable folders and each folder's cursor (UIDVALIDITY, UIDNEXT) — to resolve `in:` and
 * `mailbox:` and the scope into folder lists, to tell the server which hits the cache holds
 * already, and to label rows and the status line with the mailbox's address. Hidden mailboxes
 * (hidden by the person, or reached through another account) are left out: their folders are
 * not synced here, and the account that syncs them lists them.
 */
import type { CursorRow, FolderRow, MailboxRow } from '../rows';
import type { PostvakDb } from '../schema';

export interface CatalogFolder extends FolderRow {
  /** The cache's cursor, or null when the folder was never synced. */
  cursor: { uidValidity: number; uidNext: number } | null;
}

export interface SearchCatalog {
  mailboxes: MailboxRow[];
  folders: CatalogFolder[];
}

export async function loadSearchCatalog(db: PostvakDb): Promise<SearchCatalog> {
  return db.transaction('r', [db.mailboxes, db.folders, db.cursors], async () => {
    const [mailboxes, folders, cursors] = await Promise.all([db.mailboxes.toArray(), db.folders.toArray(), db.cursors.toArray()]);
    const visible = mailboxes.filter((mailbox) => !mailbox.hidden);
    const ids = new Set(visible.map((mailbox) => mailbox.id));
    const byFolder = new Map<string, CursorRow>(cursors.map((cursor) => [`${cursor.accountId}\u0000${cursor.path}`, cursor]));
    return {
      mailboxes: visible,
      folders: folders
        .filter((folder) => folder.selectable && ids.has(folder.mailboxId))
        .map((folder) => {
          const cursor = byFolder.get(`${folder.accountId}\u0000${folder.path}`);
          return { ...folder, cursor: cursor ? { uidValidity: cursor.uidValidity, uidNext: cursor.uidNext } : null };
        }),
    };
  });
}
