import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { countMessages, loadMessageWindow } from '../../../../src/renderer/db/queries/messages';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { accountA, folder, foldersBatch, message, messagesBatch } from './fixtures';

const total = 100_000;
const chunk = 10_000;
let db: PostvakDb;

/** Dates are a permutation of the uids, so date order differs from uid (insertion) order. */
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
  // Neighbours in the index that must never leak into the window.
  await applySyncBatch(db, messagesBatch('Other', { upserts: [message(1, { folderPath: 'Other', date: 9e15 })] }));
}, 120_000);

afterAll(async () => {
  await db.delete();
});

describe('message window over 100,000 rows', () => {
  const newestFirst = Array.from({ length: total }, (_, i) => i + 1).sort((a, b) => dateOf(b) - dateOf(a));

  it('counts the folder', async () => {
    expect(await countMessages(db, accountA, 'INBOX')).toBe(total);
  });

  // Windows near both ends and inside the folder. (Not the exact middle: fake-indexeddb re-walks
  // a bounded range from its start on every cursor step, so a window at 50,000 costs O(n²) in
  // this test double, while Chromium's cursors step in constant time.)
  it.each([
    [0, 60],
    [1_200, 60],
    [98_700, 60],
    [99_950, 60],
    [99_990, 60],
  ])('returns rows %i… newest first (limit %i)', async (offset, limit) => {
    const rows = await loadMessageWindow(db, accountA, 'INBOX', offset, limit);
    const expected = newestFirst.slice(offset, offset + limit);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.uid)).toEqual(expected);
    expect(rows.every((row) => row.folderPath === 'INBOX')).toBe(true);
  });

  it('returns nothing past the end', async () => {
    expect(await loadMessageWindow(db, accountA, 'INBOX', total, 50)).toEqual([]);
  });
});
