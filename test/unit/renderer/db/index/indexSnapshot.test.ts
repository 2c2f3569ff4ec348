/**
 * The list index's saved snapshot (issue #11 §4): a big folder opens from it and catches up from
 * its revision, and shows exactly what a build from the heads shows; a snapshot of another epoch,
 * a broken one, or one of a removed account or vanished folder never shows a row.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeAccountData } from '../../../../../src/renderer/db/accountData';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { FolderIndex } from '../../../../../src/renderer/db/index/FolderIndex';
import { closeIndexes } from '../../../../../src/renderer/db/index/registry';
import { applyLocalFlags, removeLocalMessage } from '../../../../../src/renderer/db/localChanges';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { folderMessages } from '../cacheRows';
import { accountA, accountB, folder, foldersBatch, mailbox, message, messagesBatch } from '../fixtures';
import { expectedOrder, indexEntries, seeded, withoutPages } from './indexTestKit';

let db: PostvakDb;
let counter = 0;
const open: FolderIndex[] = [];

beforeEach(async () => {
  db = new PostvakDb(`index-snapshot-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Other')]));
});
afterEach(async () => {
  for (const index of open.splice(0)) index.dispose();
  closeIndexes(db);
  await db.delete();
});

const day = 86_400_000;
const dateFor = (random: ReturnType<typeof seeded>) => 1_700_000_000_000 + random.int(40) * day;

/** An index of INBOX (or another folder) that saves whatever its size. */
async function opened(folderPath = 'INBOX', accountId: string = accountA): Promise<FolderIndex> {
  const index = new FolderIndex(db, accountId, folderPath, { minMessages: 0 });
  open.push(index);
  await index.whenCurrent();
  return index;
}

/** What a build from the heads alone shows. */
async function builtFromHeads(folderPath = 'INBOX', accountId: string = accountA): Promise<string[]> {
  const index = new FolderIndex(db, accountId, folderPath, { load: false });
  await index.whenCurrent();
  expect(index.builtFrom).toBe('heads');
  return indexEntries(index);
}

async function fill(count: number, seed: number, folderPath = 'INBOX', accountId = accountA): Promise<void> {
  const random = seeded(seed);
  const upserts = Array.from({ length: count }, (_, at) =>
    message(at * 2 + 1, { accountId, folderPath, date: dateFor(random), flags: random.next() < 0.4 ? [] : ['\\Seen'] }),
  );
  await applySyncBatch(db, messagesBatch(folderPath, { upserts }, accountId));
}

describe('FolderIndex snapshot', () => {
  it('opens from a saved snapshot with the same entries as a build from the heads', async () => {
    await fill(900, 3);
    const first = await opened();
    expect(first.builtFrom).toBe('heads');
    expect(await first.saveSnapshot()).toBe(true);
    // Nothing changed: a second save writes nothing.
    expect(await first.saveSnapshot()).toBe(false);

    const second = await opened();
    expect(second.builtFrom).toBe('snapshot');
    expect(second.length).toBe(900);
    expect(indexEntries(second)).toEqual(await builtFromHeads());
    expect(withoutPages(indexEntries(second))).toEqual(expectedOrder(await folderMessages(db, accountA, 'INBOX')));
  });

  it('catches up from an old snapshot over arrivals, flags, expunges, splits and merges', async () => {
    const random = seeded(42);
    // 3,000 messages in ~30 pages; the changes touch about a third of them (more, and the index
    // would rather build from the heads).
    await fill(3000, 5);
    expect(await (await opened()).saveSnapshot()).toBe(true);
    // After the snapshot: arrivals (splitting pages), server and local flag changes, expunges
    // (enough to merge pages), a local delete and a message whose date changed.
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: Array.from({ length: 400 }, (_, at) => message(2000 + at * 2, { date: dateFor(random) })) }));
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [1, 3, 5, 2011].map((uid) => ({ uid, flags: ['\\Flagged'], modseq: '30' })) }));
    await applyLocalFlags(db, [accountA, 'INBOX', 7], [], ['\\Seen']);
    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: Array.from({ length: 250 }, (_, at) => at * 2 + 101) }));
    await removeLocalMessage(db, [accountA, 'INBOX', 9]);
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(11, { date: 1_800_000_000_000 })] }));

    const index = await opened();
    expect(index.builtFrom).toBe('snapshot');
    expect(index.length).toBe(3000 + 400 - 250 - 1);
    expect(indexEntries(index)).toEqual(await builtFromHeads());
    expect(withoutPages(indexEntries(index))).toEqual(expectedOrder(await folderMessages(db, accountA, 'INBOX')));
    expect(index.refsAt(0, 1)[0]?.uid).toBe(11);
  });

  it('builds from the heads when the folder grew far past its snapshot (a catch-up would cost more)', async () => {
    await fill(200, 17);
    expect(await (await opened()).saveSnapshot()).toBe(true);
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: Array.from({ length: 1500 }, (_, at) => message(5000 + at)) }));

    const index = await opened();
    expect(index.builtFrom).toBe('heads');
    expect(indexEntries(index)).toEqual(await builtFromHeads());
  });

  it('ignores a snapshot from before a UIDVALIDITY reset', async () => {
    await fill(300, 8);
    expect(await (await opened()).saveSnapshot()).toBe(true);
    // The new UIDVALIDITY brings other messages under partly the same UIDs.
    await applySyncBatch(db, messagesBatch('INBOX', { reset: true, upserts: [message(1, { subject: 'after', date: 1_600_000_000_000 }), message(2000)] }));

    const index = await opened();
    expect(index.builtFrom).toBe('heads');
    expect(index.refsAt(0, 10).map((ref) => ref.uid)).toEqual([2000, 1]);
    // The stale snapshot is dropped, not read again at the next open.
    await vi.waitFor(async () => expect(await db.indexSnapshots.get([accountA, 'INBOX'])).toBeUndefined());
  });

  it('ignores a snapshot claiming a revision the folder has not reached', async () => {
    await fill(300, 9);
    const first = await opened();
    expect(await first.saveSnapshot()).toBe(true);
    const row = (await db.indexSnapshots.get([accountA, 'INBOX']))!;
    await db.indexSnapshots.put({ ...row, rev: row.rev + 1, uids: row.uids.map((uid) => uid + 1) });

    const index = await opened();
    expect(index.builtFrom).toBe('heads');
    expect(indexEntries(index)).toEqual(await builtFromHeads());
  });

  it('drops the snapshot of a folder that vanished, and the folder coming back builds from its new pages', async () => {
    await fill(300, 10);
    expect(await (await opened()).saveSnapshot()).toBe(true);
    const old = (await db.indexSnapshots.get([accountA, 'INBOX']))!;
    await applySyncBatch(db, foldersBatch([folder('Other')]));
    expect(await db.indexSnapshots.get([accountA, 'INBOX'])).toBeUndefined();
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Other')]));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(5), message(6)] }));
    // Were the old snapshot still there (another window's late write), its epoch rules it out.
    await db.indexSnapshots.put(old);

    const index = await opened();
    expect(index.builtFrom).toBe('heads');
    expect(index.refsAt(0, 10).map((ref) => ref.uid)).toEqual([6, 5]);
  });

  it('writes nothing for an index whose folder was reset after it was built', async () => {
    await fill(300, 11);
    const index = new FolderIndex(db, accountA, 'INBOX', { minMessages: 0 });
    open.push(index);
    await index.whenCurrent();
    await applySyncBatch(db, messagesBatch('INBOX', { reset: true, upserts: [message(1)] }));
    // Not caught up yet: it still holds the old epoch's entries, which must not be stored.
    expect(await index.saveSnapshot()).toBe(false);
    expect(await db.indexSnapshots.count()).toBe(0);
  });

  it.each([
    ['columns of different lengths', (row: Record<string, unknown>) => ({ ...row, bits: new Uint16Array(3) })],
    ['page sizes that do not add up', (row: Record<string, unknown>) => ({ ...row, pageSizes: new Uint32Array((row.pageSizes as Uint32Array).length) })],
    ['entries out of order', (row: Record<string, unknown>) => ({ ...row, uids: (row.uids as Uint32Array).slice().reverse() })],
    ['a column of the wrong type', (row: Record<string, unknown>) => ({ ...row, dates: Array.from(row.dates as Float64Array) })],
    ['entries the heads do not hold', (row: Record<string, unknown>) => ({ ...row, tags: (row.tags as Uint32Array).map((tag) => tag + 1) })],
  ])('ignores a broken snapshot (%s) and builds from the heads', async (_name, breakRow) => {
    await fill(400, 12);
    expect(await (await opened()).saveSnapshot()).toBe(true);
    const row = (await db.indexSnapshots.get([accountA, 'INBOX']))!;
    await db.indexSnapshots.put(breakRow(row as unknown as Record<string, unknown>) as unknown as typeof row);
    // A change after the snapshot, so the catch-up has pages to check against.
    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: [1, 3, 5] }));

    const index = await opened();
    expect(index.builtFrom).toBe('heads');
    expect(indexEntries(index)).toEqual(await builtFromHeads());
  });

  it("removing an account deletes its snapshots and keeps the other account's", async () => {
    await applySyncBatch(db, foldersBatch([folder('INBOX', accountB)], accountB, [mailbox(accountB)]));
    await fill(200, 13);
    await fill(200, 14, 'INBOX', accountB);
    expect(await (await opened('INBOX', accountA)).saveSnapshot()).toBe(true);
    expect(await (await opened('INBOX', accountB)).saveSnapshot()).toBe(true);

    await removeAccountData(db, accountA);
    expect((await db.indexSnapshots.toArray()).map((row) => [row.accountId, row.folderPath])).toEqual([[accountB, 'INBOX']]);
  });

  it('a live index of a big folder saves itself after its build and after changes, a small one does not', async () => {
    await fill(300, 15);
    await fill(50, 16, 'Other');
    const big = new FolderIndex(db, accountA, 'INBOX', { minMessages: 200, everyMs: 0 }).live();
    const small = new FolderIndex(db, accountA, 'Other', { minMessages: 200, everyMs: 0 }).live();
    open.push(big, small);
    await vi.waitFor(async () => expect((await db.indexSnapshots.get([accountA, 'INBOX']))?.uids.length).toBe(300));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(5001)] }));
    await vi.waitFor(async () => expect((await db.indexSnapshots.get([accountA, 'INBOX']))?.uids.length).toBe(301));
    await small.whenCurrent();
    expect(await small.saveSnapshot()).toBe(false);
    expect(await db.indexSnapshots.get([accountA, 'Other'])).toBeUndefined();
  });

  it('saves once the changes stop, without waiting for the next periodic save (a window closing after a sync)', async () => {
    await fill(300, 17);
    const big = new FolderIndex(db, accountA, 'INBOX', { minMessages: 200, everyMs: 3_600_000, quietMs: 50 }).live();
    open.push(big);
    // The first save comes at the first idle moment after the build; the next periodic one in an hour.
    await vi.waitFor(async () => expect((await db.indexSnapshots.get([accountA, 'INBOX']))?.uids.length).toBe(300));
    for (const uid of [6001, 6002, 6003]) await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(uid)] }));
    await vi.waitFor(async () => expect((await db.indexSnapshots.get([accountA, 'INBOX']))?.uids.length).toBe(303));
  });
});
