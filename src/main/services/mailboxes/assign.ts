/**
 * Folder rows → the `folders` of a SyncBatch: each folder tagged with its mailbox and its rights,
 * folders of hidden mailboxes and bare namespace roots left out (issue #3). Pure.
 */
import type { Folder, FolderRole, Mailbox } from '../../../shared/model';
import type { FolderRow } from '../sync/folderList';
import { isNamespaceRoot, mailboxOf, type NamespaceRoot } from './discovery';

/**
 * @param rights MYRIGHTS per folder path (RFC 4314 §3.5); folders without an entry (containers
 *   that cannot be selected) take their mailbox's rights. Own folders always get `null`.
 */
export function assignFolders(
  rows: readonly FolderRow[],
  mailboxes: readonly Mailbox[],
  namespaces: readonly NamespaceRoot[],
  rights: ReadonlyMap<string, string>,
): Folder[] {
  const out: Folder[] = [];
  for (const row of rows) {
    const mailbox = mailboxOf(row.path, mailboxes);
    if (!mailbox || mailbox.hidden) continue;
    // `shared` above `shared/info@…/`: a namespace root, not a folder of any mailbox.
    if (mailbox.prefix === '' && isNamespaceRoot(namespaces, row.path)) continue;
    const own = mailbox.source === 'account';
    out.push({ ...row, mailboxId: mailbox.id, rights: own ? null : (rights.get(row.path) ?? mailbox.rights) });
  }
  return out;
}

/** The folder of `mailbox` with `role`, if any (selectable only). */
export function roleFolder<F extends Pick<Folder, 'path' | 'role' | 'selectable'>>(
  folders: readonly F[],
  mailboxes: readonly Pick<Mailbox, 'id' | 'prefix'>[],
  mailboxId: string,
  role: FolderRole,
): F | null {
  return folders.find((f) => f.role === role && f.selectable && mailboxOf(f.path, mailboxes)?.id === mailboxId) ?? null;
}
