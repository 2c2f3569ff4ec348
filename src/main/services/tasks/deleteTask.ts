/**
 * Delete as a task (issue #3, issue #12 §7): into the source mailbox's own Trash, or — from Trash,
 * where there is none, or `permanent` — \Deleted + UID EXPUNGE (RFC 4315 §2.1).
 */
import type { Task, TaskOutcome } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { ImapSession } from '../imap/types';
import { withSession, type TaskDeps } from './runTask';
import { deletePlan, deleteRefusal } from './taskRights';
import { taskMailbox } from './taskMailbox';

type Delete = Extract<Task, { type: 'delete' }>;

export async function runDelete(ctx: TaskDeps, task: Delete): Promise<TaskOutcome> {
  await withSession(ctx, task.accountId, (session) => deleteMessages(ctx, session, task));
  return { undo: null };
}

async function deleteMessages(ctx: TaskDeps, session: ImapSession, task: Delete): Promise<string[]> {
  const { mailbox, trashPath } = await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.folderPath);
  const plan = deletePlan(task.folderPath, trashPath);
  const sourceRights = await session.myRights(task.folderPath);
  const trashRights = plan.mode === 'trash' ? await session.myRights(plan.trashPath) : null;
  const missing = deleteRefusal(plan, sourceRights, trashRights);
  if (missing) throw new AppError('notPermitted', `You may not ${missing} in ${mailbox.address}`, { mailbox: mailbox.address });
  if (plan.mode === 'expunge' && !session.caps.uidplus) {
    throw new AppError('unsupported', `The server cannot delete single messages (no UIDPLUS, RFC 4315)`);
  }
  await session.inFolder(
    task.folderPath,
    async (folder) => {
      if (folder.snapshot.readOnly) throw new AppError('notPermitted', `You may not delete messages in ${mailbox.address}`);
      if (plan.mode === 'trash') await folder.moveUids(task.uids, plan.trashPath);
      else await folder.deleteUids(task.uids);
    },
    { fresh: false },
  );
  return plan.mode === 'trash' ? [task.folderPath, plan.trashPath] : [task.folderPath];
}
