/**
 * What must hold of a folder's pages after any change (issue #11 §1), checked on what IndexedDB
 * holds: ranges in order and apart, each UID in exactly one page, sizes within bounds, heads and
 * items agreeing, no tombstone under a live page. And a write counter to see which tables a
 * change wrote.
 */
import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { expect } from 'vitest';
import { pageSizing } from '../../../../../src/renderer/db/pages/pageSet';
import type { PostvakDb } from '../../../../../src/renderer/db/schema';

type Key = [string, string, number];

export async function checkFolderPages(db: PostvakDb, accountId: string, folderPath: string, expectedUids: Iterable<number>): Promise<void> {
  const range: [Key, Key] = [
    [accountId, folderPath, -Infinity],
    [accountId, folderPath, Infinity],
  ];
  const byStart = '[accountId+folderPath+startUid]';
  const heads = await db.heads.where(byStart).between(range[0], range[1], true, true).toArray();
  const pages = await db.pages.where(byStart).between(range[0], range[1], true, true).toArray();
  const tombstones = await db.tombstones.where(byStart).between(range[0], range[1], true, true).toArray();
  expect(pages.map((page) => page.startUid)).toEqual(heads.map((head) => head.startUid));
  const seen: number[] = [];
  heads.forEach((head, index) => {
    const uids = [...head.uids];
    const next = heads[index + 1]?.startUid ?? Infinity;
    const where = `page ${head.startUid} of ${heads.length}`;
    expect(uids.length, where).toBeGreaterThan(0);
    if (heads.length > 1) {
      expect(uids.length, where).toBeGreaterThanOrEqual(pageSizing.min);
      expect(uids.length, where).toBeLessThanOrEqual(pageSizing.max);
    }
    // Ascending, and inside the page's range [startUid, next startUid): ranges never overlap.
    uids.forEach((uid, at) => {
      if (at > 0) expect(uid, where).toBeGreaterThan(uids[at - 1] as number);
    });
    expect(uids[0], where).toBeGreaterThanOrEqual(head.startUid);
    expect(uids.at(-1), where).toBeLessThan(next);
    expect([head.dates.length, head.bits.length, head.modseqs.length, pages[index]?.items.length], where).toEqual(Array(4).fill(uids.length));
    seen.push(...uids);
  });
  expect(seen).toEqual([...new Set(expectedUids)].sort((a, b) => a - b));
  const live = new Set(heads.map((head) => head.startUid));
  expect(tombstones.filter((stone) => live.has(stone.startUid))).toEqual([]);
}

/** Rows written per table (put, add, delete) from now on. */
export function countWrites(db: PostvakDb): { rows: Record<string, number>; reset(): void } {
  const rows: Record<string, number> = {};
  const size = (request: DBCoreMutateRequest) =>
    request.type === 'deleteRange' ? 1 : request.type === 'delete' ? request.keys.length : request.values.length;
  db.use({
    stack: 'dbcore',
    name: 'countWrites',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(request) {
            rows[name] = (rows[name] ?? 0) + size(request);
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return {
    rows,
    reset() {
      for (const name of Object.keys(rows)) delete rows[name];
    },
  };
}
