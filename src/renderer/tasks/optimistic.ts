/**
 * A task's change applied to the cache before main answers (HOUSE_STYLE.md "User mutations are
 * tasks"; issue #12 §1), and how it ends: confirmed (the sync brings the server's state) or
 * rolled back (what was changed is put back — the server's newer word wins where a sync batch
 * brought one meanwhile, pendingLocks.ts). The lock is taken before the write, so no sync batch
 * can slip between the two.
 *
 * Moves, archive, junk, restore and deletes leave the source list at once; the destination is
 * filled by the sync (main nudges both folders). A copy changes nothing until the sync.
 */
import type { Task } from '../../shared/api';
import {
  applyLocalFlagsMany,
  cachedUids,
  removeLocalMessages,
  restoreLocalMessages,
  setLocalFlagsMany,
  type FlagChange,
  type Restoring,
} from '../db/localChanges';
import { isUnreadBits } from '../db/pages/flagBits';
import type { PendingLock, PendingLocks } from '../db/pendingLocks';
import { seenFlag } from '../db/rows';
import type { PostvakDb } from '../db/schema';
import { maxUidsPerTask } from './actionTasks';

export interface Applied {
  /** How many messages the change touched in the cache. */
  readonly changed: number;
  /**
   * The undo known without the server's help: for flags, the reverse of what actually changed
   * on each message (only those; grouped by the same reverse change).
   */
  readonly localUndo: Task[];
  confirm(): void;
  rollback(): Promise<void>;
}

const nothing: Applied = { changed: 0, localUndo: [], confirm: () => undefined, rollback: async () => undefined };

/** Tasks that take messages out of their folder's list. */
const removing = new Set<Task['type']>(['move', 'archive', 'junk', 'notJunk', 'restore', 'delete']);

export async function applyOptimistic(db: PostvakDb, locks: PendingLocks, task: Task): Promise<Applied> {
  switch (task.type) {
    case 'setFlags':
      return applyFlags(db, locks, task.accountId, task.folderPath, task.uids, task.add, task.remove);
    case 'markFolderRead': {
      const unread = await cachedUids(db, task.accountId, task.folderPath, isUnreadBits);
      return applyFlags(db, locks, task.accountId, task.folderPath, unread, [seenFlag], []);
    }
    case 'emptyFolder':
      return applyRemoval(db, locks, task.accountId, task.folderPath, await cachedUids(db, task.accountId, task.folderPath));
    default:
      if (removing.has(task.type) && 'uids' in task) return applyRemoval(db, locks, task.accountId, task.folderPath, task.uids);
      return nothing;
  }
}

async function applyFlags(
  db: PostvakDb,
  locks: PendingLocks,
  accountId: string,
  folderPath: string,
  uids: readonly number[],
  add: readonly string[],
  remove: readonly string[],
): Promise<Applied> {
  if (uids.length === 0) return nothing;
  const lock = locks.lock(accountId, folderPath, uids, { kind: 'flags', add, remove });
  let changes;
  try {
    changes = await applyLocalFlagsMany(db, accountId, folderPath, uids, add, remove);
  } catch (error) {
    locks.release(lock);
    throw error;
  }
  return {
    changed: changes.length,
    localUndo: reverseFlags(accountId, folderPath, changes),
    confirm: () => locks.settle(lock),
    async rollback() {
      locks.release(lock);
      const others = (uid: number) => locks.inFolder(accountId, folderPath).some((other) => other.uids.has(uid));
      const targets = [];
      for (const { uid, before, after } of changes) {
        const said = lock.notes.get(uid);
        if (said?.gone) continue;
        // The server's newer flags are the truth; else the flags before, unless something changed them since.
        if (said?.flags) targets.push({ uid, flags: locks.overlay(accountId, folderPath, uid, said.flags) });
        else if (others(uid)) targets.push({ uid, flags: locks.overlay(accountId, folderPath, uid, before) });
        else targets.push({ uid, flags: before, onlyIf: after });
      }
      await setLocalFlagsMany(db, accountId, folderPath, targets);
    },
  };
}

async function applyRemoval(db: PostvakDb, locks: PendingLocks, accountId: string, folderPath: string, uids: readonly number[]): Promise<Applied> {
  if (uids.length === 0) return nothing;
  const lock = locks.lock(accountId, folderPath, uids, { kind: 'removal' });
  let removed;
  try {
    removed = await removeLocalMessages(db, accountId, folderPath, uids);
  } catch (error) {
    locks.release(lock);
    throw error;
  }
  return {
    changed: removed.length,
    localUndo: [],
    confirm: () => locks.settle(lock),
    async rollback() {
      locks.release(lock);
      await restoreLocalMessages(db, accountId, folderPath, restorable(lock, removed));
    },
  };
}

/**
 * Tasks that put each changed message's flags back: what the change added is removed, what it
 * removed is added — per group of messages with the same difference, at most 100,000 per task.
 */
export function reverseFlags(accountId: string, folderPath: string, changes: readonly FlagChange[]): Task[] {
  const groups = new Map<string, { add: string[]; remove: string[]; uids: number[] }>();
  for (const { uid, before, after } of changes) {
    const had = new Set(before.map((flag) => flag.toLowerCase()));
    const has = new Set(after.map((flag) => flag.toLowerCase()));
    const add = before.filter((flag) => !has.has(flag.toLowerCase())).sort();
    const remove = after.filter((flag) => !had.has(flag.toLowerCase())).sort();
    const id = `${add.join(' ')}\u0000${remove.join(' ')}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { add, remove, uids: [] }));
    group.uids.push(uid);
  }
  const tasks: Task[] = [];
  for (const { add, remove, uids } of groups.values()) {
    uids.sort((a, b) => a - b);
    for (let at = 0; at < uids.length; at += maxUidsPerTask) {
      tasks.push({ type: 'setFlags', accountId, folderPath, uids: uids.slice(at, at + maxUidsPerTask), add, remove });
    }
  }
  return tasks;
}

/** What to put back: not what the server removed meanwhile; the server's newer state where it sent one. */
function restorable(lock: PendingLock, removed: Awaited<ReturnType<typeof removeLocalMessages>>): Restoring[] {
  const entries: Restoring[] = [];
  for (const entry of removed) {
    const said = lock.notes.get(entry.uid);
    if (said?.gone) continue;
    entries.push({
      removed: entry,
      ...(said?.summary ? { summary: said.summary } : {}),
      ...(said?.flags && said.modseq !== undefined ? { flags: { flags: said.flags, modseq: said.modseq } } : {}),
    });
  }
  return entries;
}
