import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedAccountIds, readCursors, removeAccountData } from '../../../../src/renderer/db/accountData';
import { applySyncBatch, compareModseq } from '../../../../src/renderer/db/applySyncBatch';
import { getMessage } from '../../../../src/renderer/db/pages/messageRows';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { allMessages, folderUids, storedCounts } from './cacheRows';
import { accountA, accountB, cursor, folder, foldersBatch, message, messagesBatch } from './fixtures';

let db: PostvakDb;
let counter = 0;

beforeEach(async () => {
  db = new PostvakDb(`apply-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const uids = (folderPath: string, accountId: string = accountA) => folderUids(db, folderPath, accountId);

async function seed(): Promise<void> {
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Old'), folder('Old/Child')]));
  for (const path of ['INBOX', 'Old', 'Old/Child']) {
    await applySyncBatch(
      db,
      messagesBatch(path, { upserts: [1, 2, 3].map((uid) => message(uid, { folderPath: path })), cursor: cursor(path) }),
    );
    await db.bodies.put({
      accountId: accountA,
      folderPath: path,
      uid: 1,
      html: null,
      text: 'body',
      attachments: [],
      inlineImages: {},
      headers: { from: [], to: [], cc: [], replyTo: [], sender: [], subject: '', date: 0, messageId: null, inReplyTo: null, references: [], deliveredTo: [], authResults: [] },
      invitations: [],
      fetchedAt: 1,
    });
  }
}

describe('folders batch', () => {
  it('replaces the folder list and deletes messages, bodies and cursors of vanished folders', async () => {
    await seed();
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('New')]));
    const paths = (await db.folders.toArray()).map((f) => f.path).sort();
    expect(paths).toEqual(['INBOX', 'New']);
    expect(await uids('Old')).toEqual([]);
    expect(await uids('Old/Child')).toEqual([]);
    expect(await uids('INBOX')).toEqual([1, 2, 3]);
    expect((await db.bodies.toArray()).map((b) => b.folderPath)).toEqual(['INBOX']);
    expect((await readCursors(db, accountA)).map((c) => c.path)).toEqual(['INBOX']);
  });

  it("leaves other accounts' folders alone and pins folders to the batch's account", async () => {
    await seed();
    await applySyncBatch(db, foldersBatch([folder('INBOX', accountB)], accountB));
    await applySyncBatch(db, foldersBatch([folder('Stray', accountA)], accountB));
    expect((await db.folders.toArray()).filter((f) => f.accountId === accountA)).toHaveLength(3);
    expect((await db.folders.where('[accountId+path]').between([accountB, ''], [accountB, '\uffff']).toArray()).map((f) => f.path)).toEqual(['Stray']);
  });
});

describe('messages batch', () => {
  beforeEach(seed);

  it('upserts, applies flag updates only when not older, and removes messages with their bodies', async () => {
    await applySyncBatch(
      db,
      messagesBatch('INBOX', {
        upserts: [message(4, { flags: ['\\Seen'] }), message(2, { subject: 'Changed' })],
        flagUpdates: [
          { uid: 3, flags: ['\\Seen', '\\Flagged'], modseq: '11' },
          { uid: 2, flags: ['\\Seen'], modseq: '9' },
          { uid: 99, flags: ['\\Seen'], modseq: '20' },
        ],
        removedUids: [1],
      }),
    );
    expect(await uids('INBOX')).toEqual([2, 3, 4]);
    expect(await db.bodies.get([accountA, 'INBOX', 1])).toBeUndefined();
    const two = await getMessage(db, [accountA, 'INBOX', 2]);
    expect(two).toMatchObject({ subject: 'Changed', flags: [], unread: 1 });
    const three = await getMessage(db, [accountA, 'INBOX', 3]);
    expect(three).toMatchObject({ flags: ['\\Seen', '\\Flagged'], modseq: '11', unread: 0, flagged: 1 });
    expect(await getMessage(db, [accountA, 'INBOX', 4])).toMatchObject({ unread: 0, flagged: 0 });
  });

  it('applies a flag update with the same modseq (the server may repeat itself)', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Seen'], modseq: '10' }] }));
    expect(await getMessage(db, [accountA, 'INBOX', 1])).toMatchObject({ unread: 0 });
  });

  it('reset wipes the folder (messages, bodies, cursor) before the new rows land', async () => {
    await applySyncBatch(
      db,
      messagesBatch('INBOX', { reset: true, upserts: [message(7)], cursor: cursor('INBOX', { uidValidity: 2, count: 1 }) }),
    );
    expect(await uids('INBOX')).toEqual([7]);
    expect(await db.bodies.get([accountA, 'INBOX', 1])).toBeUndefined();
    expect((await readCursors(db, accountA)).find((c) => c.path === 'INBOX')).toMatchObject({ uidValidity: 2, count: 1 });
    expect(await uids('Old')).toEqual([1, 2, 3]);
  });

  it('writes the cursor in the same transaction: a batch that fails halfway changes nothing', async () => {
    const before = await readCursors(db, accountA);
    const failing = messagesBatch('INBOX', {
      removedUids: [1],
      flagUpdates: [{ uid: 2, flags: ['\\Seen'], modseq: '12' }],
      // A function cannot be stored (structured clone): the page write fails after the removal ran.
      upserts: [message(5), message(6, { snippet: (() => 'x') as unknown as string })],
      cursor: cursor('INBOX', { uidNext: 500, highestModseq: '99' }),
    });
    await expect(applySyncBatch(db, failing)).rejects.toThrow();
    expect(await readCursors(db, accountA)).toEqual(before);
    expect(await uids('INBOX')).toEqual([1, 2, 3]);
    expect(await db.bodies.get([accountA, 'INBOX', 1])).toBeDefined();
    expect(await getMessage(db, [accountA, 'INBOX', 2])).toMatchObject({ unread: 1 });
  });

  it('is idempotent: applying the same batch twice gives the same cache', async () => {
    const batch = messagesBatch('INBOX', {
      upserts: [message(8), message(9, { flags: ['\\Flagged'] })],
      flagUpdates: [{ uid: 2, flags: ['\\Seen'], modseq: '12' }],
      removedUids: [3],
      cursor: cursor('INBOX', { uidNext: 10, highestModseq: '12', count: 4 }),
    });
    await applySyncBatch(db, batch);
    const state = async () => ({ messages: await allMessages(db), cursors: await db.cursors.toArray(), counts: await storedCounts(db) });
    const once = await state();
    await applySyncBatch(db, batch);
    expect(await state()).toEqual(once);
  });
});

describe('account data', () => {
  it('removeAccountData deletes only that account', async () => {
    await seed();
    await applySyncBatch(db, foldersBatch([folder('INBOX', accountB)], accountB));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1, { accountId: accountB })], cursor: cursor('INBOX') }, accountB));
    await removeAccountData(db, accountA);
    expect(await cachedAccountIds(db)).toEqual([accountB]);
    expect((await allMessages(db)).map((row) => [row.accountId, row.uid])).toEqual([[accountB, 1]]);
    expect(await db.bodies.count()).toBe(0);
    expect(await readCursors(db, accountA)).toEqual([]);
    expect(await readCursors(db, accountB)).toHaveLength(1);
  });
});

describe('compareModseq', () => {
  it('compares 63-bit values exactly', () => {
    expect(compareModseq('9223372036854775807', '9223372036854775806')).toBe(1);
    expect(compareModseq('2', '10')).toBe(-1);
    expect(compareModseq('0', '')).toBe(0);
  });
});

describe('present-UID sweep (servers without QRESYNC)', () => {
  it('drops cached rows below uidNext that the server no longer lists, with their bodies', async () => {
    await seed();
    await applySyncBatch(
      db,
      messagesBatch('INBOX', { upserts: [message(150, { folderPath: 'INBOX' })], cursor: cursor('INBOX', { uidNext: 100 }) }),
    );
    // The server still has 2 (and 150, above this pass's uidNext, which the sweep must not touch).
    await applySyncBatch(db, messagesBatch('INBOX', { presentUids: '2', cursor: cursor('INBOX', { uidNext: 100 }) }));
    expect(await uids('INBOX')).toEqual([2, 150]);
    expect((await db.bodies.toArray()).filter((b) => b.folderPath === 'INBOX')).toEqual([]);
    expect(await uids('Old')).toEqual([1, 2, 3]);
  });

  it('ignores presentUids on a batch without a cursor (not the end of a pass)', async () => {
    await seed();
    await applySyncBatch(db, messagesBatch('INBOX', { presentUids: '', cursor: null }));
    expect(await uids('INBOX')).toEqual([1, 2, 3]);
  });
});
