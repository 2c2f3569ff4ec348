/**
 * Pending task changes win over stale sync echoes (issue #12 §1; issue #11's note: "a stale
 * server flag echo briefly overwrites a newer optimistic change").
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { getMessage } from '../../../../src/renderer/db/pages/messageRows';
import type { MessageKey } from '../../../../src/renderer/db/rows';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { runTasks } from '../../../../src/renderer/tasks/runTasks';
import { deferredTasks, releaseLocks } from '../tasks/taskApi';
import { expectedCounts, folderUids, storedCounts } from './cacheRows';
import { accountA, cursor, folder, foldersBatch, message, messagesBatch } from './fixtures';

let db: PostvakDb;
let counter = 0;
const key: MessageKey = [accountA, 'INBOX', 1];
const flags = async () => (await getMessage(db, key))?.flags;

beforeEach(async () => {
  db = new PostvakDb(`pending-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX')]));
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1), message(2)] }));
});
afterEach(async () => {
  const left = releaseLocks(accountA, 'INBOX');
  await db.delete();
  expect(left).toEqual([]);
});

const seen = (uids: number[]) => ({ type: 'setFlags' as const, accountId: accountA, folderPath: 'INBOX', uids, add: ['\\Seen'], remove: [] });
const unseen = (uids: number[]) => ({ ...seen(uids), add: [], remove: ['\\Seen'] });

describe('a pending flag change', () => {
  it('stays over a stale echo of the server’s flags until its task is answered', async () => {
    const fake = deferredTasks();
    // Read, then unread again at once: the echo of the first arrives while the second is pending.
    const first = runTasks({ db, api: fake.api }, [seen([1])]);
    await fake.reached(1);
    fake.accept(0);
    await first;
    const second = runTasks({ db, api: fake.api }, [unseen([1])]);
    await fake.reached(2);
    expect(await flags()).toEqual([]);
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Seen'], modseq: '11' }] }));
    expect(await flags()).toEqual([]);
    expect((await getMessage(db, key))?.unread).toBe(1);
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
    fake.accept(1);
    await second;
    // Answered: the server's word counts again.
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Answered'], modseq: '12' }] }));
    expect(await flags()).toEqual(['\\Answered']);
  });

  it('stays after its task is confirmed until the sync pass under way has ended', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, [seen([1])]);
    await fake.reached(1);
    fake.accept(0);
    await run;
    // A pass that read the flags before the server stored the change delivers them now.
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: [], modseq: '11' }] }));
    expect(await flags()).toEqual(['\\Seen']);
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: [], modseq: '11' }], cursor: cursor('INBOX', { highestModseq: '11' }) }));
    expect(await flags()).toEqual(['\\Seen']);
    // The next pass reads the server after the change: its word stands.
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Flagged'], modseq: '13' }] }));
    expect(await flags()).toEqual(['\\Flagged']);
  });

  it('is applied over a re-sent summary, keeping the server’s other flags', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, [seen([1])]);
    await fake.reached(1);
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1, { flags: ['\\Flagged'], modseq: '15' })] }));
    expect((await flags())?.sort()).toEqual(['\\Flagged', '\\Seen']);
    fake.accept(0);
    await run;
  });

  it('rolls back to what the server said meanwhile, not to the flags before', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, [seen([1])]);
    await fake.reached(1);
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Flagged'], modseq: '15' }] }));
    fake.refuse(0);
    await run;
    expect(await flags()).toEqual(['\\Flagged']);
  });
});

describe('a pending removal', () => {
  it('keeps a message that a batch re-sends out of the list until its task is answered', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, [{ type: 'archive', accountId: accountA, folderPath: 'INBOX', uids: [1] }]);
    await fake.reached(1);
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1, { modseq: '15' })], flagUpdates: [{ uid: 2, flags: ['\\Seen'], modseq: '15' }] }));
    expect(await folderUids(db, 'INBOX', accountA)).toEqual([2]);
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
    fake.accept(0);
    await run;
    expect(await folderUids(db, 'INBOX', accountA)).toEqual([2]);
  });

  it('brings back the server’s re-sent state when the task is refused', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, [{ type: 'archive', accountId: accountA, folderPath: 'INBOX', uids: [1] }]);
    await fake.reached(1);
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1, { subject: 'Edited elsewhere', flags: ['\\Seen'], modseq: '15' })] }));
    fake.refuse(0);
    await run;
    expect(await getMessage(db, key)).toMatchObject({ subject: 'Edited elsewhere', flags: ['\\Seen'], unread: 0 });
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
  });

  it('brings back the server’s newest flags when a flag update followed the re-sent summary', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, [{ type: 'junk', accountId: accountA, folderPath: 'INBOX', uids: [1] }]);
    await fake.reached(1);
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1, { flags: [], modseq: '15' })] }));
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Flagged'], modseq: '16' }] }));
    fake.refuse(0);
    await run;
    expect(await getMessage(db, key)).toMatchObject({ flags: ['\\Flagged'], flagged: 1 });
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
  });

  it('brings nothing back when the folder was reset meanwhile (UIDVALIDITY changed, RFC 9051 §2.3.1.1)', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, [{ type: 'delete', accountId: accountA, folderPath: 'INBOX', uids: [1] }]);
    await fake.reached(1);
    // After the reset UID 1 names another message: it is shown, and the refusal brings back nothing.
    await applySyncBatch(db, messagesBatch('INBOX', { reset: true, upserts: [message(1, { subject: 'Another' }), message(5)] }));
    expect(await folderUids(db, 'INBOX', accountA)).toEqual([1, 5]);
    fake.refuse(0);
    await run;
    expect(await folderUids(db, 'INBOX', accountA)).toEqual([1, 5]);
    expect(await getMessage(db, key)).toMatchObject({ subject: 'Another' });
  });
});
