/**
 * Writes that do not come from sync: optimistic flag changes and deletes (confirmed or rolled
 * back by the task's answer; the next sync batch carries the server's truth) and on-demand
 * message bodies. Each changes the page that holds the message and the counters in one
 * transaction (issue #11 §1, §3): a flag change rewrites one page head, never the summaries.
 */
import type { MessageBody } from '../../shared/model';
import { decodeFlags } from './pages/flagBits';
import { commitPageSet, folderPageSet, pageTables } from './pages/folderPages';
import { getMessage, hasMessage } from './pages/messageRows';
import type { Removed } from './pages/pageSet';
import type { BodyRow, MessageKey, MessageRow } from './rows';
import type { PostvakDb } from './schema';

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
