/**
 * Tasks on a whole folder (issue #12 §3, §6): mark it read, empty Trash / Junk, and create,
 * rename or delete a folder where the rights allow (RFC 4314 §4: `k` on the parent to create,
 * `x` on the folder to delete or rename), the server's refusal said plainly.
 */
import type { Task, TaskOutcome } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Mailbox } from '../../../shared/model';
import { parseRights } from '../../../shared/rights';
import type { ImapSession } from '../imap/types';
import { flagsRefusedByRights } from './taskRights';
import { goneAs, isFolderGone, isNoPerm } from './taskErrors';
import { taskMailbox } from './taskMailbox';
import { childPath, mayEmpty, nameRefusal, renamedPath } from './taskPlans';
import { folderListChanged, runOn, type TaskDeps } from './runTask';

type MarkRead = Extract<Task, { type: 'markFolderRead' }>;
type Empty = Extract<Task, { type: 'emptyFolder' }>;
type FolderTask = Extract<Task, { type: 'createFolder' | 'renameFolder' | 'deleteFolder' }>;

/** The most UIDs one task names (src/shared/api.ts `uids`): a larger undo is not offered. */
const MAX_TASK_UIDS = 100_000;

/**
 * \Seen on exactly the messages that were unread (UID SEARCH UNSEEN, then UID STORE of those):
 * the undo clears \Seen on the same ones, not on what was read before.
 */
export async function runMarkFolderRead(ctx: TaskDeps, task: MarkRead): Promise<TaskOutcome> {
  const unseen = await runOn(ctx, task.accountId, async (session) => {
    const rights = await goneAs(task.folderPath, () => session.myRights(task.folderPath));
    const mailbox = async () => (await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.folderPath)).mailbox.address;
    if (flagsRefusedByRights(rights, ['\\Seen']).length > 0) {
      const address = await mailbox();
      throw new AppError('notPermitted', `You may not mark messages read in ${address}`, { mailbox: address });
    }
    const uids = await session.inFolder(
      task.folderPath,
      async (folder) => {
        if (folder.snapshot.readOnly) throw new AppError('notPermitted', `${task.folderPath} is read-only for you`);
        const found = await folder.unseenUids();
        if (found.length > 0) await folder.store(found, ['\\Seen'], []);
        return found;
      },
      { fresh: false },
    );
    return { touched: uids.length > 0 ? [task.folderPath] : [], value: uids };
  });
  const undo: Task | null =
    unseen.length > 0 && unseen.length <= MAX_TASK_UIDS
      ? { type: 'setFlags', accountId: task.accountId, folderPath: task.folderPath, uids: unseen, add: [], remove: ['\\Seen'] }
      : null;
  return { undo, count: unseen.length };
}

/**
 * Removes every message of a Trash or Junk folder for good: the UIDs listed now, \Deleted and
 * `UID EXPUNGE` of exactly those (RFC 4315 §2.1). Never a plain EXPUNGE, which would also take
 * whatever another member marked \Deleted meanwhile. The renderer asks first.
 */
export async function runEmptyFolder(ctx: TaskDeps, task: Empty): Promise<TaskOutcome> {
  const count = await runOn(ctx, task.accountId, async (session) => {
    const tm = await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.folderPath);
    const row = tm.folders.find((f) => f.path === task.folderPath);
    const address = tm.mailbox.address;
    if (!row) throw new AppError('folderGone', `${task.folderPath} no longer exists in ${address}`, { folderPath: task.folderPath });
    if (!mayEmpty(row.role)) throw new AppError('notPermitted', `Only a Trash or Junk folder can be emptied; ${task.folderPath} is neither`, { mailbox: address });
    const rights = await session.myRights(task.folderPath);
    if (rights !== null && !(parseRights(rights).deleteMessages && parseRights(rights).expunge)) {
      throw new AppError('notPermitted', `You may not remove messages from ${task.folderPath} of ${address}`, { mailbox: address });
    }
    if (!session.caps.uidplus) throw new AppError('unsupported', 'The server cannot remove single messages (no UIDPLUS, RFC 4315)');
    const removed = await session.inFolder(
      task.folderPath,
      async (folder) => {
        if (folder.snapshot.readOnly) throw new AppError('notPermitted', `${task.folderPath} is read-only for you`, { mailbox: address });
        const uids = await folder.searchUids();
        if (uids.length > 0) await folder.deleteUids(uids);
        return uids.length;
      },
      { fresh: false },
    );
    return { touched: [task.folderPath], value: removed };
  });
  return { undo: null, count };
}

/** CREATE, RENAME or DELETE (RFC 9051 §6.3.4-6), then the folder list is read again. */
export async function runFolderTask(ctx: TaskDeps, task: FolderTask): Promise<TaskOutcome> {
  const { outcome, mailbox } = await runOn(ctx, task.accountId, async (session) => ({ touched: [], value: await folderOperation(ctx, session, task) }));
  folderListChanged(ctx, task.accountId, mailbox);
  if (outcome.folderPath && task.type !== 'deleteFolder') ctx.sync.nudge(task.accountId, outcome.folderPath);
  return outcome;
}

async function folderOperation(ctx: TaskDeps, session: ImapSession, task: FolderTask): Promise<{ outcome: TaskOutcome; mailbox: Mailbox }> {
  const tm = await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.type === 'createFolder' ? (task.parentPath ?? '') : task.folderPath);
  const address = tm.mailbox.address;
  const refused = (what: string) => new AppError('notPermitted', `You may not ${what} in ${address}`, { mailbox: address });
  const rightsOf = async (path: string) => {
    // A parent that is no folder (a namespace or another person's mailbox top) has no rights to
    // ask for: the server's answer to the command itself decides.
    const rights = await session.myRights(path).catch((error: unknown) => (isFolderGone(error) ? undefined : Promise.reject(error)));
    return rights === undefined || rights === null ? null : parseRights(rights);
  };
  // [NOPERM] (RFC 5530) from the command itself: the ACL said no after all.
  const run = async (what: string, command: () => Promise<void>) => {
    try {
      await command();
    } catch (error) {
      if (isNoPerm(error)) throw refused(what);
      throw error;
    }
  };

  if (task.type === 'createFolder') {
    const parent = task.parentPath;
    const delimiter = (parent && tm.folders.find((f) => f.path === parent)?.delimiter) || tm.folders.find((f) => f.delimiter)?.delimiter || '/';
    const badName = nameRefusal(task.name, delimiter);
    if (badName) throw new AppError('invalidInput', badName);
    const path = childPath(parent, task.name, delimiter);
    if (parent !== null && (await rightsOf(parent))?.createMailbox === false) throw refused('create folders under this folder');
    await run('create folders under this folder', () => session.createFolder(path));
    return { outcome: { undo: { type: 'deleteFolder', accountId: task.accountId, folderPath: path }, folderPath: path }, mailbox: tm.mailbox };
  }

  const row = tm.folders.find((f) => f.path === task.folderPath);
  if (!row) throw new AppError('folderGone', `${task.folderPath} no longer exists in ${address}`, { folderPath: task.folderPath });
  if (row.role === 'inbox') throw new AppError('invalidInput', `The Inbox of ${address} cannot be renamed or deleted`);
  const rights = await rightsOf(task.folderPath);

  if (task.type === 'renameFolder') {
    const badName = nameRefusal(task.name, row.delimiter);
    if (badName) throw new AppError('invalidInput', badName);
    const path = renamedPath(task.folderPath, task.name, row.delimiter);
    if (path === task.folderPath) return { outcome: { undo: null, folderPath: path }, mailbox: tm.mailbox };
    if (rights?.deleteMailbox === false) throw refused('rename this folder');
    if (row.parentPath && (await rightsOf(row.parentPath))?.createMailbox === false) throw refused('rename folders here');
    await run('rename this folder', () => session.renameFolder(task.folderPath, path));
    return { outcome: { undo: { type: 'renameFolder', accountId: task.accountId, folderPath: path, name: row.name }, folderPath: path }, mailbox: tm.mailbox };
  }

  if (rights?.deleteMailbox === false) throw refused('delete this folder');
  await run('delete this folder', () => session.deleteFolder(task.folderPath));
  return { outcome: { undo: null, folderPath: task.folderPath }, mailbox: tm.mailbox };
}
