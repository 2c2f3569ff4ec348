/**
 * Unread and total counts (issue #11 §3), per folder, per mailbox and per unified view, changed
 * by deltas inside the transaction that changes the messages: reading a count is one get, and a
 * change to one message costs three small writes, whatever the folder's size. Mailbox and
 * unified rows are sums of folder rows; a folder that changes mailbox or role (a folders batch)
 * moves its counts with it.
 */
import { unifiedRoleOf, type FolderRow } from '../rows';
import type { PostvakDb } from '../schema';
import { isUnreadBits } from './flagBits';
import { folderCountId, mailboxCountId, unifiedCountId, type CountRow } from './pageRows';
import type { CountDelta } from './pageSet';

export async function folderCountRow(db: PostvakDb, accountId: string, path: string): Promise<CountRow> {
  const id = folderCountId(accountId, path);
  return (await db.counts.get(id)) ?? { id, total: 0, unread: 0, rev: 0, epoch: 0 };
}

/** The rows a folder's counts are also added to: its mailbox's and its unified view's. */
export function parentCountIds(folder: Pick<FolderRow, 'mailboxId' | 'role'> | undefined): string[] {
  if (!folder) return [];
  const role = unifiedRoleOf(folder.role);
  return [mailboxCountId(folder.mailboxId), ...(role ? [unifiedCountId(role)] : [])];
}

async function addTo(db: PostvakDb, ids: readonly string[], delta: CountDelta): Promise<void> {
  if (ids.length === 0 || (delta.total === 0 && delta.unread === 0)) return;
  const rows = await db.counts.bulkGet([...ids]);
  await db.counts.bulkPut(
    ids.map((id, index) => {
      const row = rows[index] ?? { id, total: 0, unread: 0 };
      return { ...row, total: row.total + delta.total, unread: row.unread + delta.unread };
    }),
  );
}

/** Adds a folder's change to its counters and records the folder revision it was written at. */
export async function addToCounters(db: PostvakDb, accountId: string, path: string, delta: CountDelta, rev: number): Promise<void> {
  const [count, folder] = await Promise.all([folderCountRow(db, accountId, path), db.folders.get([accountId, path])]);
  await db.counts.put({ ...count, total: count.total + delta.total, unread: count.unread + delta.unread, rev });
  await addTo(db, parentCountIds(folder), delta);
}

/**
 * A folder's messages all went (UIDVALIDITY reset, the folder vanished): its counts leave its
 * mailbox and unified view, and a new epoch tells every index to rebuild rather than catch up.
 * The row is kept (zeroed) even for a vanished folder: were it deleted, the folder coming back
 * would start again at epoch 0 and revision 1 — what an index may already have seen.
 */
export async function resetFolderCounts(db: PostvakDb, accountId: string, path: string): Promise<void> {
  const [count, folder] = await Promise.all([folderCountRow(db, accountId, path), db.folders.get([accountId, path])]);
  await addTo(db, parentCountIds(folder), { total: -count.total, unread: -count.unread });
  await db.counts.put({ ...count, total: 0, unread: 0, rev: (count.rev ?? 0) + 1, epoch: (count.epoch ?? 0) + 1 });
}

/** A folder changed mailbox or role (or became known): its counts move from the old parents to the new. */
export async function moveFolderCounts(
  db: PostvakDb,
  accountId: string,
  path: string,
  before: Pick<FolderRow, 'mailboxId' | 'role'> | undefined,
  after: Pick<FolderRow, 'mailboxId' | 'role'>,
): Promise<void> {
  const from = parentCountIds(before);
  const to = parentCountIds(after);
  if (from.length === to.length && from.every((id, index) => id === to[index])) return;
  const count = await db.counts.get(folderCountId(accountId, path));
  if (!count || (count.total === 0 && count.unread === 0)) return;
  await addTo(db, from, { total: -count.total, unread: -count.unread });
  await addTo(db, to, { total: count.total, unread: count.unread });
}

/**
 * Recounts every counter from the heads (the upgrade, and a check in tests that the deltas never
 * drift): folder rows keep their revision and epoch.
 */
export async function recountAll(db: PostvakDb): Promise<void> {
  await db.transaction('rw', [db.heads, db.counts, db.folders], async () => {
    const sums = new Map<string, CountRow>();
    const bump = (id: string, total: number, unread: number) => {
      const row = sums.get(id) ?? { id, total: 0, unread: 0 };
      row.total += total;
      row.unread += unread;
      sums.set(id, row);
    };
    const folders = new Map((await db.folders.toArray()).map((folder) => [folderCountId(folder.accountId, folder.path), folder]));
    const perFolder = new Map<string, { total: number; unread: number }>();
    await db.heads.each((head) => {
      const id = folderCountId(head.accountId, head.folderPath);
      const sum = perFolder.get(id) ?? { total: 0, unread: 0 };
      sum.total += head.uids.length;
      for (const bits of head.bits) sum.unread += Number(isUnreadBits(bits));
      perFolder.set(id, sum);
    });
    const existing = await db.counts.toArray();
    for (const row of existing) if (row.id.startsWith('folder:')) sums.set(row.id, { ...row, total: 0, unread: 0 });
    for (const [id, sum] of perFolder) {
      bump(id, sum.total, sum.unread);
      for (const parent of parentCountIds(folders.get(id))) bump(parent, sum.total, sum.unread);
    }
    await db.counts.clear();
    await db.counts.bulkPut([...sums.values()]);
  });
}

/** Sums the unified views again from the folder counters (an account was removed: its share goes). */
export async function recountUnified(db: PostvakDb): Promise<void> {
  const folders = await db.folders.toArray();
  const rows = await db.counts.bulkGet(folders.map((folder) => folderCountId(folder.accountId, folder.path)));
  const sums = new Map<string, CountRow>();
  folders.forEach((folder, index) => {
    const role = unifiedRoleOf(folder.role);
    const count = rows[index];
    if (!role || !count) return;
    const id = unifiedCountId(role);
    const sum = sums.get(id) ?? { id, total: 0, unread: 0 };
    sum.total += count.total;
    sum.unread += count.unread;
    sums.set(id, sum);
  });
  await db.counts.where('id').startsWith('unified:').delete();
  await db.counts.bulkPut([...sums.values()]);
}
