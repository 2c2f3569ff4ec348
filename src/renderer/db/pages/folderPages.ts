/**
 * A folder's pages in IndexedDB: the PageSource that PageSet loads through, and the write that
 * ends every change — pages, tombstones, the folder's revision and the counters, all inside the
 * caller's transaction (which must span `pageTables(db)`).
 */
import type { PostvakDb } from '../schema';
import { addToCounters, folderCountRow } from './counters';
import type { PageKey } from './pageRows';
import { PageSet, type PageSource } from './pageSet';

export function pageTables(db: PostvakDb) {
  return [db.heads, db.pages, db.tombstones, db.counts, db.folders];
}

export function folderPageRange(accountId: string, folderPath: string): [PageKey, PageKey] {
  return [
    [accountId, folderPath, -Infinity],
    [accountId, folderPath, Infinity],
  ];
}

const byStart = '[accountId+folderPath+startUid]';

export function pageSource(db: PostvakDb, accountId: string, folderPath: string): PageSource {
  const key = (startUid: number): PageKey => [accountId, folderPath, startUid];
  const [lowest, highest] = folderPageRange(accountId, folderPath);
  return {
    async keysCovering(from, to) {
      const [below, within] = await Promise.all([
        db.heads.where(byStart).between(lowest, key(from), true, true).reverse().limit(1).primaryKeys(),
        db.heads.where(byStart).between(key(from), key(to), false, true).primaryKeys(),
      ]);
      return [...below, ...within].map(([, , startUid]) => startUid);
    },
    heads: (startUids) => db.heads.bulkGet(startUids.map(key)),
    async items(startUids) {
      const rows = await db.pages.bulkGet(startUids.map(key));
      return rows.map((row) => row?.items);
    },
    async neighbour(startUid, side, skip) {
      const range =
        side === 'left'
          ? db.heads.where(byStart).between(lowest, key(startUid), true, false).reverse()
          : db.heads.where(byStart).between(key(startUid), highest, false, true);
      return range.filter((head) => !skip.has(head.startUid)).first();
    },
  };
}

export function folderPageSet(db: PostvakDb, accountId: string, folderPath: string): PageSet {
  return new PageSet(pageSource(db, accountId, folderPath));
}

/**
 * Writes what the set changed at the folder's next revision, and its count delta to the folder,
 * its mailbox and its unified view. Returns whether anything was written.
 */
export async function commitPageSet(db: PostvakDb, accountId: string, folderPath: string, set: PageSet): Promise<boolean> {
  await set.normalize();
  const { written, removed } = set.changes();
  if (written.length === 0 && removed.length === 0 && set.delta.total === 0 && set.delta.unread === 0) return false;
  const count = await folderCountRow(db, accountId, folderPath);
  const rev = (count.rev ?? 0) + 1;
  const key = (startUid: number): PageKey => [accountId, folderPath, startUid];
  const writtenKeys = written.map((page) => key(page.startUid));
  // A page written again under a key that once was removed is no longer a tombstone.
  await db.tombstones.bulkDelete(writtenKeys);
  await db.heads.bulkPut(written.map((page) => page.toHead(accountId, folderPath, rev)));
  const withItems = written.filter((page) => page.itemsDirty);
  if (withItems.length > 0) await db.pages.bulkPut(withItems.map((page) => page.toPage(accountId, folderPath)));
  const writtenStarts = new Set(written.map((page) => page.startUid));
  const gone = removed.filter((startUid) => !writtenStarts.has(startUid));
  if (gone.length > 0) {
    await db.heads.bulkDelete(gone.map(key));
    await db.pages.bulkDelete(gone.map(key));
    await db.tombstones.bulkPut(gone.map((startUid) => ({ accountId, folderPath, startUid, rev })));
  }
  await addToCounters(db, accountId, folderPath, set.delta, rev);
  return true;
}

/**
 * Tombstones only serve indexes that have not caught up yet — normally milliseconds. Past
 * `limit` of them (checked at the end of each pass) they are dropped and the folder's epoch
 * raised, so an index that was still behind rebuilds instead of missing a removal.
 */
export async function pruneTombstones(db: PostvakDb, accountId: string, folderPath: string, limit = 2000): Promise<void> {
  const [lower, upper] = folderPageRange(accountId, folderPath);
  const stones = db.tombstones.where(byStart).between(lower, upper, true, true);
  if ((await stones.count()) <= limit) return;
  await stones.delete();
  const count = await folderCountRow(db, accountId, folderPath);
  await db.counts.put({ ...count, rev: (count.rev ?? 0) + 1, epoch: (count.epoch ?? 0) + 1 });
}

/** Deletes a folder's pages and tombstones; its counters go back to zero at a new epoch. */
export async function clearFolderPages(db: PostvakDb, accountId: string, folderPath: string): Promise<void> {
  const [lower, upper] = folderPageRange(accountId, folderPath);
  await db.heads.where(byStart).between(lower, upper, true, true).delete();
  await db.pages.where(byStart).between(lower, upper, true, true).delete();
  await db.tombstones.where(byStart).between(lower, upper, true, true).delete();
}
