/**
 * The LIST answer as the renderer's Folder rows, and the order folders are synced in. Pure.
 */
import type { AccountId, Folder } from '../../../shared/model';
import type { ListedFolder } from '../imap/types';
import { folderRole, roleOrder, sortFolders } from './folderRoles';
import { isRecordsFolder } from '../deletions/recordFormat';

/** A folder as LIST describes it, before it is assigned to a mailbox (mailboxes/assign.ts). */
export type FolderRow = Omit<Folder, 'mailboxId' | 'rights'>;

export function buildFolders(accountId: AccountId, listed: readonly ListedFolder[], sharedPrefixes: readonly string[]): FolderRow[] {
  const byPath = new Map<string, FolderRow>();
  for (const entry of listed) {
    if (byPath.has(entry.path)) continue;
    const flags = entry.flags.map((f) => f.toLowerCase());
    byPath.set(entry.path, {
      accountId,
      path: entry.path,
      name: entry.name,
      delimiter: entry.delimiter,
      parentPath: entry.parentPath,
      role: folderRole(entry, sharedPrefixes),
      // RFC 9051 §7.3.1 \Noselect; RFC 5258 §3 \NonExistent implies it.
      selectable: !flags.includes('\\noselect') && !flags.includes('\\nonexistent'),
      subscribed: entry.subscribed,
    });
  }
  // Issue #12 §7: the deletion records' folder under a Trash is Postvak's own store, not a folder to show or sync.
  const rows = [...byPath.values()].filter((row) => !isRecordsFolder(row, row.parentPath === null ? null : byPath.get(row.parentPath)?.role));
  return sortFolders(rows);
}

/** The top-level INBOX (RFC 9051 §5.1: the name is case-insensitive), if listed. */
export function inboxPath(folders: readonly FolderRow[]): string | null {
  return folders.find((f) => f.parentPath === null && f.path.toUpperCase() === 'INBOX')?.path ?? null;
}

/**
 * Selectable folders in sync order: our INBOX, then folders with a role (Drafts, Sent, Archive,
 * Junk, Trash, …; shared mailboxes' role folders after ours), then the rest in display order.
 */
export function syncOrder(folders: readonly FolderRow[]): string[] {
  const selectable = folders.filter((f) => f.selectable);
  const inbox = inboxPath(selectable);
  const withRole = selectable
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => f.role !== null && f.path !== inbox)
    .sort((a, b) => roleOrder.indexOf(a.f.role!) - roleOrder.indexOf(b.f.role!) || a.index - b.index)
    .map(({ f }) => f.path);
  const rest = selectable.filter((f) => f.role === null && f.path !== inbox).map((f) => f.path);
  return [...(inbox ? [inbox] : []), ...withRole, ...rest];
}

/** Whether two folder lists differ in anything the renderer stores. */
export function foldersChanged(a: readonly FolderRow[], b: readonly FolderRow[]): boolean {
  if (a.length !== b.length) return true;
  return a.some((f, i) => JSON.stringify(f) !== JSON.stringify(b[i]));
}
