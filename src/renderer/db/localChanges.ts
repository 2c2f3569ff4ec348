/**
 * Writes that do not come from sync: optimistic flag changes and deletes (confirmed or rolled
 * back by the task's answer; the next sync batch carries the server's truth) and on-demand message bodies.
 */
import type { MessageBody } from '../../shared/model';
import { flagColumns, type BodyRow, type MessageKey, type MessageRow } from './rows';
import type { PostvakDb } from './schema';

/** Applies a flag change to the cached row; returns the flags before, or null if the row is gone. */
export async function applyLocalFlags(
  db: PostvakDb,
  key: MessageKey,
  add: readonly string[],
  remove: readonly string[],
): Promise<{ before: string[]; after: string[] } | null> {
  return db.transaction('rw', db.messages, async () => {
    const row = await db.messages.get(key);
    if (!row) return null;
    const after = [...new Set([...row.flags.filter((flag) => !remove.includes(flag)), ...add])];
    await db.messages.update(key, { flags: after, ...flagColumns(after) });
    return { before: row.flags, after };
  });
}

/**
 * Puts the old flags back after the server refused a change — unless something newer (a sync
 * batch) has changed the row since, in which case the server's state already stands.
 */
export async function revertLocalFlags(
  db: PostvakDb,
  key: MessageKey,
  expected: readonly string[],
  before: readonly string[],
): Promise<void> {
  await db.transaction('rw', db.messages, async () => {
    const row = await db.messages.get(key);
    if (!row || !sameFlags(row.flags, expected)) return;
    await db.messages.update(key, { flags: [...before], ...flagColumns(before) });
  });
}

function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((flag) => b.includes(flag));
}

/**
 * Stores a fetched body under the row it belongs to (whatever the server echoed back), but only
 * while that row exists: a body whose message a sync batch removed meanwhile would be orphaned.
 */
export async function cacheBody(db: PostvakDb, key: MessageKey, body: MessageBody): Promise<void> {
  const [accountId, folderPath, uid] = key;
  await db.transaction('rw', [db.messages, db.bodies], async () => {
    if ((await db.messages.get(key)) === undefined) return;
    await db.bodies.put({ ...body, accountId: accountId as MessageBody['accountId'], folderPath, uid, fetchedAt: Date.now() });
  });
}

/** What an optimistic delete took out of the cache, to put back if main refuses. */
export interface RemovedMessage {
  row: MessageRow;
  body: BodyRow | undefined;
}

/** Takes a message out of the cache at once (optimistic delete); null if it is already gone. */
export async function removeLocalMessage(db: PostvakDb, key: MessageKey): Promise<RemovedMessage | null> {
  return db.transaction('rw', [db.messages, db.bodies], async () => {
    const row = await db.messages.get(key);
    if (!row) return null;
    const body = await db.bodies.get(key);
    await db.messages.delete(key);
    await db.bodies.delete(key);
    return { row, body };
  });
}

/**
 * Puts a message back after main refused to delete it — unless a sync batch wrote the row again
 * meanwhile (then the server's state stands) or its folder is gone from the cache.
 */
export async function restoreLocalMessage(db: PostvakDb, removed: RemovedMessage): Promise<void> {
  const { row, body } = removed;
  const key: MessageKey = [row.accountId, row.folderPath, row.uid];
  await db.transaction('rw', [db.folders, db.messages, db.bodies], async () => {
    if ((await db.folders.get([row.accountId, row.folderPath])) === undefined) return;
    if ((await db.messages.get(key)) !== undefined) return;
    await db.messages.put(row);
    if (body) await db.bodies.put(body);
  });
}
