/**
 * What writing mail needs to know of an account's mailboxes: each mailbox (with its MYRIGHTS,
 * RFC 4314) and its folders with their roles (Sent, Drafts; mapped by name in a shared
 * namespace, sync/folderRoles.ts). Found the way the sync engine finds it (mailboxes/discover.ts)
 * on the account's request connection. Pure helpers below it pick folders from the answer.
 */
import type { Folder, FolderRole, Mailbox } from '../../../shared/model';
import { parseRights } from '../../../shared/rights';
import type { ImapSession } from '../imap/types';
import { roleFolder } from '../mailboxes/assign';
import { discover } from '../mailboxes/discover';
import { mailboxOf, type MailboxConfig } from '../mailboxes/discovery';
import { buildFolders } from '../sync/folderList';

export interface MailDirectory {
  mailboxes: Mailbox[];
  folders: Folder[];
}

export async function discoverDirectory(session: ImapSession, config: MailboxConfig): Promise<MailDirectory> {
  const rows = buildFolders(config.accountId, await session.listFolders(), session.sharedPrefixes);
  const found = await discover(session, rows, config);
  return { mailboxes: found.mailboxes, folders: found.folders };
}

/** The mailbox's folder with `role` (Sent, Drafts …), or null when it has none. */
export function folderWithRole(directory: MailDirectory, mailboxId: string, role: FolderRole): Folder | null {
  return roleFolder(directory.folders, directory.mailboxes, mailboxId, role);
}

/** The account's own mailbox (`kind` own or, for a shared-mailbox account, the account itself). */
export function ownMailbox(directory: MailDirectory): Mailbox | null {
  return directory.mailboxes.find((m) => m.source === 'account') ?? null;
}

/** May the person APPEND into the folder (RFC 4314 §2.1 `i`)? Own folders: always. */
export function mayInsert(folder: Pick<Folder, 'rights'>): boolean {
  return folder.rights === null || parseRights(folder.rights).insert;
}

/** The mailbox a folder path belongs to. */
export function mailboxOfPath(directory: MailDirectory, path: string): Mailbox | null {
  return mailboxOf(path, directory.mailboxes);
}
