import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { closeIndexes } from '../../../../src/renderer/db/index/registry';
import { countSource, loadWindow, type MessageSource } from '../../../../src/renderer/db/queries/messages';
import { neighbourOf } from '../../../../src/renderer/db/queries/neighbours';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { accountA, folder, foldersBatch, message, messagesBatch } from './fixtures';

const total = 100_000;
const chunk = 10_000;
const inbox: MessageSource = { kind: 'folder', accountId: accountA, folderPath: 'INBOX' };
let db: PostvakDb;

/** Dates are a permutation of the uids, so date order differs from uid (arrival) order. */
function dateOf(uid: number): number {
  return 1_600_000_000_000 + ((uid * 7919) % total) * 1000;
}

beforeAll(async () => {
  db = new PostvakDb('window-100k');
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Other')]));
  for (let start = 1; start <= total; start += chunk) {
    const upserts = Array.from({ length: chunk }, (_, i) => message(start + i, { date: dateOf(start + i) }));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts }));
  }
  // Another folder's message, newer than all: it must never leak into the window.
  await applySyncBatch(db, messagesBatch('Other', { upserts: [message(1, { folderPath: 'Other', date: 9e15 })] }));
}, 240_000);

afterAll(async () => {
  closeIndexes(db);
  await db.delete();
});

describe('message window over 100,000 messages', () => {
  const newestFirst = Array.from({ length: total }, (_, i) => i + 1).sort((a, b) => dateOf(b) - dateOf(a));

  it('counts the folder', async () => {
    expect(await countSource(db, inbox)).toBe(total);
  });

  // Any position costs the same from the index: the top, the middle and the end.
  it.each([
    [0, 60],
    [1_200, 60],
    [49_975, 50],
    [50_000, 60],
    [98_700, 60],
    [99_950, 60],
    [99_990, 60],
  ])('returns exactly rows %i… of the full order, newest first (limit %i)', async (offset, limit) => {
    const rows = await loadWindow(db, inbox, offset, limit);
    const expected = newestFirst.slice(offset, offset + limit);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.uid)).toEqual(expected);
    expect(rows.map((row) => row.subject)).toEqual(expected.map((uid) => `Message ${uid}`));
    expect(rows.every((row) => row.folderPath === 'INBOX')).toBe(true);
  });

  it('returns nothing past the end', async () => {
    expect(await loadWindow(db, inbox, total, 50)).toEqual([]);
  });

  it('finds the neighbour below a message, and above the last one', async () => {
    const [middle, below] = await loadWindow(db, inbox, 50_000, 2);
    expect(await neighbourOf(db, inbox, middle!)).toEqual([accountA, 'INBOX', below!.uid]);
    const [beforeLast, last] = await loadWindow(db, inbox, total - 2, 2);
    expect(await neighbourOf(db, inbox, last!)).toEqual([accountA, 'INBOX', beforeLast!.uid]);
  });
});
