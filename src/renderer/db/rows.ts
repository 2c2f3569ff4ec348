/**
 * What the cache stores. Rows are the shared model plus what IndexedDB needs to index them:
 * booleans cannot be index keys, so `unread`/`flagged` are 0/1 numbers.
 */
import type { Folder, FolderCursor, MessageBody, MessageSummary } from '../../shared/model';

export type FolderRow = Folder;

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

export type MessageKey = [accountId: string, folderPath: string, uid: number];
export type FolderKey = [accountId: string, path: string];

export const seenFlag = '\\Seen';
export const flaggedFlag = '\\Flagged';

/** Derives the indexed 0/1 columns from IMAP flags (RFC 9051 §2.3.2). */
export function toMessageRow(summary: MessageSummary, accountId: string): MessageRow {
  return { ...summary, accountId: accountId as MessageSummary['accountId'], ...flagColumns(summary.flags) };
}

export function flagColumns(flags: readonly string[]): Pick<MessageRow, 'unread' | 'flagged'> {
  return { unread: flags.includes(seenFlag) ? 0 : 1, flagged: flags.includes(flaggedFlag) ? 1 : 0 };
}
