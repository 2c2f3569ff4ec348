/**
 * Which messages in a sync batch are new mail worth a notification (issue #3), as a pure
 * function: upserts into a mailbox's Inbox with a UID at or above the `uidNext` the cache held
 * before the batch (RFC 9051 §2.3.1.1: UIDs only grow within one UIDVALIDITY), not \Seen.
 * Silent during a folder's first full sync (no cursor yet), after a UIDVALIDITY reset, and for
 * mailboxes whose notifications the person switched off.
 */
import type { SyncBatch } from '../../shared/api';
import type { FolderCursor } from '../../shared/model';
import type { FolderRow, MailboxRow, MessageKey } from '../db/rows';
import { seenFlag } from '../db/rows';
import { isInbox } from '../features/mail/folderNames';
import { senderName } from '../features/mail/senderName';

export interface NewMailContext {
  folder: FolderRow | undefined;
  mailbox: MailboxRow | undefined;
  /** The folder's cursor as the cache held it before this batch. */
  previousCursor: FolderCursor | undefined;
  notifyEnabled(mailboxId: string): boolean;
}

export interface NewMail {
  key: MessageKey;
  mailboxId: string;
  mailboxAddress: string;
  sender: string;
  subject: string;
}

export function detectNewMail(batch: SyncBatch, context: NewMailContext): NewMail[] {
  const { folder, mailbox, previousCursor } = context;
  if (batch.kind !== 'messages' || batch.reset || !folder || !mailbox || !previousCursor) return [];
  if (batch.cursor && batch.cursor.uidValidity !== previousCursor.uidValidity) return [];
  if (!isInbox(folder, mailbox.prefix) || !context.notifyEnabled(mailbox.id)) return [];
  return batch.upserts
    .filter((summary) => summary.uid >= previousCursor.uidNext && !summary.flags.includes(seenFlag))
    .map((summary) => ({
      key: [batch.accountId, batch.folderPath, summary.uid],
      mailboxId: mailbox.id,
      mailboxAddress: mailbox.address,
      sender: senderName(summary.from),
      subject: summary.subject.trim(),
    }));
}
