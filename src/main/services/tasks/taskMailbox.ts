/**
 * The mailbox a task's folder belongs to, found the way discovery finds it (NAMESPACE + LIST,
 * mailboxes/discovery.ts), on the account's request connection.
 */
import type { FolderRole, Mailbox } from '../../../shared/model';
import type { ImapSession } from '../imap/types';
import type { MailboxConfig } from '../mailboxes/discovery';
import { mailboxOf, mailboxSkeletons, sharedOwners } from '../mailboxes/discovery';
import { roleFolder, withMailboxInboxes } from '../mailboxes/assign';
import { buildFolders, type FolderRow } from '../sync/folderList';

export interface TaskMailbox {
  mailbox: Mailbox;
  /** That mailbox's own Trash, if it has one. */
  trashPath: string | null;
  /** Every folder the LIST showed (all mailboxes of the login), with roles. */
  folders: FolderRow[];
  /** The folder of this mailbox with `role` (RFC 6154 special-use or its usual name), if any. */
  roleFolder(role: FolderRole): FolderRow | null;
  /** The mailbox of another path of the same login. */
  mailboxOf(path: string): Mailbox;
}

export async function taskMailbox(session: ImapSession, config: MailboxConfig, folderPath: string): Promise<TaskMailbox> {
  const ns = await session.namespaces();
  const rows = buildFolders(config.accountId, await session.listFolders(), session.sharedPrefixes);
  const mailboxes = mailboxSkeletons(config, sharedOwners([...ns.otherUsers, ...ns.shared], rows.map((r) => r.path)));
  const folders = withMailboxInboxes(rows, mailboxes);
  const find = (path: string) => mailboxOf(path, mailboxes) ?? (mailboxes[0] as Mailbox);
  const mailbox = find(folderPath);
  const byRole = (role: FolderRole) => roleFolder(folders, mailboxes, mailbox.id, role);
  return { mailbox, trashPath: byRole('trash')?.path ?? null, folders, roleFolder: byRole, mailboxOf: find };
}
