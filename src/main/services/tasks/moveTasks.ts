/**
 * Move, copy, archive, junk and not junk (issue #12 §2). Within one login — the person's own
 * folders and the shared mailboxes they see, own ↔ info@ included — one `UID MOVE` (RFC 6851) or
 * `UID COPY` whatever the number of messages; between accounts crossAccount.ts copies by FETCH +
 * APPEND. Each answers with its undo, named by the new UIDs (COPYUID, RFC 4315 §3).
 */
import type { Task, TaskOutcome } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { compressUids } from '../../../shared/uidSet';
import type { ImapSession, UidMap } from '../imap/types';
import { flagsNotPermitted } from './flagRules';
import { flagsRefusedByRights } from './taskRights';
import { goneAs } from './taskErrors';
import { taskMailbox, type TaskMailbox } from './taskMailbox';
import { junkKeywords, keywordsBack, moveBack, newUidsOf, refusalWords, removeCopies, transferRefusal, type Transfer } from './taskPlans';
import { ensureRoleFolder } from './roleFolders';
import { runCrossAccount, sameLogin } from './crossAccount';
import { folderListChanged, runOn, type TaskDeps } from './runTask';

type Move = Extract<Task, { type: 'move' }>;
type Copy = Extract<Task, { type: 'copy' }>;
type RoleMove = Extract<Task, { type: 'archive' | 'junk' | 'notJunk' }>;
type Keywords = NonNullable<Move['keywords']>;

export async function runTransfer(ctx: TaskDeps, task: Move | Copy): Promise<TaskOutcome> {
  if (!(await sameLogin(ctx, task.accountId, task.to.accountId))) return runCrossAccount(ctx, task);
  const target = task.to.folderPath;
  if (task.type === 'move' && target === task.folderPath) return { undo: null, count: 0 };
  const outcome = await runOn(ctx, task.accountId, async (session) => {
    const tm = await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.folderPath);
    const done = await transferWithin(session, tm, task.type, task.folderPath, task.uids, target, task.type === 'move' ? task.keywords : undefined);
    return { touched: [task.folderPath, target], value: done };
  });
  // Another account of the same login (issue #10 §7 routes): its sync shows the target.
  if (task.to.accountId !== task.accountId) ctx.sync.nudge(task.to.accountId, target);
  const newUids = newUidsOf(task.uids, outcome.map);
  const from = { accountId: task.accountId, folderPath: task.folderPath };
  return {
    undo: task.type === 'move' ? moveBack(from, task.to, newUids, outcome.keywordsBack) : removeCopies(task.to, newUids),
    ...(newUids ? { destination: { ...task.to, uids: newUids } } : {}),
    count: newUids ? newUids.length : task.uids.length,
  };
}

/**
 * Archive into the mailbox's own `\Archive` folder (RFC 6154), Junk into its Junk folder — made
 * on first use where the person may (roleFolders.ts) — and Not junk back to its Inbox. A shared
 * mailbox's messages stay in that mailbox, never the person's own (as Delete does, issue #3).
 */
export async function runRoleMove(ctx: TaskDeps, task: RoleMove): Promise<TaskOutcome> {
  const result = await runOn(ctx, task.accountId, async (session) => {
    const tm = await taskMailbox(session, await ctx.mailboxConfig(task.accountId), task.folderPath);
    const { path: target, created } = await roleTarget(session, tm, task.type);
    if (created) folderListChanged(ctx, task.accountId, tm.mailbox);
    if (target === task.folderPath) return { touched: [], value: { target, map: new Map() as UidMap, keywordsBack: undefined } };
    const keywords = task.type === 'archive' ? undefined : junkKeywords(task.type);
    const done = await transferWithin(session, tm, 'move', task.folderPath, task.uids, target, keywords);
    return { touched: [task.folderPath, target], value: { target, ...done } };
  });
  const newUids = newUidsOf(task.uids, result.map);
  const to = { accountId: task.accountId, folderPath: result.target };
  return {
    undo: moveBack({ accountId: task.accountId, folderPath: task.folderPath }, to, newUids, result.keywordsBack),
    ...(newUids ? { destination: { ...to, uids: newUids } } : {}),
    count: newUids ? newUids.length : task.uids.length,
  };
}

async function roleTarget(session: ImapSession, tm: TaskMailbox, type: RoleMove['type']): Promise<{ path: string; created: boolean }> {
  if (type === 'notJunk') {
    const inbox = tm.roleFolder('inbox');
    if (!inbox) throw new AppError('serverRefused', `${tm.mailbox.address} has no Inbox to put the messages back in`, { mailbox: tm.mailbox.address });
    return { path: inbox.path, created: false };
  }
  return ensureRoleFolder(session, tm, type === 'archive' ? 'archive' : 'junk');
}

interface Transferred {
  map: UidMap | null;
  /** What the undo stores to put the keywords back (Junk / Not junk). */
  keywordsBack: Keywords | undefined;
}

/**
 * One `UID MOVE` or `UID COPY` of `uids` from `source` to `target` on this session, after the
 * rights check (MYRIGHTS on both, RFC 4314 §4) and, with `keywords`, a `UID STORE` of them where
 * the folder keeps keywords (PERMANENTFLAGS `\*`, RFC 9051 §7.1; otherwise the move still goes).
 */
async function transferWithin(
  session: ImapSession,
  tm: TaskMailbox,
  kind: Transfer,
  source: string,
  uids: readonly number[],
  target: string,
  keywords: Keywords | undefined,
): Promise<Transferred> {
  const sourceRights = await goneAs(source, () => session.myRights(source));
  const targetRights = await goneAs(target, () => session.myRights(target));
  const missing = transferRefusal(kind, sourceRights, targetRights);
  if (missing) {
    const mailbox = missing === 'insert' ? tm.mailboxOf(target) : tm.mailbox;
    const folder = missing === 'insert' ? target : source;
    throw new AppError('notPermitted', refusalWords(missing, mailbox.address, folder), { mailbox: mailbox.address, folderPath: folder });
  }
  return session.inFolder(
    source,
    async (folder) => {
      if (kind === 'move' && folder.snapshot.readOnly) {
        // SELECT answered [READ-ONLY] (RFC 9051 §7.1): nothing may leave this folder.
        throw new AppError('notPermitted', refusalWords('remove', tm.mailbox.address, source), { mailbox: tm.mailbox.address, folderPath: source });
      }
      let stored: Keywords | null = null;
      let back: Keywords | undefined;
      if (keywords) {
        const allowed = (list: string[]) => {
          const refused = new Set([...flagsNotPermitted(folder.snapshot.permanentFlags, list), ...flagsRefusedByRights(sourceRights, list)]);
          return list.filter((k) => !refused.has(k));
        };
        stored = { add: allowed(keywords.add), remove: allowed(keywords.remove) };
        if (stored.add.length + stored.remove.length > 0) {
          const before = await folder.fetchFlags(compressUids(uids), null);
          back = keywordsBack(stored, new Map(before.changes.map((c) => [c.uid, c.flags])));
          await folder.store(uids, stored.add, stored.remove);
        }
      }
      try {
        const map = await goneAs(target, () => (kind === 'move' ? folder.moveUids(uids, target) : folder.copyUids(uids, target)));
        return { map, keywordsBack: back };
      } catch (error) {
        // Nothing moved: the keywords go back as they were, best effort (the error is what counts).
        if (stored && back) await folder.store(uids, back.add, back.remove).catch(() => undefined);
        throw error;
      }
    },
    { fresh: false },
  );
}
