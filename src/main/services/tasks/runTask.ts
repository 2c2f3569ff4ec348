/**
 * Runs one user mutation (tasks.queue, src/main/rpc/handlers/tasks.ts). The renderer has already applied the change to its cache and
 * rolls it back when this rejects; on success every client's engine re-reads the touched
 * folders, so other windows and other people's clients converge (expunges arrive as
 * removedUids). Rights are checked here with MYRIGHTS (RFC 4314 §3.5) before anything is sent.
 */
import type { Task, TaskOutcome } from '../../../shared/api';
import type { Mailbox } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import type { ServicesContext } from '../context';
import { toAppError } from '../imap/imapErrors';
import type { ImapSession } from '../imap/types';
import { flagsNotPermitted } from './flagRules';
import { flagsRefusedByRights } from './taskRights';
import { runDelete } from './deleteTask';
import { runRestore } from './restoreTask';
import { runRoleMove, runTransfer } from './moveTasks';
import { runEmptyFolder, runFolderTask, runMarkFolderRead } from './folderTasks';
import { taskMailbox } from './taskMailbox';
import { prepareSend } from '../compose/prepareSend';

/** What running a task uses (a send also prepares the message: SendDeps). */
export type TaskDeps = Pick<ServicesContext, 'accounts' | 'identities' | 'inFolder' | 'log' | 'mailboxConfig' | 'ops' | 'outbox' | 'password' | 'sync'>;

type SetFlags = Extract<Task, { type: 'setFlags' }>;
type Send = Extract<Task, { type: 'send' }>;

export async function runTask(ctx: TaskDeps, task: Task): Promise<TaskOutcome> {
  switch (task.type) {
    case 'setFlags':
      await withSession(ctx, task.accountId, (session) => setFlags(ctx, session, task));
      return { undo: null };
    case 'delete':
      return runDelete(ctx, task);
    case 'restore':
      return runRestore(ctx, task);
    case 'move':
    case 'copy':
      return runTransfer(ctx, task);
    case 'archive':
    case 'junk':
    case 'notJunk':
      return runRoleMove(ctx, task);
    case 'markFolderRead':
      return runMarkFolderRead(ctx, task);
    case 'emptyFolder':
      return runEmptyFolder(ctx, task);
    case 'createFolder':
    case 'renameFolder':
    case 'deleteFolder':
      return runFolderTask(ctx, task);
    case 'send':
      await queueSend(ctx, task);
      return { undo: null };
  }
}

/** Issue #4 §6: stored in the durable outbox first; it goes out after the undo window. */
async function queueSend(ctx: TaskDeps, task: Send): Promise<void> {
  const account = await ctx.accounts.get(task.message.accountId);
  let files;
  try {
    files = await prepareSend(ctx, task.message, task.delaySeconds);
  } catch (error) {
    throw toAppError(error, account.imap.host, await ctx.password(account.id), ctx.log);
  }
  await ctx.outbox.add(files);
}

export async function withSession(ctx: TaskDeps, accountId: string, fn: (session: ImapSession) => Promise<string[]>): Promise<void> {
  await runOn(ctx, accountId, async (session) => ({ touched: await fn(session), value: undefined }));
}

/**
 * Runs `fn` on the account's request connection (imap/OpsConnections.ts) with its errors as
 * AppErrors, then has the sync engine re-read the folders it `touched` (every client converges).
 */
export async function runOn<T>(ctx: TaskDeps, accountId: string, fn: (session: ImapSession) => Promise<{ touched: string[]; value: T }>): Promise<T> {
  const account = await ctx.accounts.get(accountId);
  let result: { touched: string[]; value: T };
  try {
    result = await ctx.ops.use(accountId, fn);
  } catch (error) {
    throw toAppError(error, account.imap.host, await ctx.password(accountId), ctx.log);
  }
  for (const path of new Set(result.touched)) ctx.sync.nudge(accountId, path);
  return result.value;
}

/**
 * Every client's folder tree follows a created, renamed or deleted folder through the sync's next
 * LIST. Dovecot shows another person's folders as a session first listed them (a folder made in
 * info@ stays unlisted on an open session), so a shared mailbox's change needs the fresh login
 * of a re-discovery; the person's own folders a LIST on the sync session shows.
 */
export function folderListChanged(ctx: TaskDeps, accountId: string, mailbox: Pick<Mailbox, 'source'>): void {
  if (mailbox.source === 'account') ctx.sync.relist(accountId);
  else ctx.sync.rediscover(accountId);
}

async function setFlags(ctx: TaskDeps, session: ImapSession, task: SetFlags): Promise<string[]> {
  const flags = [...task.add, ...task.remove];
  const byRights = flagsRefusedByRights(await session.myRights(task.folderPath), flags);
  if (byRights.length > 0) {
    const { mailbox } = await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.folderPath);
    throw new AppError('notPermitted', `You may not change ${byRights.join(', ')} in ${mailbox.address}`, { flags: byRights, mailbox: mailbox.address });
  }
  await session.inFolder(
    task.folderPath,
    async (folder) => {
      if (folder.snapshot.readOnly) {
        // SELECT answered [READ-ONLY] (RFC 9051 §7.1): e.g. a shared mailbox with only `lr` rights (RFC 4314).
        throw new AppError('notPermitted', `${task.folderPath} is read-only for you`);
      }
      const refused = flagsNotPermitted(folder.snapshot.permanentFlags, flags);
      if (refused.length > 0) {
        throw new AppError('notPermitted', `You may not change ${refused.join(', ')} in ${task.folderPath}`, { flags: refused });
      }
      await folder.store(task.uids, task.add, task.remove);
    },
    { fresh: false },
  );
  return [task.folderPath];
}
