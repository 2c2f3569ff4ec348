import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { getMessagesIn, headCovering } from '../../../../../src/renderer/db/pages/messageRows';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { lookUpHits } from '../../../../../src/renderer/search/results/cacheLookup';
import { accountA, folder, foldersBatch, message, messagesBatch } from '../../db/fixtures';

let db: PostvakDb;
let counter = 0;

beforeEach(async () => {
  db = new PostvakDb(`unknown-pages-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Sent')]));
  // Several pages (~100 messages each) in INBOX, one in Sent.
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: Array.from({ length: 450 }, (_, at) => message(at + 1)) }));
  await applySyncBatch(db, messagesBatch('Sent', { upserts: [message(3, { folderPath: 'Sent', subject: 'sent 3' })] }));
});
afterEach(async () => {
  await db.delete();
});

describe('getMessagesIn with refs whose page is unknown (issue #13: search hits)', () => {
  it('finds each by its UID, in the order asked, mixed with known pages, and leaves out what the cache lacks', async () => {
    const head = await headCovering(db, accountA, 'INBOX', 10);
    const rows = await getMessagesIn(db, [
      { accountId: accountA, folderPath: 'INBOX', startUid: Number.NaN, uid: 420 },
      { accountId: accountA, folderPath: 'Sent', startUid: Number.NaN, uid: 3 },
      { accountId: accountA, folderPath: 'INBOX', startUid: head!.startUid, uid: 10 },
      { accountId: accountA, folderPath: 'INBOX', startUid: Number.NaN, uid: 9999 },
      { accountId: accountA, folderPath: 'Gone', startUid: Number.NaN, uid: 1 },
      { accountId: accountA, folderPath: 'INBOX', startUid: Number.NaN, uid: 1 },
    ]);
    expect(rows.map((row) => `${row.folderPath}#${row.uid} ${row.subject}`)).toEqual(['INBOX#420 Message 420', 'Sent#3 sent 3', 'INBOX#10 Message 10', 'INBOX#1 Message 1']);
  });

  it('looks hits up alike whether few over many pages (each its own page) or many (the pages between), with the cache’s flags', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 449, flags: ['\\Seen'], modseq: '11' }] }));
    const keys = (uids: number[]) => uids.map((uid) => ({ accountId: accountA, folderPath: 'INBOX', uid }));
    const facts = (found: Map<string, { date: number; bits: number }>) => [...found.keys()].map((id) => Number(id.split('\u0000')[2])).sort((a, b) => a - b);
    // Two hits, five pages apart: the sparse way.
    const sparse = await lookUpHits(db, keys([2, 449, 9999]));
    expect(facts(sparse)).toEqual([2, 449]);
    // Every message: the dense way.
    const dense = await lookUpHits(db, keys(Array.from({ length: 460 }, (_, at) => at + 1)));
    expect(facts(dense)).toEqual(Array.from({ length: 450 }, (_, at) => at + 1));
    const seen = (found: Map<string, { date: number; bits: number }>, uid: number) => found.get(`${accountA}\u0000INBOX\u0000${uid}`);
    expect(seen(sparse, 449)).toEqual(seen(dense, 449));
    expect(seen(sparse, 449)!.bits).not.toBe(seen(sparse, 2)!.bits);
    expect(seen(sparse, 2)!.date).toBe(message(2).date);
  });
});
