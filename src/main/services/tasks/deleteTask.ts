/**
 * Delete as a task (issue #3, issue #12 §7): into the source mailbox's own Trash, or — from Trash,
 * where there is none, or `permanent` — \Deleted + UID EXPUNGE (RFC 4315 §2.1).
 *
 * In a shared mailbox a move into Trash also writes a deletion record (services/deletions) naming
 * who, when and from where, so every member sees it and can restore it; the undo is then that
 * Restore. In the person's own mailbox nobody else needs telling and their own Undo knows where
 * the messages came from, so no record is written and the undo moves them back by their new UIDs.
 */
import type { Task, TaskOutcome } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { FetchedSummary, ImapSession, UidMap } from '../imap/types';
import { dropRecords } from '../deletions/deletionList';
import { writeRecord } from '../deletions/writeRecord';
import { LISTED_MESSAGES } from '../deletions/recordFormat';
import { runOn, type TaskDeps } from './runTask';
import { deletePlan, deleteRefusal } from './taskRights';
import { taskMailbox, type TaskMailbox } from './taskMailbox';
import { moveBack, newUidsOf } from './taskPlans';

type Delete = Extract<Task, { type: 'delete' }>;

interface Deleted {
  trashPath: string | null;
  map: UidMap | null;
  shared: boolean;
  /** Why the deletion record could not be written (quota, rights), when it could not. */
  unrecorded?: string;
}

export async function runDelete(ctx: TaskDeps, task: Delete): Promise<TaskOutcome> {
  const done = await runOn(ctx, task.accountId, async (session) => {
    const value = await deleteMessages(ctx, session, task);
    return { touched: value.trashPath ? [task.folderPath, value.trashPath] : [task.folderPath], value };
  });
  if (!done.trashPath) return { undo: null, count: task.uids.length };
  const newUids = newUidsOf(task.uids, done.map);
  const trash = { accountId: task.accountId, folderPath: done.trashPath };
  const undo: Task | null =
    newUids && newUids.length > 0
      ? done.shared
        ? { type: 'restore', ...trash, uids: [...newUids].sort((a, b) => a - b) }
        : moveBack({ accountId: task.accountId, folderPath: task.folderPath }, trash, newUids)
      : null;
  return {
    undo,
    ...(newUids ? { destination: { ...trash, uids: newUids } } : {}),
    count: newUids ? newUids.length : task.uids.length,
    ...(done.unrecorded ? { warning: { code: 'recordNotWritten', message: done.unrecorded } } : {}),
  };
}

async function deleteMessages(ctx: TaskDeps, session: ImapSession, task: Delete): Promise<Deleted> {
  const tm = await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.folderPath);
  const { mailbox, trashPath } = tm;
  const plan = deletePlan(task.folderPath, trashPath, task.permanent === true);
  const sourceRights = await session.myRights(task.folderPath);
  const trashRights = plan.mode === 'trash' ? await session.myRights(plan.trashPath) : null;
  const missing = deleteRefusal(plan, sourceRights, trashRights);
  if (missing) throw new AppError('notPermitted', `You may not ${missing} in ${mailbox.address}`, { mailbox: mailbox.address });
  if (plan.mode === 'noTrash') {
    throw new AppError('noTrash', `${mailbox.address} has no Trash folder: nothing was deleted`, { mailbox: mailbox.address });
  }
  if (plan.mode === 'expunge' && !session.caps.uidplus) {
    throw new AppError('unsupported', `The server cannot delete single messages (no UIDPLUS, RFC 4315)`);
  }
  const shared = mailbox.kind === 'shared';
  const moved = await session.inFolder(
    task.folderPath,
    async (folder) => {
      if (folder.snapshot.readOnly) throw new AppError('notPermitted', `You may not delete messages in ${mailbox.address}`);
      if (plan.mode === 'expunge') {
        await folder.deleteUids(task.uids);
        return null;
      }
      // The record lists the first messages by subject: read before they leave the folder.
      const summaries = shared ? await folder.fetchSummaries(task.uids.slice(0, LISTED_MESSAGES)) : [];
      return { summaries, map: await folder.moveUids(task.uids, plan.trashPath) };
    },
    { fresh: false },
  );
  if (!moved || plan.mode !== 'trash') {
    // Removed for good from a Trash: the records of those messages go too.
    if (task.folderPath === trashPath) await dropRecords(ctx, session, task.accountId, task.folderPath);
    return { trashPath: null, map: null, shared };
  }
  const newUids = newUidsOf(task.uids, moved.map);
  const unrecorded = shared && newUids && newUids.length > 0 ? await record(ctx, session, tm, task, plan.trashPath, newUids, moved.summaries) : null;
  return { trashPath: plan.trashPath, map: moved.map, shared, ...(unrecorded ? { unrecorded } : {}) };
}

async function record(
  ctx: TaskDeps,
  session: ImapSession,
  tm: TaskMailbox,
  task: Delete,
  trashPath: string,
  trashUids: number[],
  summaries: readonly FetchedSummary[],
): Promise<string | null> {
  const account = await ctx.accounts.get(task.accountId);
  const delimiter = tm.folders.find((f) => f.path === trashPath)?.delimiter || '/';
  const refused = await writeRecord(session, {
    mailbox: tm.mailbox,
    by: { name: account.displayName, address: account.email },
    sourcePath: task.folderPath,
    trashPath,
    delimiter,
    trashUids,
    summaries,
    now: Date.now(),
  }).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  if (!refused) return null;
  ctx.log('warn', `Deleted in ${tm.mailbox.address}, but the deletion record could not be written`, refused);
  return refused;
}
