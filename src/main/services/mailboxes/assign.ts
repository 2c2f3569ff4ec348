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

/**
 * The rows with each shared mailbox's Inbox marked (issue #10 §8). Dovecot lists it as
 * `<prefix>INBOX` (named INBOX, so folderRoles.ts already knows it); Cyrus lists the mailbox's
 * own top folder instead — `user.info` without altnamespace, `Other Users/info` with it — and
 * its folders below (`user.info.Sent`). That top folder, when it can be selected and the
 * mailbox has no other Inbox, is the Inbox. Public folders have none: their top folder stays an
 * ordinary folder. Pure.
 */
export function withMailboxInboxes<R extends Pick<Folder, 'path' | 'role' | 'selectable'>>(rows: readonly R[], mailboxes: readonly Pick<Mailbox, 'id' | 'prefix' | 'source' | 'public'>[]): R[] {
  const inboxes = new Set<string>();
  for (const mailbox of mailboxes) {
    if (mailbox.source === 'account' || mailbox.public || mailbox.prefix.length < 2) continue;
    if (roleFolder(rows, mailboxes, mailbox.id, 'inbox')) continue;
    const top = mailbox.prefix.slice(0, -1);
    if (rows.some((r) => r.path === top && r.selectable)) inboxes.add(top);
  }
  return inboxes.size ? rows.map((r) => (inboxes.has(r.path) ? { ...r, role: 'inbox' } : r)) : [...rows];
}

/** The Inbox of a mailbox (its folder with the inbox role, see withMailboxInboxes), if any. */
export function inboxOf<F extends Pick<Folder, 'path' | 'role' | 'selectable'>>(folders: readonly F[], mailboxes: readonly Pick<Mailbox, 'id' | 'prefix'>[], mailboxId: string): string | null {
  return roleFolder(folders, mailboxes, mailboxId, 'inbox')?.path ?? null;
}
