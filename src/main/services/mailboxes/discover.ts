/**
 * Discovery against a session: NAMESPACE + the LIST the caller already has, then per mailbox
 * MYRIGHTS on its INBOX (RFC 4314 §3.5), a display name from METADATA `/shared/comment`
 * (RFC 5464 §3.2.1.2) and STORAGE quota (RFC 9208), and MYRIGHTS per folder of the visible
 * shared mailboxes. The decisions are the pure functions of discovery.ts and assign.ts.
 */
import type { Folder, Mailbox } from '../../../shared/model';
import type { ImapSession } from '../imap/types';
import type { FolderRow } from '../sync/folderList';
import { assignFolders, inboxOf, roleFolder, withMailboxInboxes } from './assign';
import { ImapExtError } from '../imap/ext/imapValues';
import { mailboxOf, mailboxSkeletons, sharedOwners, type MailboxConfig, type NamespaceRoot } from './discovery';
import { folderTypesOf, typeFolderRows } from '../calendar/folderTypes';

export interface Discovery {
  mailboxes: Mailbox[];
  folders: Folder[];
  namespaces: NamespaceRoot[];
}

export async function discover(session: ImapSession, listedRows: readonly FolderRow[], config: MailboxConfig): Promise<Discovery> {
  // Issue #5 §2: calendars (Kolab folder types, RFC 5464) get their role; contacts, tasks… go.
  const typed = typeFolderRows(listedRows, await folderTypesOf(session), session.sharedPrefixes);
  const ns = await session.namespaces();
  const namespaces = [...ns.otherUsers, ...ns.shared];
  const owners = sharedOwners(namespaces, typed.map((r) => r.path));
  const mailboxes: Mailbox[] = [];
  const rights = new Map<string, string>();
  const skeletons = mailboxSkeletons(config, owners);
  // Issue #10 §8: on Cyrus a shared mailbox's Inbox is its own top folder (`user.info`).
  const rows = withMailboxInboxes(typed, skeletons);
  for (const skeleton of skeletons) {
    const mailbox = { ...skeleton };
    const inbox = inboxOf(rows, skeletons, mailbox.id);
    const shared = mailbox.source !== 'account';
    if (shared && inbox) mailbox.rights = await rightsOrNone(session, inbox);
    if (mailbox.source === 'discovered' && inbox) mailbox.displayName = (await session.comment(inbox)) ?? mailbox.displayName;
    if (!mailbox.hidden && (inbox || !shared)) {
      mailbox.quota = await session.storageQuota(inbox ?? 'INBOX');
    }
    if (shared && !mailbox.hidden) {
      for (const row of rows) {
        if (!row.selectable || row.path === inbox || mailboxOf(row.path, skeletons)?.id !== mailbox.id) continue;
        const r = await rightsOrNone(session, row.path);
        if (r !== null) rights.set(row.path, r);
      }
      if (inbox && mailbox.rights !== null) rights.set(inbox, mailbox.rights);
    }
    mailboxes.push(mailbox);
  }
  return { mailboxes, folders: assignFolders(rows, mailboxes, namespaces, rights), namespaces };
}

/** Inbox folders of the visible mailboxes: what the IDLE pool watches (issue #3 "push"). */
export function watchedInboxes(folders: readonly Folder[], mailboxes: readonly Mailbox[]): string[] {
  return mailboxes
    .filter((m) => !m.hidden)
    .map((m) => roleFolder(folders, mailboxes, m.id, 'inbox')?.path ?? null)
    .filter((p): p is string => p !== null);
}

/** Calendar folders of the visible mailboxes: watched like Inboxes (issue #5 §2, within ~2 s). */
export function watchedCalendars(folders: readonly Folder[], mailboxes: readonly Mailbox[]): string[] {
  const visible = new Set(mailboxes.filter((m) => !m.hidden).map((m) => m.id));
  return folders.filter((f) => f.role === 'calendar' && f.selectable && visible.has(f.mailboxId)).map((f) => f.path);
}

/** MYRIGHTS, or `null` when the folder went away (or lost `l`) since LIST: NO (RFC 4314 §3.5). */
async function rightsOrNone(session: ImapSession, path: string): Promise<string | null> {
  try {
    return await session.myRights(path);
  } catch (error) {
    if (error instanceof ImapExtError && error.code === 'refused') return null;
    throw error;
  }
}
