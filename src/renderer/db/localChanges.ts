/**
 * Writes that do not come from sync: optimistic flag changes and deletes (confirmed or rolled
 * back by the task's answer; the next sync batch carries the server's truth) and on-demand
 * message bodies. Each changes the page that holds the message and the counters in one
 * transaction (issue #11 §1, §3): a flag change rewrites one page head, never the summaries.
 */
import type { MessageBody, MessageSummary } from '../../shared/model';
import { decodeFlags } from './pages/flagBits';
import { commitPageSet, folderPageRange, folderPageSet, pageTables } from './pages/folderPages';
import { getMessage, hasMessage } from './pages/messageRows';
import type { Removed } from './pages/pageSet';
import type { BodyRow, MessageKey, MessageRow } from './rows';
import type { PostvakDb } from './schema';
import { changedFlags } from './pendingLocks';

/** Applies a flag change to the cached message; returns the flags before, or null if it is gone. */
export async function applyLocalFlags(
  db: PostvakDb,
  key: MessageKey,
  add: readonly string[],
  remove: readonly string[],
): Promise<{ before: string[]; after: string[] } | null> {
  const [accountId, folderPath, uid] = key;
  return db.transaction('rw', pageTables(db), async () => {
    const set = folderPageSet(db, accountId, folderPath);
    await set.load([uid], false);
    const state = set.get(uid);
    if (!state) return null;
    const before = decodeFlags(state.bits, state.keywords);
    const lower = new Set(remove.map((flag) => flag.toLowerCase()));
    const after = [...new Set([...before.filter((flag) => !lower.has(flag.toLowerCase())), ...add])];
    set.setFlags(uid, after);
    await commitPageSet(db, accountId, folderPath, set);
    return { before, after };
  });
}

/**
 * Puts the old flags back after the server refused a change — unless something newer (a sync
 * batch) has changed the message since, in which case the server's state already stands.
 */
export async function revertLocalFlags(
  db: PostvakDb,
  key: MessageKey,
  expected: readonly string[],
  before: readonly string[],
): Promise<void> {
  const [accountId, folderPath, uid] = key;
  await db.transaction('rw', pageTables(db), async () => {
    const set = folderPageSet(db, accountId, folderPath);
    await set.load([uid], false);
    const state = set.get(uid);
    if (!state || !sameFlags(decodeFlags(state.bits, state.keywords), expected)) return;
    set.setFlags(uid, before);
    await commitPageSet(db, accountId, folderPath, set);
  });
}

function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  const lower = new Set(b.map((flag) => flag.toLowerCase()));
  return a.length === lower.size && a.every((flag) => lower.has(flag.toLowerCase()));
}

/**
 * Stores a fetched body under the message it belongs to (whatever the server echoed back), but
 * only while that message is cached: a body whose message a sync batch removed meanwhile would
 * be orphaned.
 */
export async function cacheBody(db: PostvakDb, key: MessageKey, body: MessageBody): Promise<void> {
  const [accountId, folderPath, uid] = key;
  await db.transaction('rw', [db.heads, db.bodies], async () => {
    if (!(await hasMessage(db, key))) return;
    await db.bodies.put({ ...body, accountId: accountId as MessageBody['accountId'], folderPath, uid, fetchedAt: Date.now() });
  });
}

/** What an optimistic delete took out of the cache, to put back if main refuses. */
export interface RemovedMessage {
  row: MessageRow;
  removed: Removed;
  body: BodyRow | undefined;
}

/** Takes a message out of the cache at once (optimistic delete); null if it is already gone. */
export async function removeLocalMessage(db: PostvakDb, key: MessageKey): Promise<RemovedMessage | null> {
  const [accountId, folderPath, uid] = key;
  return db.transaction('rw', [...pageTables(db), db.bodies], async () => {
    const row = await getMessage(db, key);
    if (!row) return null;
    const set = folderPageSet(db, accountId, folderPath);
    await set.load([uid], true);
    const removed = set.remove(uid);
    if (!removed) return null;
    await commitPageSet(db, accountId, folderPath, set);
    const body = await db.bodies.get(key);
    await db.bodies.delete(key);
    return { row, removed, body };
  });
}

/**
 * Puts a message back after main refused to delete it — unless a sync batch wrote it again
 * meanwhile (then the server's state stands) or its folder is gone from the cache.
 */
export async function restoreLocalMessage(db: PostvakDb, removed: RemovedMessage): Promise<void> {
  const { row, body } = removed;
  const key: MessageKey = [row.accountId, row.folderPath, row.uid];
  await db.transaction('rw', [...pageTables(db), db.bodies], async () => {
    if ((await db.folders.get([row.accountId, row.folderPath])) === undefined) return;
    if (await hasMessage(db, key)) return;
    const set = folderPageSet(db, row.accountId, row.folderPath);
    await set.load([row.uid], true);
    set.restore(removed.removed, row.date);
    await commitPageSet(db, row.accountId, row.folderPath, set);
    if (body) await db.bodies.put(body);
  });
}

/** One message's flags before and after a batch change. */
export interface FlagChange {
  uid: number;
  before: string[];
  after: string[];
}

/**
 * Applies a flag change to many messages of one folder in one transaction (issue #12 §1: a
 * selection of thousands is one task); returns only the messages whose flags actually changed,
 * so an undo or rollback touches nothing else.
 */
export async function applyLocalFlagsMany(
  db: PostvakDb,
  accountId: string,
  folderPath: string,
  uids: readonly number[],
  add: readonly string[],
  remove: readonly string[],
): Promise<FlagChange[]> {
  return db.transaction('rw', pageTables(db), async () => {
    const set = folderPageSet(db, accountId, folderPath);
    await set.load(uids, false);
    const changes: FlagChange[] = [];
    for (const uid of uids) {
      const state = set.get(uid);
      if (!state) continue;
      const before = decodeFlags(state.bits, state.keywords);
      const after = changedFlags(before, add, remove);
      if (sameFlags(before, after)) continue;
      set.setFlags(uid, after);
      changes.push({ uid, before, after });
    }
    await commitPageSet(db, accountId, folderPath, set);
    return changes;
  });
}

/**
 * Sets each message's flags to `flags`; with `onlyIf`, only while the cached flags still are
 * those (something newer — a sync batch — may have changed the message since).
 */
export async function setLocalFlagsMany(
  db: PostvakDb,
  accountId: string,
  folderPath: string,
  targets: readonly { uid: number; flags: readonly string[]; onlyIf?: readonly string[]; modseq?: string }[],
): Promise<void> {
  if (targets.length === 0) return;
  await db.transaction('rw', pageTables(db), async () => {
    const set = folderPageSet(db, accountId, folderPath);
    await set.load(
      targets.map((target) => target.uid),
      false,
    );
    for (const target of targets) {
      const state = set.get(target.uid);
      if (!state) continue;
      if (target.onlyIf && !sameFlags(decodeFlags(state.bits, state.keywords), target.onlyIf)) continue;
      set.setFlags(target.uid, target.flags, target.modseq);
    }
    await commitPageSet(db, accountId, folderPath, set);
  });
}

/**
 * Takes many messages of one folder out of the list at once (an optimistic move, archive,
 * delete …): one transaction, each page read and written once. Bodies stay: the server's
 * removal (a sync batch) deletes them, and a rollback needs nothing but the pages back.
 */
export async function removeLocalMessages(db: PostvakDb, accountId: string, folderPath: string, uids: readonly number[]): Promise<Removed[]> {
  return db.transaction('rw', pageTables(db), async () => {
    const set = folderPageSet(db, accountId, folderPath);
    await set.load(uids, true);
    const removed: Removed[] = [];
    for (const uid of uids) {
      const gone = set.remove(uid);
      if (gone) removed.push(gone);
    }
    await commitPageSet(db, accountId, folderPath, set);
    return removed;
  });
}

/** A removed message to put back, with what the server said of it meanwhile (pendingLocks.ts). */
export interface Restoring {
  removed: Removed;
  /** The server's newer summary of the message: it wins over the copy taken out. */
  summary?: MessageSummary;
  /** The server's newer flags (a flag update without a summary). */
  flags?: { flags: string[]; modseq: string };
}

/**
 * Puts messages back after main refused to move or delete them — except those the cache holds
 * again (a sync wrote them) and all of them when the folder is gone from the cache.
 */
export async function restoreLocalMessages(db: PostvakDb, accountId: string, folderPath: string, restoring: readonly Restoring[]): Promise<void> {
  if (restoring.length === 0) return;
  await db.transaction('rw', pageTables(db), async () => {
    if ((await db.folders.get([accountId, folderPath])) === undefined) return;
    const set = folderPageSet(db, accountId, folderPath);
    await set.load(
      restoring.map((entry) => entry.removed.uid),
      true,
    );
    for (const entry of restoring) {
      const { uid } = entry.removed;
      if (set.get(uid)) continue;
      if (entry.summary) set.upsert({ ...entry.summary, accountId: accountId as MessageSummary['accountId'], folderPath, uid });
      else set.restore(entry.removed, entry.removed.item.date);
      // The newest flags the server sent (a flag update after the summary, or alone); older ones are refused by modseq.
      if (entry.flags) set.setFlags(uid, entry.flags.flags, entry.flags.modseq);
    }
    await commitPageSet(db, accountId, folderPath, set);
  });
}

/** The UIDs a folder's cache holds (heads only), optionally only those whose flag bits pass `keep`. */
export async function cachedUids(db: PostvakDb, accountId: string, folderPath: string, keep?: (bits: number) => boolean): Promise<number[]> {
  const [lower, upper] = folderPageRange(accountId, folderPath);
  const heads = await db.heads.where('[accountId+folderPath+startUid]').between(lower, upper, true, true).toArray();
  const uids: number[] = [];
  for (const head of heads) {
    head.uids.forEach((uid, position) => {
      if (!keep || keep(head.bits[position] as number)) uids.push(uid);
    });
  }
  return uids;
}
