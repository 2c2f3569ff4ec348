import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { FolderIndex } from '../../../../../src/renderer/db/index/FolderIndex';
import { acquireIndex, closeIndexes } from '../../../../../src/renderer/db/index/registry';
import type { IndexChange } from '../../../../../src/renderer/db/index/sourceIndex';
import { applyLocalFlags, removeLocalMessage, restoreLocalMessage } from '../../../../../src/renderer/db/localChanges';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { folderMessages } from '../cacheRows';
import { accountA, folder, foldersBatch, message, messagesBatch } from '../fixtures';
import { expectedOrder, indexEntries, seeded, withoutPages } from './indexTestKit';

let db: PostvakDb;
let counter = 0;

beforeEach(async () => {
  db = new PostvakDb(`folder-index-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Other')]));
});
afterEach(async () => {
  closeIndexes(db);
  await db.delete();
});

const day = 86_400_000;
/** Dates from a small range so that equal dates (ordered by UID) are common. */
const dateFor = (random: ReturnType<typeof seeded>) => 1_700_000_000_000 + random.int(40) * day;

async function freshEntries(): Promise<string[]> {
  const fresh = new FolderIndex(db, accountA, 'INBOX');
  await fresh.whenCurrent();
  return indexEntries(fresh);
}

describe('FolderIndex', () => {
  it('builds the order a plain sort of the same messages gives (date, then UID, newest first)', async () => {
    const random = seeded(7);
    const upserts = Array.from({ length: 700 }, (_, at) => message(at * 3 + 1, { date: dateFor(random), flags: random.next() < 0.3 ? [] : ['\\Seen'] }));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts }));
    await applySyncBatch(db, messagesBatch('Other', { upserts: [message(5, { folderPath: 'Other', date: 9e15 })] }));
    const index = new FolderIndex(db, accountA, 'INBOX');
    await index.whenCurrent();
    expect(index.length).toBe(700);
    expect(withoutPages(indexEntries(index))).toEqual(expectedOrder(await folderMessages(db, accountA, 'INBOX')));
  });

  it.each([11, 2024, 90210])('catches up to what a fresh build gives after every step of a random sequence (seed %i)', async (seed) => {
    const random = seeded(seed);
    const index = new FolderIndex(db, accountA, 'INBOX');
    const changes: IndexChange[] = [];
    index.onChange((change) => changes.push(change));
    await index.whenCurrent();
    let nextUid = 1;
    const known = new Set<number>();
    const someKnown = (count: number) => Array.from({ length: count }, () => random.pick([...known]));
    const kinds = new Map<string, number>();
    for (let step = 0; step < 70; step++) {
      const roll = random.next();
      let kind: string;
      changes.length = 0;
      if (step === 35) {
        kind = 'UIDVALIDITY reset';
        known.clear();
        nextUid = 1;
        const upserts = Array.from({ length: random.int(80) }, () => message((nextUid += 1), { date: dateFor(random) }));
        for (const summary of upserts) known.add(summary.uid);
        await applySyncBatch(db, messagesBatch('INBOX', { reset: true, upserts }));
      } else if (known.size === 0 || roll < 0.3) {
        // Arrivals: new UIDs, some below existing pages' starts (late arrivals keep their UID order).
        kind = 'arrivals';
        const upserts = Array.from({ length: 1 + random.int(160) }, () => message((nextUid += 1 + random.int(3)), { date: dateFor(random) }));
        for (const summary of upserts) known.add(summary.uid);
        await applySyncBatch(db, messagesBatch('INBOX', { upserts }));
      } else if (roll < 0.5) {
        kind = 'flags';
        const flagUpdates = someKnown(1 + random.int(30)).map((uid) => ({ uid, flags: random.next() < 0.5 ? ['\\Seen'] : ['\\Flagged'], modseq: String(20 + step) }));
        await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates }));
      } else if (roll < 0.7) {
        // Expunges, enough at times to merge pages (a page under 12 joins its neighbour).
        kind = 'expunges';
        const removedUids = someKnown(1 + random.int(random.next() < 0.3 ? 120 : 10));
        for (const uid of removedUids) known.delete(uid);
        await applySyncBatch(db, messagesBatch('INBOX', { removedUids }));
      } else if (roll < 0.78) {
        // The server's summary of known messages again, some with another date (moves in the list).
        kind = 'redated';
        const upserts = someKnown(1 + random.int(5)).map((uid) => message(uid, { date: dateFor(random), flags: ['\\Seen'] }));
        await applySyncBatch(db, messagesBatch('INBOX', { upserts }));
      } else if (roll < 0.9) {
        kind = 'local flags';
        await applyLocalFlags(db, [accountA, 'INBOX', random.pick([...known])], ['\\Seen'], []);
      } else {
        kind = 'local delete and undo';
        const uid = random.pick([...known]);
        const removed = await removeLocalMessage(db, [accountA, 'INBOX', uid]);
        await index.whenCurrent();
        expect(indexEntries(index), `step ${step} (deleted ${uid})`).toEqual(await freshEntries());
        if (removed) await restoreLocalMessage(db, removed);
      }
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      await index.whenCurrent();
      expect(indexEntries(index), `step ${step}: ${kind}`).toEqual(await freshEntries());
      expect(withoutPages(indexEntries(index)), `step ${step}: ${kind}`).toEqual(expectedOrder(await folderMessages(db, accountA, 'INBOX')));
      // Only a reset rebuilds; everything else is caught up as a delta.
      if (kind !== 'UIDVALIDITY reset') expect(changes.map((change) => change.kind)).not.toContain('reset');
      if (kind === 'flags' || kind === 'local flags') {
        for (const change of changes) if (change.kind === 'delta') expect(change.inserted.uids.length + change.removed.uids.length).toBe(0);
      }
    }
    // The sequence did exercise every kind of change.
    expect([...kinds.keys()].sort()).toEqual(['UIDVALIDITY reset', 'arrivals', 'expunges', 'flags', 'local delete and undo', 'local flags', 'redated']);
  }, 60_000);

  it('splits and merges pages without losing or doubling an entry', async () => {
    const index = new FolderIndex(db, accountA, 'INBOX');
    await index.whenCurrent();
    // 250 messages in one batch: pages are split; then most are expunged: pages merge.
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: Array.from({ length: 250 }, (_, at) => message(at + 1)) }));
    await index.whenCurrent();
    const pagesAfterSplit = new Set(index.refsAt(0, index.length).map((ref) => ref.startUid));
    expect(pagesAfterSplit.size).toBeGreaterThan(2);
    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: Array.from({ length: 230 }, (_, at) => at + 11) }));
    await index.whenCurrent();
    expect(new Set(index.refsAt(0, index.length).map((ref) => ref.startUid)).size).toBe(1);
    expect(indexEntries(index)).toEqual(await freshEntries());
    expect(index.refsAt(0, index.length).map((ref) => ref.uid)).toEqual([250, 249, 248, 247, 246, 245, 244, 243, 242, 241, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('empties when its folder vanishes from the server', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1), message(2)] }));
    const index = new FolderIndex(db, accountA, 'INBOX');
    await index.whenCurrent();
    expect(index.length).toBe(2);
    await applySyncBatch(db, foldersBatch([folder('Other')]));
    await index.whenCurrent();
    expect(index.length).toBe(0);
  });

  it('follows the database by itself: a write (here or in another window) reaches a live index', async () => {
    const lease = acquireIndex(db, { kind: 'folder', accountId: accountA, folderPath: 'INBOX' });
    const index = lease.index;
    await index.whenCurrent();
    const arrived = new Promise<void>((resolve) => {
      const stop = index.subscribe(() => {
        if (index.length !== 3) return;
        stop();
        resolve();
      });
    });
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1), message(2), message(3)] }));
    await arrived;
    expect(index.refsAt(0, 3).map((ref) => ref.uid)).toEqual([3, 2, 1]);
    lease.release();
  });

  it('is shared by every view of the same source', () => {
    const source = { kind: 'folder', accountId: accountA, folderPath: 'INBOX' } as const;
    const first = acquireIndex(db, source);
    const second = acquireIndex(db, source);
    expect(second.index).toBe(first.index);
    expect(acquireIndex(db, { ...source, folderPath: 'Other' }).index).not.toBe(first.index);
  });
});
