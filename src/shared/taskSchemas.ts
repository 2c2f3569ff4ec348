/**
 * User mutations as tasks (HOUSE_STYLE.md "User mutations are tasks", Mailspring's Task model;
 * issue #12 §1): the union `tasks.queue` takes, and what main answers for each.
 */
import { z } from 'zod';
import type { ApiError } from './api';
import { outgoingMessageSchema } from './composeSchemas';
import { accountId, flag, folderPath, uid } from './fieldSchemas';

/** Up to 100,000 UIDs of one folder per task (issue #12 §1: one task moves a whole selection). */
const uids = z.array(uid).min(1).max(100_000);
/** Where messages go: any selectable folder of any account (same login: one command). */
const target = z.strictObject({ accountId, folderPath });
/** A folder name typed by the person: one path segment, no control characters. */
const folderName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // LIST wildcards (RFC 9051 §6.3.9) and control characters (C0, DEL) are never part of a name.
  .refine((name) => ![...name].some((c) => c === '*' || c === '%' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'folder name');

export const setFlagsTask = z.strictObject({
  type: z.literal('setFlags'),
  accountId,
  folderPath,
  uids,
  add: z.array(flag).max(20),
  remove: z.array(flag).max(20),
});
/**
 * Delete: into the mailbox's own Trash; from Trash (or where there is none), or `permanent`,
 * \Deleted + UID EXPUNGE (RFC 9051 §6.4.9, UIDPLUS). Refused without the `t`+`e` rights (RFC 4314
 * §2.1). In a shared mailbox a move to Trash also records who deleted what from where (issue #12 §7).
 */
export const deleteTask = z.strictObject({
  type: z.literal('delete'),
  accountId,
  folderPath,
  uids,
  permanent: z.boolean().optional(),
});
/**
 * Move (issue #12 §2): UID MOVE (RFC 6851), else COPY + \Deleted + UID EXPUNGE; between accounts
 * FETCH + APPEND, the original removed only after every copy is confirmed.
 */
export const moveTask = z.strictObject({
  type: z.literal('move'),
  accountId,
  folderPath,
  uids,
  to: target,
  /** Keywords stored before the move (the undo of Junk / Not junk puts `$Junk`/`$NotJunk` back). */
  keywords: z.strictObject({ add: z.array(flag).max(4), remove: z.array(flag).max(4) }).optional(),
});
/** Copy (issue #12 §2): UID COPY, between accounts FETCH + APPEND. */
export const copyTask = z.strictObject({ type: z.literal('copy'), accountId, folderPath, uids, to: target });
/** Into the source mailbox's own `\Archive` folder (RFC 6154), created on first use when allowed. */
export const archiveTask = z.strictObject({ type: z.literal('archive'), accountId, folderPath, uids });
/** `$Junk` set, `$NotJunk` cleared (RFC 5788 registry), then moved to the mailbox's Junk. */
export const junkTask = z.strictObject({ type: z.literal('junk'), accountId, folderPath, uids });
/** `$NotJunk` set, `$Junk` cleared, then moved to the mailbox's Inbox. */
export const notJunkTask = z.strictObject({ type: z.literal('notJunk'), accountId, folderPath, uids });
/** Trash back to where each message was deleted from (issue #12 §7), by the deletion records. */
export const restoreTask = z.strictObject({ type: z.literal('restore'), accountId, folderPath, uids });
/** \Seen on every unseen message of the folder (UID SEARCH UNSEEN, then UID STORE). */
export const markFolderReadTask = z.strictObject({ type: z.literal('markFolderRead'), accountId, folderPath });
/** Removes every message of a Trash or Junk folder for good (UID EXPUNGE of what was listed). */
export const emptyFolderTask = z.strictObject({ type: z.literal('emptyFolder'), accountId, folderPath });
/** CREATE (RFC 9051 §6.3.4) under `parentPath` (null: the account's top level). Needs `k`. */
export const createFolderTask = z.strictObject({
  type: z.literal('createFolder'),
  accountId,
  parentPath: folderPath.nullable(),
  name: folderName,
});
/** RENAME within the same parent (RFC 9051 §6.3.6). Needs `x` on the folder, `k` on the parent. */
export const renameFolderTask = z.strictObject({ type: z.literal('renameFolder'), accountId, folderPath, name: folderName });
/** DELETE (RFC 9051 §6.3.5) of the folder and its messages. Needs `x`. */
export const deleteFolderTask = z.strictObject({ type: z.literal('deleteFolder'), accountId, folderPath });
/**
 * Send (issue #4 §6): stored durably in main's outbox first, submitted after `delaySeconds`
 * (the undo window; 0 = at once). Progress arrives as `outbox.changed`.
 */
export const sendTask = z.strictObject({
  type: z.literal('send'),
  message: outgoingMessageSchema,
  delaySeconds: z.number().int().min(0).max(60),
});
/** User mutations (HOUSE_STYLE.md "User mutations are tasks", Mailspring's Task model; issue #12 §1). */
export const taskSchema = z.discriminatedUnion('type', [
  setFlagsTask,
  deleteTask,
  moveTask,
  copyTask,
  archiveTask,
  junkTask,
  notJunkTask,
  restoreTask,
  markFolderReadTask,
  emptyFolderTask,
  createFolderTask,
  renameFolderTask,
  deleteFolderTask,
  sendTask,
]);
export type Task = z.infer<typeof taskSchema>;
export type TaskType = Task['type'];

/**
 * What main answers for a task (issue #12 §1). `undo` is the task that reverses it as far as the
 * server let main know (a move's new UIDs come from COPYUID/APPENDUID, RFC 4315 §3); `null` where
 * nothing can be undone (a removal for good, a send — which has its own undo window).
 */
export interface TaskOutcome {
  undo: Task | null;
  /** Where the messages went (move, copy, archive, delete into Trash, junk, restore). */
  destination?: { accountId: string; folderPath: string; uids: number[] };
  /** How many messages the task changed (markFolderRead, emptyFolder: found on the server). */
  count?: number;
  /** createFolder / renameFolder: the folder's path on the server. */
  folderPath?: string;
  /**
   * The task was done but something around it was not (issue #12 §7: the deletion record of a
   * shared mailbox could not be written): said to the person, never hidden in a log.
   */
  warning?: ApiError;
}
