/**
 * Restore from Trash to where each message was deleted from (issue #12 §7), by the mailbox's
 * deletion records (services/deletions): one UID MOVE per original folder (RFC 6851). A message
 * without a record — deleted by another client, or the record lost — goes to the mailbox's Inbox,
 * as does one whose folder is gone. Rights first, for every target, before anything moves:
 * `t` and `e` on Trash (the messages leave it) and `i` on each target (RFC 4314 §4). The records
 * of the restored messages are removed after.
 */
import type { Task, TaskOutcome } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { parseRights } from '../../../shared/rights';
import type { ImapSession, UidMap } from '../imap/types';
import { dropRecords, recordsFolderOf } from '../deletions/deletionList';
import { readRecords, recordFor, recordsStatus } from '../deletions/records';
import type { DeletionRecord } from '../deletions/recordFormat';
import { runOn, type TaskDeps } from './runTask';
import { deleteRefusal } from './taskRights';
import { taskMailbox, type TaskMailbox } from './taskMailbox';
import { goneAs } from './taskErrors';
import { newUidsOf } from './taskPlans';

type Restore = Extract<Task, { type: 'restore' }>;

interface Restored {
  path: string;
  uids: number[];
  map: UidMap | null;
}

/**
 * Where each UID goes: its record's folder when that is a selectable folder of the same mailbox,
 * else the Inbox. Pure.
 */
export function restoreTargets(
  uids: readonly number[],
  recordOf: (uid: number) => DeletionRecord | null,
  mailbox: { prefix: string },
  folders: readonly { path: string; selectable: boolean }[],
  inboxPath: string | null,
): Map<string, number[]> {
  const selectable = new Set(folders.filter((f) => f.selectable).map((f) => f.path));
  const out = new Map<string, number[]>();
  for (const uid of uids) {
    const record = recordOf(uid);
    const recorded = record ? `${mailbox.prefix}${record.fromFolder}` : null;
    const target = recorded && selectable.has(recorded) ? recorded : inboxPath;
    if (!target) throw new AppError('serverRefused', 'This mailbox has no Inbox to restore the messages to');
    out.set(target, [...(out.get(target) ?? []), uid]);
  }
  return out;
}

export async function runRestore(ctx: TaskDeps, task: Restore): Promise<TaskOutcome> {
  const restored = await runOn(ctx, task.accountId, async (session) => {
    const done = await restore(ctx, session, task);
    return { touched: [task.folderPath, ...done.map((d) => d.path)], value: done };
  });
  const moved = restored.flatMap((r) => newUidsOf(r.uids, r.map) ?? []);
  const only = restored.length === 1 ? restored[0]! : null;
  const newUids = only ? newUidsOf(only.uids, only.map) : null;
  return {
    // Undo of a restore deletes them again (a new record says who); only when they went to one folder.
    undo: only && newUids && newUids.length > 0 ? { type: 'delete', accountId: task.accountId, folderPath: only.path, uids: [...newUids].sort((a, b) => a - b) } : null,
    ...(only && newUids ? { destination: { accountId: task.accountId, folderPath: only.path, uids: newUids } } : {}),
    count: moved.length || task.uids.length,
  };
}

async function restore(ctx: TaskDeps, session: ImapSession, task: Restore): Promise<Restored[]> {
  const tm = await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.folderPath);
  const address = tm.mailbox.address;
  if (tm.trashPath !== task.folderPath) throw new AppError('unsupported', `Only messages in the Trash of ${address} can be restored`, { mailbox: address });
  const trashRights = await goneAs(task.folderPath, () => session.myRights(task.folderPath));
  if (deleteRefusal({ mode: 'expunge' }, trashRights, null)) {
    throw new AppError('notPermitted', `You may not take messages out of the Trash of ${address}`, { mailbox: address });
  }
  const targets = await targetsOf(ctx, session, tm, task);
  for (const target of targets.keys()) await mayInsert(session, tm, target);
  const out: Restored[] = [];
  await session.inFolder(
    task.folderPath,
    async (folder) => {
      if (folder.snapshot.readOnly) throw new AppError('notPermitted', `You may not take messages out of the Trash of ${address}`, { mailbox: address });
      for (const [path, uids] of targets) out.push({ path, uids, map: await goneAs(path, () => folder.moveUids(uids, path)) });
    },
    { fresh: false },
  );
  await dropRecords(ctx, session, task.accountId, task.folderPath);
  return out;
}

async function targetsOf(ctx: TaskDeps, session: ImapSession, tm: TaskMailbox, task: Restore): Promise<Map<string, number[]>> {
  const folder = await recordsFolderOf(session, ctx, task.accountId, task.folderPath);
  const status = folder ? await recordsStatus(session, folder.path) : null;
  const records = folder && status && status.exists > 0 ? await readRecords(session, folder.path) : new Map<number, DeletionRecord>();
  const uidValidity = await session.inFolder(task.folderPath, async (f) => f.snapshot.uidValidity, { fresh: true });
  const own = tm.folders.filter((f) => tm.mailboxOf(f.path).id === tm.mailbox.id);
  return restoreTargets(task.uids, (uid) => recordFor(records, uidValidity, uid), tm.mailbox, own, tm.roleFolder('inbox')?.path ?? null);
}

async function mayInsert(session: ImapSession, tm: TaskMailbox, target: string): Promise<void> {
  const rights = await goneAs(target, () => session.myRights(target));
  if (rights !== null && !parseRights(rights).insert) {
    throw new AppError('notPermitted', `You may not put messages into ${target} in ${tm.mailbox.address}`, { mailbox: tm.mailbox.address, folderPath: target });
  }
}
