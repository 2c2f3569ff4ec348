/**
 * The mailbox a task's folder belongs to, found the way discovery finds it (NAMESPACE + LIST,
 * mailboxes/discovery.ts), on the account's request connection.
 */
import type { Mailbox } from '../../../shared/model';
import type { ImapSession } from '../imap/types';
import type { MailboxConfig } from '../mailboxes/discovery';
import { mailboxOf, mailboxSkeletons, sharedOwners } from '../mailboxes/discovery';
import { roleFolder } from '../mailboxes/assign';
import { buildFolders } from '../sync/folderList';

export interface TaskMailbox {
  mailbox: Mailbox;
  /** That mailbox's own Trash, if it has one. */
  trashPath: string | null;
}

export async function taskMailbox(session: ImapSession, config: MailboxConfig, folderPath: string): Promise<TaskMailbox> {
  const ns = await session.namespaces();
  const rows = buildFolders(config.accountId, await session.listFolders(), session.sharedPrefixes);
  const mailboxes = mailboxSkeletons(config, sharedOwners([...ns.otherUsers, ...ns.shared], rows.map((r) => r.path)));
  const mailbox = mailboxOf(folderPath, mailboxes) ?? (mailboxes[0] as Mailbox);
  return { mailbox, trashPath: roleFolder(rows, mailboxes, mailbox.id, 'trash')?.path ?? null };
}
