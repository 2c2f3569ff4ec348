import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { tasksOf } from '../../../../src/renderer/tasks/actionTasks';
import { runTasks } from '../../../../src/renderer/tasks/runTasks';
import type { MessageKey } from '../../../../src/renderer/db/rows';
import { expectedCounts, folderMessages, folderUids, storedCounts } from '../db/cacheRows';
import { accountA, folder, foldersBatch, message, messagesBatch } from '../db/fixtures';
import { deferredTasks, releaseLocks } from './taskApi';

let db: PostvakDb;
let counter = 0;
const uids = Array.from({ length: 600 }, (_, index) => index + 1);

beforeEach(async () => {
  db = new PostvakDb(`tasks-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Archive', accountA, { role: 'archive' })]));
  // Every third message read: the unread counters must move by exactly the unread ones taken out.
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: uids.map((uid) => message(uid, { flags: uid % 3 === 0 ? ['\\Seen'] : [] })) }));
});
afterEach(async () => {
  const left = releaseLocks(accountA, 'INBOX', 'Archive');
  await db.delete();
  expect(left).toEqual([]);
});

const keys = (list: number[], folderPath = 'INBOX'): MessageKey[] => list.map((uid) => [accountA, folderPath, uid]);

describe('runTasks: a move', () => {
  it('takes the messages out of the list before main answers, counters included', async () => {
    const fake = deferredTasks();
    const moving = uids.filter((uid) => uid % 2 === 1);
    let applied = false;
    const run = runTasks({ db, api: fake.api }, tasksOf({ kind: 'move', keys: keys(moving), to: { accountId: accountA, folderPath: 'Archive' } }), () => {
      applied = true;
    });
    await fake.reached(1);
    expect(applied).toBe(true);
    expect(await folderUids(db, 'INBOX', accountA)).toEqual(uids.filter((uid) => uid % 2 === 0));
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
    const undo = { type: 'move' as const, accountId: accountA, folderPath: 'Archive', uids: [1, 2], to: { accountId: accountA, folderPath: 'INBOX' } };
    fake.accept(0, { undo, destination: { accountId: accountA, folderPath: 'Archive', uids: [1, 2] } });
    expect(await run).toMatchObject({ ok: true, error: null, undo: [undo] });
  });

  it('puts back exactly what it took out when main refuses, with the counts as before', async () => {
    const before = await folderMessages(db, accountA, 'INBOX');
    const countsBefore = await storedCounts(db);
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, tasksOf({ kind: 'archive', keys: keys(uids.slice(100, 400)) }));
    await fake.reached(1);
    expect(await folderUids(db, 'INBOX', accountA)).toHaveLength(300);
    fake.refuse(0);
    expect(await run).toMatchObject({ ok: false, error: { code: 'serverRefused' }, undo: [] });
    expect(await folderMessages(db, accountA, 'INBOX')).toEqual(before);
    expect(await storedCounts(db)).toEqual(countsBefore);
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
  });

  it('does not bring back a message the server removed meanwhile, and takes the server’s newer flags', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, tasksOf({ kind: 'delete', keys: keys([1, 2, 4]) }));
    await fake.reached(1);
    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: [2], flagUpdates: [{ uid: 4, flags: ['\\Seen', '\\Flagged'], modseq: '20' }] }));
    fake.refuse(0, 'notPermitted', 'You may not delete in info@example.test');
    await run;
    const rows = await folderMessages(db, accountA, 'INBOX');
    expect(rows.slice(0, 3).map((row) => [row.uid, row.flags])).toEqual([
      [1, []],
      [3, ['\\Seen']],
      [4, ['\\Seen', '\\Flagged']],
    ]);
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
  });

  it('runs one task per folder of a mixed selection and rolls back only the refused one', async () => {
    await applySyncBatch(db, messagesBatch('Archive', { upserts: [message(7, { folderPath: 'Archive' }), message(8, { folderPath: 'Archive' })] }));
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, tasksOf({ kind: 'junk', keys: [...keys([5, 6]), ...keys([7, 8], 'Archive')] }));
    await fake.reached(2);
    expect(fake.tasks.map((task) => [task.type, 'folderPath' in task && task.folderPath, 'uids' in task && task.uids])).toEqual([
      ['junk', 'INBOX', [5, 6]],
      ['junk', 'Archive', [7, 8]],
    ]);
    fake.accept(0);
    fake.refuse(1);
    expect(await run).toMatchObject({ ok: false });
    expect(await folderUids(db, 'Archive', accountA)).toEqual([7, 8]);
    expect((await folderUids(db, 'INBOX', accountA)).slice(0, 5)).toEqual([1, 2, 3, 4, 7]);
  });
});

describe('runTasks: flags', () => {
  it('undoes only the messages whose flags changed, each back to its own flags', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, tasksOf({ kind: 'setFlags', keys: keys([1, 2, 3, 4]), add: ['\\Seen'], remove: [] }));
    await fake.reached(1);
    expect((await folderMessages(db, accountA, 'INBOX')).slice(0, 4).map((row) => row.unread)).toEqual([0, 0, 0, 0]);
    // Even where main offers a reverse of the whole task: 3 was read already, the undo must leave it read.
    fake.accept(0, { undo: { type: 'setFlags', accountId: accountA, folderPath: 'INBOX', uids: [1, 2, 3, 4], add: [], remove: ['\\Seen'] } });
    expect((await run).undo).toEqual([{ type: 'setFlags', accountId: accountA, folderPath: 'INBOX', uids: [1, 2, 4], add: [], remove: ['\\Seen'] }]);
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
  });

  it('rolls a refused change back to the flags before', async () => {
    const fake = deferredTasks();
    const run = runTasks({ db, api: fake.api }, tasksOf({ kind: 'setFlags', keys: keys([1, 3]), add: ['\\Flagged'], remove: ['\\Seen'] }));
    await fake.reached(1);
    fake.refuse(0, 'notPermitted', 'info@example.test is read-only for you');
    expect(await run).toMatchObject({ ok: false, undo: [] });
    const rows = await folderMessages(db, accountA, 'INBOX');
    expect([rows[0]?.flags, rows[2]?.flags]).toEqual([[], ['\\Seen']]);
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
  });
});

describe('tasksOf', () => {
  it('leaves out the messages a move would put where they already are', () => {
    const to = { accountId: accountA, folderPath: 'Archive' };
    expect(tasksOf({ kind: 'move', keys: [...keys([1], 'Archive'), ...keys([2])], to })).toEqual([
      { type: 'move', accountId: accountA, folderPath: 'INBOX', uids: [2], to },
    ]);
    expect(tasksOf({ kind: 'copy', keys: keys([1], 'Archive'), to })).toHaveLength(1);
  });

  it('cuts a folder’s share into tasks of at most the contract’s size, UIDs ascending and unique', () => {
    const tasks = tasksOf({ kind: 'delete', keys: keys([5, 3, 1, 3, 4, 2]), permanent: true }, 2);
    expect(tasks).toEqual([
      { type: 'delete', accountId: accountA, folderPath: 'INBOX', uids: [1, 2], permanent: true },
      { type: 'delete', accountId: accountA, folderPath: 'INBOX', uids: [3, 4], permanent: true },
      { type: 'delete', accountId: accountA, folderPath: 'INBOX', uids: [5], permanent: true },
    ]);
  });
});
