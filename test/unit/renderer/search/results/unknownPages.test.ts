import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { getMessagesIn, headCovering } from '../../../../../src/renderer/db/pages/messageRows';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
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
});
