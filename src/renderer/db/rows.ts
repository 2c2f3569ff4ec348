/**
 * What the cache stores. Rows are the shared model plus what IndexedDB needs to index them:
 * booleans cannot be index keys, so `unread`/`flagged` are 0/1 numbers.
 */
import type { Folder, FolderCursor, FolderRole, Mailbox, MessageBody, MessageSummary } from '../../shared/model';
import type { StoredEvent } from '../../shared/model/calendar';
import type { SearchScope } from '../../shared/search/queryModel';

export type FolderRow = Folder;
export type MailboxRow = Mailbox;

/** The roles that have a unified view across all mailboxes (issue #3). */
export const unifiedRoles = ['inbox', 'sent', 'drafts'] as const;
export type UnifiedRole = (typeof unifiedRoles)[number];

export function unifiedRoleOf(role: FolderRole | null | undefined): UnifiedRole | undefined {
  return (unifiedRoles as readonly string[]).includes(role ?? '') ? (role as UnifiedRole) : undefined;
}

/**
 * One message as views see it: its summary with the flags of its page head (pages/pageRows.ts),
 * and `unread`/`flagged` as 0/1 for convenience. Built on read (pages/messageRows.ts); the cache
 * stores summaries in pages, not one row per message (issue #11 §1).
 */
export interface MessageRow extends MessageSummary {
  unread: 0 | 1;
  flagged: 0 | 1;
}

export interface CursorRow extends FolderCursor {
  accountId: string;
}

export interface BodyRow extends MessageBody {
  fetchedAt: number;
}

/**
 * A saved search (issue #13 §5): a virtual folder in the tree, counted and kept current like a
 * folder. `query` is the text as typed (parsed again when run, so parser fixes reach old ones).
 */
export interface SavedSearchRow {
  id: string;
  name: string;
  query: string;
  scope: SearchScope;
  createdAt: number;
}

export type MessageKey = [accountId: string, folderPath: string, uid: number];
export type FolderKey = [accountId: string, path: string];

export const seenFlag = '\\Seen';
export const flaggedFlag = '\\Flagged';
/** RFC 9051 §2.3.2 system flag, and the `$Forwarded` keyword registered with IANA (RFC 5788). */
export const answeredFlag = '\\Answered';
export const forwardedFlag = '$Forwarded';

/** A summary as views see it (tests and composed rows; the cache builds rows in pages/messageRows.ts). */
export function toMessageRow(summary: MessageSummary, accountId: string, folderPath = summary.folderPath): MessageRow {
  return { ...summary, accountId: accountId as MessageSummary['accountId'], folderPath, ...flagColumns(summary.flags) };
}

export function flagColumns(flags: readonly string[]): Pick<MessageRow, 'unread' | 'flagged'> {
  return { unread: flags.includes(seenFlag) ? 0 : 1, flagged: flags.includes(flaggedFlag) ? 1 : 0 };
}

/**
 * One remembered From override (issue #4 §3): `conversation` keyed by the conversation's first
 * Message-ID, `mailbox` by the mailbox id a new message was started in.
 */
export interface FromMemoryRow {
  kind: 'conversation' | 'mailbox';
  key: string;
  identityId: string;
  updatedAt: number;
}
export type FromMemoryKey = [kind: FromMemoryRow['kind'], key: string];

/** A calendar event as cached (issue #5 §2): the StoredEvent of one message in a calendar folder. */
export type EventRow = StoredEvent;
export type EventKey = [accountId: string, folderPath: string, imapUid: number];

/**
 * The person's own choices for one calendar (issue #5 §3, §6), keyed `${accountId}|${folderPath}`.
 * No row = the defaults: shown, with reminders.
 */
export interface CalendarPrefsRow {
  key: string;
  visible: boolean;
  reminders: boolean;
}

/** One alarm the person dismissed or snoozed (issue #5 §6), keyed by DueAlarm.id. */
export interface ReminderStateRow {
  id: string;
  /** When the alarm was due, so old rows can be pruned. */
  alarmAt: number;
  dismissedAt: number | null;
  snoozedUntil: number | null;
}

/** The one row remembering when reminders were last checked ("missed while closed", issue #5 §6). */
export const lastReminderCheckId = '#lastCheck';
export interface ReminderCheckRow {
  id: typeof lastReminderCheckId;
  checkedAt: number;
}

export type ReminderRow = ReminderStateRow | ReminderCheckRow;
