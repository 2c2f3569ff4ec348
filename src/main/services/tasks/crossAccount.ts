/**
 * Move and copy between two accounts (issue #12 §2): no IMAP command spans two logins, so each
 * message is fetched from the source (`BODY.PEEK[]`, in batches of bounded size) and APPENDed to
 * the target with its flags and INTERNALDATE; APPENDUID (RFC 4315 §3) names the copy. A move
 * removes the originals (\Deleted + UID EXPUNGE of exactly those, RFC 4315 §2.1) only after every
 * copy is confirmed. When anything fails on the way, the copies already made are removed again
 * and the originals stay: nothing is lost and nothing is left twice.
 */
import type { Task, TaskOutcome } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { toAppError } from '../imap/imapErrors';
import { messageStore } from '../imap/storeOps';
import type { ImapSession } from '../imap/types';
import { folderGone, goneAs, isFolderGone } from './taskErrors';
import { taskMailbox } from './taskMailbox';
import { moveBack, newUidsOf, refusalWords, removeCopies, transferRefusal } from './taskPlans';
import type { TaskDeps } from './runTask';

type Move = Extract<Task, { type: 'move' }>;
type Copy = Extract<Task, { type: 'copy' }>;

/** One message above this is refused before anything is copied (main holds one whole in memory). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A batch of sources fetched at once stays under this, or is one message. */
export const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_MESSAGES = 100;

/** Whether two accounts are one login (same server and user name): then one UID MOVE does it. */
export async function sameLogin(ctx: TaskDeps, a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const [x, y] = await Promise.all([ctx.accounts.get(a), ctx.accounts.get(b)]);
  return x.imap.host.toLowerCase() === y.imap.host.toLowerCase() && x.imap.port === y.imap.port && x.username === y.username;
}

/** UIDs in fetch order, cut where a batch would pass `maxBytes` or `maxCount`. Pure. */
export function sourceBatches(facts: readonly { uid: number; size: number }[], maxBytes = BATCH_BYTES, maxCount = BATCH_MESSAGES): number[][] {
  const out: number[][] = [];
  let batch: number[] = [];
  let bytes = 0;
  for (const { uid, size } of facts) {
    if (batch.length > 0 && (bytes + size > maxBytes || batch.length >= maxCount)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(uid);
    bytes += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

export async function runCrossAccount(ctx: TaskDeps, task: Move | Copy): Promise<TaskOutcome> {
  const target = task.to;
  const [sourceAccount, targetAccount] = await Promise.all([ctx.accounts.get(task.accountId), ctx.accounts.get(target.accountId)]);
  // Errors are worded for the side that gave them (host, and its password kept out of the words).
  let side = 'source' as 'source' | 'target';
  const map = new Map<number, number>();
  try {
    await ctx.ops.use(task.accountId, (source) =>
      ctx.ops.use(target.accountId, async (dest) => {
        await checkRights(ctx, task, source, dest, (s) => (side = s));
        side = 'source';
        const facts = await goneAs(task.folderPath, () =>
          source.inFolder(
            task.folderPath,
            async (f) => {
              // SELECT said [READ-ONLY] (RFC 9051 §7.1): the originals could not be removed after the copies.
              if (task.type === 'move' && f.snapshot.readOnly) throw new AppError('notPermitted', `You may not remove messages from ${task.folderPath}`, { folderPath: task.folderPath });
              return f.copyFacts(task.uids);
            },
            { fresh: false },
          ),
        );
        const tooBig = facts.find((f) => f.size > MAX_MESSAGE_BYTES);
        if (tooBig) throw new AppError('tooLarge', `A message of ${Math.round(tooBig.size / 1048576)} MB is too large to copy between accounts; nothing was ${task.type === 'move' ? 'moved' : 'copied'}`);
        await copyAll(source, messageStore(dest), task.folderPath, target.folderPath, facts, map, (s) => (side = s));
        if (task.type === 'move' && map.size > 0) {
          side = 'source';
          // Only now, every copy confirmed: the originals go, exactly those (RFC 4315 §2.1).
          await source.inFolder(task.folderPath, (f) => f.deleteUids([...map.keys()]), { fresh: false });
        }
      }),
    );
  } catch (error) {
    const rolledBack = await removePartialCopies(ctx, target, [...map.values()]);
    throw explain(await wordError(ctx, error, side === 'source' ? sourceAccount : targetAccount), task.type, rolledBack, map.size);
  }
  ctx.sync.nudge(task.accountId, task.folderPath);
  ctx.sync.nudge(target.accountId, target.folderPath);
  // Without APPENDUID on every copy the new UIDs are not all known: no undo, no destination.
  const complete = [...map.values()].every((uid) => uid > 0) ? newUidsOf(task.uids, map) : null;
  const from = { accountId: task.accountId, folderPath: task.folderPath };
  return {
    undo: task.type === 'move' ? moveBack(from, target, complete) : removeCopies(target, complete),
    ...(complete ? { destination: { ...target, uids: complete } } : {}),
    count: map.size,
  };
}

/** r (and t, e for a move) on the source, i on the target (RFC 4314 §4), before anything is sent. */
async function checkRights(ctx: TaskDeps, task: Move | Copy, source: ImapSession, dest: ImapSession, at: (side: 'source' | 'target') => void): Promise<void> {
  at('source');
  const sourceRights = await goneAs(task.folderPath, () => source.myRights(task.folderPath));
  at('target');
  const targetRights = await goneAs(task.to.folderPath, () => dest.myRights(task.to.folderPath));
  const missing = transferRefusal(task.type, sourceRights, targetRights);
  if (!missing) return;
  const onTarget = missing === 'insert';
  const session = onTarget ? dest : source;
  const accountId = onTarget ? task.to.accountId : task.accountId;
  const path = onTarget ? task.to.folderPath : task.folderPath;
  const { mailbox } = await taskMailbox(session, await ctx.mailboxConfig(accountId), path);
  throw new AppError('notPermitted', refusalWords(missing, mailbox.address, path), { mailbox: mailbox.address, folderPath: path });
}

/**
 * Batch by batch: the sources of one batch fetched (never setting \Seen), each APPENDed with its
 * flags (not \Recent, which only the server sets, nor \Deleted) and INTERNALDATE. A message that
 * vanished from the source meanwhile was removed by someone else: it is skipped, not lost.
 */
async function copyAll(
  source: ImapSession,
  dest: ReturnType<typeof messageStore>,
  sourcePath: string,
  targetPath: string,
  facts: readonly { uid: number; flags: string[]; internalDate: number | null; size: number }[],
  map: Map<number, number>,
  at: (side: 'source' | 'target') => void,
): Promise<void> {
  const byUid = new Map(facts.map((f) => [f.uid, f]));
  for (const batch of sourceBatches(facts)) {
    at('source');
    const sources = await source.inFolder(sourcePath, async (f) => {
      if (!f.fetchSources) throw new AppError('unsupported', 'This connection cannot read whole messages');
      return f.fetchSources(batch, MAX_MESSAGE_BYTES);
    }, { fresh: false });
    at('target');
    for (const uid of batch) {
      const raw = sources.get(uid);
      if (!raw) continue;
      const fact = byUid.get(uid)!;
      const flags = fact.flags.filter((f) => !/^\\(recent|deleted)$/i.test(f));
      const appended = await goneAs(targetPath, () => dest.append(targetPath, raw, flags, fact.internalDate === null ? undefined : new Date(fact.internalDate)));
      // Without APPENDUID the copy is confirmed but unnamed: 0 marks it (no undo, no rollback by UID).
      map.set(uid, appended.uid ?? 0);
    }
  }
}

/** Removes the copies made before a failure (by their APPENDUIDs); false when some could not be. */
async function removePartialCopies(ctx: TaskDeps, target: { accountId: string; folderPath: string }, uids: number[]): Promise<boolean> {
  if (uids.length === 0) return true;
  if (uids.includes(0)) return false;
  try {
    await ctx.ops.use(target.accountId, (dest) => dest.inFolder(target.folderPath, (f) => f.deleteUids(uids)));
    return true;
  } catch (error) {
    ctx.log('warn', `Could not remove ${uids.length} partial copies from ${target.folderPath}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    ctx.sync.nudge(target.accountId, target.folderPath);
  }
}

async function wordError(ctx: TaskDeps, error: unknown, account: { id: string; imap: { host: string } }): Promise<unknown> {
  if (isFolderGone(error) && !(error instanceof AppError)) return folderGone('the folder', error);
  return toAppError(error, account.imap.host, await ctx.password(account.id), ctx.log);
}

/** The failure, saying what became of the messages: the originals are all still there. */
function explain(error: unknown, type: 'move' | 'copy', rolledBack: boolean, copied: number): unknown {
  if (!(error instanceof AppError)) return error;
  const what = type === 'move' ? 'Nothing was moved: every original is still in its folder' : 'Nothing was copied';
  const tail = copied === 0 || rolledBack ? `${what}.` : `${what}, but ${copied} copies could not be removed from the target again.`;
  return new AppError(error.code, `${error.message}. ${tail}`, { ...(typeof error.details === 'object' && error.details ? error.details : {}), copiesLeft: rolledBack ? 0 : copied });
}
