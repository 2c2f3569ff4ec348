import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { getMessage } from '../../../../../src/renderer/db/pages/messageRows';
import { folderCountId } from '../../../../../src/renderer/db/pages/pageRows';
import { pendingLocks } from '../../../../../src/renderer/db/pendingLocks';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { writeServerHits } from '../../../../../src/renderer/db/searchHits';
import { accountA, folder, foldersBatch, messagesBatch } from '../../db/fixtures';
import { summary } from './searchKit';

let db: PostvakDb;
let counter = 0;
const total = async (path: string) => (await db.counts.get(folderCountId(accountA, path)))?.total ?? 0;

beforeEach(async () => {
  db = new PostvakDb(`search-hits-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Archief')]));
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: [summary('INBOX', 5, 'cached', 50)], cursor: { path: 'INBOX', uidValidity: 7, uidNext: 10, highestModseq: '10', count: 1 } }));
});
afterEach(async () => {
  await db.delete();
});

describe('writeServerHits (issue #13 §4)', () => {
  it('writes only what the cache cannot know: above UIDNEXT, not cached, not being removed', async () => {
    const lock = pendingLocks.lock(accountA, 'INBOX', [12], { kind: 'removal' });
    try {
      const written = await writeServerHits(db, accountA, 'INBOX', 7, [
        summary('INBOX', 3, 'expunged here, below UIDNEXT', 60),
        summary('INBOX', 5, 'older copy of a cached message', 50),
        summary('INBOX', 11, 'new on the server', 1),
        summary('INBOX', 12, 'being deleted by a task', 2),
      ]);
      expect(written).toEqual([11]);
    } finally {
      pendingLocks.release(lock);
    }
    expect((await getMessage(db, [accountA, 'INBOX', 5]))?.subject).toBe('cached');
    expect(await getMessage(db, [accountA, 'INBOX', 3])).toBeUndefined();
    expect(await total('INBOX')).toBe(2);
    expect((await db.cursors.get([accountA, 'INBOX']))?.uidNext).toBe(10);
    // The sync's later batch brings the same message: replaced, not counted twice.
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [summary('INBOX', 11, 'new on the server', 1)] }));
    expect(await total('INBOX')).toBe(2);
  });

  it('fills a folder never synced, and refuses one whose UIDVALIDITY is not the answer’s', async () => {
    expect(await writeServerHits(db, accountA, 'Archief', 3, [summary('Archief', 40, 'old archive', 900)])).toEqual([40]);
    expect(await total('Archief')).toBe(1);
    expect(await writeServerHits(db, accountA, 'INBOX', 8, [summary('INBOX', 20, 'other UIDVALIDITY', 1)])).toEqual([]);
    expect(await getMessage(db, [accountA, 'INBOX', 20])).toBeUndefined();
    expect(await writeServerHits(db, accountA, 'Gone', 1, [summary('Gone', 1, 'no such folder', 1)])).toEqual([]);
  });
});
