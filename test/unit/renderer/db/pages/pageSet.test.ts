/**
 * Issue #11 §1: summaries live in pages of ~50 (pageSet.ts pageSizing). Whatever order the
 * messages come in and whatever leaves, pages keep within bounds, never overlap, hold each UID
 * once and in order; removed pages leave tombstones for the list index; a flag change rewrites
 * only a head.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { applyLocalFlags } from '../../../../../src/renderer/db/localChanges';
import { getMessage } from '../../../../../src/renderer/db/pages/messageRows';
import { folderCountId } from '../../../../../src/renderer/db/pages/pageRows';
import { pageSizing } from '../../../../../src/renderer/db/pages/pageSet';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { mulberry32 } from '../../../../support/prng.mjs';
import { expectedCounts, folderMessages, folderUids, storedCounts } from '../cacheRows';
import { accountA, cursor, folder, foldersBatch, message, messagesBatch } from '../fixtures';
import { checkFolderPages, countWrites } from './pageChecks';

let db: PostvakDb;
let writes: ReturnType<typeof countWrites>;
let counter = 0;

beforeEach(async () => {
  db = new PostvakDb(`page-set-${++counter}`);
  writes = countWrites(db);
  await db.open();
  await applySyncBatch(db, foldersBatch([folder('INBOX')]));
});
afterEach(async () => {
  await db.delete();
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const arrive = (uids: readonly number[], flags: string[] = []) =>
  applySyncBatch(db, messagesBatch('INBOX', { upserts: uids.map((uid) => message(uid, { flags })) }));
const expunge = (uids: readonly number[]) => applySyncBatch(db, messagesBatch('INBOX', { removedUids: [...uids] }));
const check = (uids: Iterable<number>) => checkFolderPages(db, accountA, 'INBOX', uids);
const tombstones = async () => (await db.tombstones.toArray()).map((stone) => stone.startUid);
const revision = async () => (await db.counts.get(folderCountId(accountA, 'INBOX')))?.rev ?? 0;

// Hundreds of small transactions on fake-indexeddb per test: generous time on a busy machine (not a speed check).
const slow = { timeout: 60_000 };

describe('first sync', () => {
  it('oldest first, in batches: pages fill to their bounds', slow, async () => {
    for (let from = 1; from <= 1000; from += 137) {
      await arrive(range(from, Math.min(1000, from + 136)));
      await check(range(1, Math.min(1000, from + 136)));
    }
    const sizes = (await db.heads.toArray()).map((head) => head.uids.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(1000);
    expect(sizes.length).toBeLessThanOrEqual(Math.ceil(1000 / pageSizing.min));
  });

  it('newest first, in batches (each batch below every page so far)', slow, async () => {
    for (let to = 1000; to >= 1; to -= 137) {
      await arrive(range(Math.max(1, to - 136), to));
      await check(range(Math.max(1, to - 136), 1000));
    }
  });

  it('newest first one message at a time, and a folder of a few messages is one small page', slow, async () => {
    for (const uid of [3, 2, 1]) await arrive([uid]);
    await check([1, 2, 3]);
    expect(await db.heads.count()).toBe(1);
    // Past two full pages, so pages split while messages keep arriving below them.
    const last = pageSizing.max * 2;
    for (let uid = last; uid >= 4; uid--) await arrive([uid]);
    await check(range(1, last));
    expect(await db.heads.count()).toBeGreaterThan(1);
  });

  it('sparse UIDs in random order and batch sizes (seeded)', slow, async () => {
    const random = mulberry32(11);
    const uids = [...new Set(Array.from({ length: 1500 }, () => 1 + Math.floor(random() * 100_000)))];
    const present: number[] = [];
    while (uids.length > 0) {
      const batch = uids.splice(0, 1 + Math.floor(random() * 250));
      await arrive(batch);
      present.push(...batch);
      await check(present);
    }
  });
});

describe('removals and merges', () => {
  // Six pages of the target size after one batch.
  const folderSize = 6 * pageSizing.target;
  const t = pageSizing.target;
  beforeEach(async () => {
    await arrive(range(1, folderSize));
  });

  it('removing whole pages leaves a tombstone for each, at the revision of the removal', async () => {
    const before = (await db.heads.toArray()).map((head) => head.startUid);
    await expunge(range(t + 1, 4 * t));
    const rev = await revision();
    const after = (await db.heads.toArray()).map((head) => head.startUid);
    const gone = before.filter((start) => !after.includes(start));
    expect(gone.length).toBeGreaterThan(0);
    expect((await db.tombstones.toArray()).map((stone) => [stone.startUid, stone.rev])).toEqual(gone.map((start) => [start, rev]));
    await check([...range(1, t), ...range(4 * t + 1, folderSize)]);
  });

  it('scattered expunges merge small pages, keeping UIDs ascending', async () => {
    const random = mulberry32(5);
    let present = range(1, folderSize);
    for (let round = 0; round < 12; round++) {
      const leaving = present.filter(() => random() < 0.2);
      await expunge(leaving);
      present = present.filter((uid) => !leaving.includes(uid));
      await check(present);
    }
    expect(await db.heads.count()).toBeLessThan(folderSize / t);
  });

  it('a page written again under a removed key is no longer a tombstone', async () => {
    await expunge(range(1, folderSize));
    expect(await db.heads.count()).toBe(0);
    expect(await tombstones()).toContain(1);
    await arrive([1, 2]);
    expect(await tombstones()).not.toContain(1);
    await check([1, 2]);
  });

  it('everything removed and arriving again, interleaved with new mail (seeded)', slow, async () => {
    const random = mulberry32(23);
    const present = new Set(range(1, folderSize));
    for (let round = 0; round < 40; round++) {
      const uids = Array.from({ length: 1 + Math.floor(random() * 80) }, () => 1 + Math.floor(random() * 1.5 * folderSize));
      if (random() < 0.5) {
        await expunge(uids);
        for (const uid of uids) present.delete(uid);
      } else {
        await arrive(uids);
        for (const uid of uids) present.add(uid);
      }
      await check(present);
    }
  });
});

describe('mixed batches', () => {
  it('arrivals, expunges, flag changes and the present-UID sweep in one batch keep pages and messages right (seeded)', slow, async () => {
    const random = mulberry32(77);
    // What the server holds: uid → flags.
    const server = new Map<number, string[]>();
    let modseq = 10;
    for (let round = 0; round < 40; round++) {
      const upserts = Array.from({ length: Math.floor(random() * 120) }, () => 1 + Math.floor(random() * 2000));
      const held = [...server.keys()];
      const removedUids = held.filter(() => random() < 0.05);
      const flagged = held.filter((uid) => random() < 0.05 && !removedUids.includes(uid));
      const flagUpdates = flagged.map((uid) => ({ uid, flags: random() < 0.5 ? ['\\Seen'] : ['\\Flagged', 'Later'], modseq: String(++modseq) }));
      for (const uid of removedUids) server.delete(uid);
      for (const { uid, flags } of flagUpdates) server.set(uid, flags);
      for (const uid of upserts) server.set(uid, random() < 0.3 ? ['\\Seen'] : []);
      const batch = messagesBatch('INBOX', {
        upserts: [...new Set(upserts)].map((uid) => message(uid, { flags: server.get(uid), modseq: String(++modseq) })),
        removedUids,
        flagUpdates,
      });
      // Now and then the end of a pass without QRESYNC: the server lists what it still has (the
      // pass's own arrivals among it: they come from the same UID SEARCH, folderPass.ts).
      if (random() < 0.2) {
        const gone = [...server.keys()].filter((uid) => random() < 0.1 && !upserts.includes(uid));
        for (const uid of gone) server.delete(uid);
        batch.cursor = cursor('INBOX', { uidNext: 2001 });
        batch.presentUids = [...server.keys()].join(',');
      }
      await applySyncBatch(db, batch);
      await check(server.keys());
      const cached = await folderMessages(db, accountA, 'INBOX');
      expect(new Map(cached.map((row) => [row.uid, [...row.flags].sort()]))).toEqual(
        new Map([...server].map(([uid, flags]) => [uid, [...flags].sort()])),
      );
      expect(await storedCounts(db)).toEqual(await expectedCounts(db));
    }
  });
});

describe('flag changes', () => {
  beforeEach(async () => {
    await arrive(range(1, 300));
    writes.reset();
  });

  it('a server flag change rewrites only the head of the page, never its summaries', async () => {
    const pagesBefore = await db.pages.toArray();
    const rev = await revision();
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 120, flags: ['\\Seen'], modseq: '11' }], cursor: cursor('INBOX') }));
    expect(writes.rows.heads).toBe(1);
    expect(writes.rows.pages ?? 0).toBe(0);
    expect(await db.pages.toArray()).toEqual(pagesBefore);
    const changed = (await db.heads.toArray()).filter((head) => head.rev > rev);
    expect(changed).toHaveLength(1);
    expect([...(changed[0]?.uids ?? [])]).toContain(120);
    expect(await getMessage(db, [accountA, 'INBOX', 120])).toMatchObject({ flags: ['\\Seen'], unread: 0, subject: 'Message 120' });
  });

  it('a local flag change (mark as read) rewrites only the head too', async () => {
    await applyLocalFlags(db, [accountA, 'INBOX', 7], ['\\Flagged'], []);
    expect(writes.rows.heads).toBe(1);
    expect(writes.rows.pages ?? 0).toBe(0);
    expect(await getMessage(db, [accountA, 'INBOX', 7])).toMatchObject({ flagged: 1 });
  });

  it('keywords without a bit are kept beside the bits', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 5, flags: ['\\Seen', 'ProjectX', '$Junk'], modseq: '12' }] }));
    expect((await getMessage(db, [accountA, 'INBOX', 5]))?.flags.sort()).toEqual(['$Junk', 'ProjectX', '\\Seen']);
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 5, flags: [], modseq: '13' }] }));
    expect((await getMessage(db, [accountA, 'INBOX', 5]))?.flags).toEqual([]);
    expect(await folderUids(db, 'INBOX', accountA)).toEqual(range(1, 300));
  });
});
