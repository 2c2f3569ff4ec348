/**
 * Discovery, for AccountSync (issue #10 §12): the LIST answer as folder rows, the mailboxes and
 * their folders (mailboxes/discover.ts), and whether anything the renderer stores changed.
 */
import type { AccountId, Folder, Mailbox } from '../../../shared/model';
import type { ImapSession, ListedFolder } from '../imap/types';
import { discover } from '../mailboxes/discover';
import type { MailboxConfig } from '../mailboxes/discovery';
import { buildFolders, foldersChanged, type FolderRow } from './folderList';

export interface Discovered {
  rows: FolderRow[];
  folders: Folder[];
  mailboxes: Mailbox[];
}

export const nothingDiscovered: Discovered = { rows: [], folders: [], mailboxes: [] };

/** Discovers from `listed`; `changed` when the renderer needs a new `folders` batch. */
export async function discoverAccount(
  session: ImapSession,
  accountId: AccountId,
  listed: readonly ListedFolder[],
  config: MailboxConfig,
  previous: Discovered,
): Promise<{ found: Discovered; changed: boolean }> {
  const rows = buildFolders(accountId, listed, session.sharedPrefixes);
  const { folders, mailboxes } = await discover(session, rows, config);
  const changed = foldersChanged(previous.folders, folders) || JSON.stringify(previous.mailboxes) !== JSON.stringify(mailboxes);
  return { found: { rows, folders, mailboxes }, changed };
}

/**
 * Dovecot fills a session's other-users namespace (RFC 2342 §3) at login: a grant made later
 * does not show in that session's LIST (seen against the test stack). So discovery lists on a
 * short fresh login (a `probe` lease of the budget); the caller replaces its session when the
 * answer differs — the cursors make that cheap.
 */
export async function listOnFreshLogin(connect: () => Promise<ImapSession>): Promise<ListedFolder[]> {
  const probe = await connect();
  try {
    return await probe.listFolders();
  } finally {
    await probe.close().catch(() => undefined);
  }
}

/** Whether a fresh login lists other folders than the session's rows. */
export function listsDiffer(accountId: AccountId, rows: readonly FolderRow[], listed: readonly ListedFolder[], sharedPrefixes: readonly string[]): boolean {
  return foldersChanged(rows, buildFolders(accountId, listed, sharedPrefixes));
}
