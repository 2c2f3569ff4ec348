/**
 * A folder that vanishes and comes back (a grant revoked and given again, a folder deleted and
 * created again under the same name): an in-memory list index that saw it before must not take
 * the new pages for a continuation of the old ones (issue #11 §2, §3: indexes catch up from the
 * counts row's epoch and revision). Its catch-up may run only after several transactions — Dexie
 * coalesces liveQuery runs, and a caller may apply several batches in one transaction.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { FolderIndex } from '../../../../../src/renderer/db/index/FolderIndex';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { folderUids, storedCounts } from '../cacheRows';
import { accountA, folder, foldersBatch, message, messagesBatch } from '../fixtures';

let db: PostvakDb;
let counter = 0;
beforeEach(async () => {
  db = new PostvakDb(`folder-lifecycle-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Projects')]));
});
afterEach(async () => {
  await db.delete();
});

const listed = (index: FolderIndex) => index.refsAt(0, index.length).map((ref) => ref.uid);

describe('a folder that vanishes and comes back', () => {
  it('is rebuilt by an index that saw it before, not caught up', async () => {
    await applySyncBatch(db, messagesBatch('Projects', { upserts: [1, 2, 3].map((uid) => message(uid, { folderPath: 'Projects' })) }));
    const index = new FolderIndex(db, accountA, 'Projects');
    await index.whenCurrent();
    expect(listed(index)).toEqual([3, 2, 1]);

    // Gone, back, and one new message — before the index looks again.
    await applySyncBatch(db, foldersBatch([folder('INBOX')]));
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Projects')]));
    await applySyncBatch(db, messagesBatch('Projects', { upserts: [message(7, { folderPath: 'Projects' })] }));
    expect(await folderUids(db, 'Projects', accountA)).toEqual([7]);

    await index.whenCurrent();
    expect(listed(index)).toEqual([7]);
    index.dispose();
  });

  it('leaves no count behind', async () => {
    await applySyncBatch(db, messagesBatch('Projects', { upserts: [message(1, { folderPath: 'Projects' })] }));
    await applySyncBatch(db, foldersBatch([folder('INBOX')]));
    expect(await storedCounts(db)).toEqual({});
  });
});
