import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostvakApi } from '../../../../src/shared/api';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { cacheBody } from '../../../../src/renderer/db/localChanges';
import { getMessage } from '../../../../src/renderer/db/pages/messageRows';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import type { MessageKey } from '../../../../src/renderer/db/rows';
import { setMessageFlags } from '../../../../src/renderer/features/mail/flagTasks';
import { accountA, folder, foldersBatch, message, messagesBatch } from './fixtures';
import { releaseLocks } from '../tasks/taskApi';

let db: PostvakDb;
let counter = 0;
const key: MessageKey = [accountA, 'INBOX', 1];

beforeEach(async () => {
  db = new PostvakDb(`local-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX')]));
  await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1, { flags: ['\\Seen'] })] }));
});
afterEach(async () => {
  // A confirmed change keeps its lock until a sync pass ends (pendingLocks.ts); none may reach the next test.
  expect(releaseLocks(accountA, 'INBOX')).toEqual([]);
  await db.delete();
});

/** An api whose call waits for the test to answer; `called` settles when the task reaches it. */
function deferredApi() {
  const calls: unknown[] = [];
  let answer: (value: Awaited<ReturnType<PostvakApi['call']>>) => void = () => undefined;
  let reached: () => void = () => undefined;
  const called = new Promise<void>((resolve) => (reached = resolve));
  const api = {
    call: (method: string, input: unknown) => {
      calls.push({ method, input });
      reached();
      return new Promise((resolve) => (answer = resolve));
    },
  } as unknown as Pick<PostvakApi, 'call'>;
  return { api, calls, called, answer: (value: Awaited<ReturnType<PostvakApi['call']>>) => answer(value) };
}

describe('setMessageFlags (optimistic task)', () => {
  it('changes the cache before main answers and queues a setFlags task', async () => {
    const fake = deferredApi();
    const errors: unknown[] = [];
    const done = setMessageFlags({ db, api: fake.api, onError: (e) => errors.push(e) }, key, [], ['\\Seen']);
    await fake.called;
    expect(await getMessage(db, key)).toMatchObject({ flags: [], unread: 1 });
    expect(fake.calls).toEqual([
      {
        method: 'tasks.queue',
        input: { task: { type: 'setFlags', accountId: accountA, folderPath: 'INBOX', uids: [1], add: [], remove: ['\\Seen'] } },
      },
    ]);
    fake.answer({ ok: true, value: undefined });
    expect(await done).toBe(true);
    expect(errors).toEqual([]);
    expect(await getMessage(db, key)).toMatchObject({ unread: 1 });
  });

  it('rolls back and reports the error when main refuses', async () => {
    const fake = deferredApi();
    const errors: unknown[] = [];
    const done = setMessageFlags({ db, api: fake.api, onError: (e) => errors.push(e) }, key, ['\\Flagged'], []);
    await fake.called;
    expect(await getMessage(db, key)).toMatchObject({ flagged: 1 });
    fake.answer({ ok: false, error: { code: 'notPermitted', message: 'NO [NOPERM]' } });
    expect(await done).toBe(false);
    expect(await getMessage(db, key)).toMatchObject({ flags: ['\\Seen'], flagged: 0 });
    expect(errors).toEqual([{ code: 'notPermitted', message: 'NO [NOPERM]' }]);
  });

  it('does not roll back over a newer change that a sync batch brought meanwhile', async () => {
    const fake = deferredApi();
    const done = setMessageFlags({ db, api: fake.api, onError: () => undefined }, key, ['\\Flagged'], []);
    await fake.called;
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 1, flags: ['\\Seen', '\\Answered'], modseq: '20' }] }));
    fake.answer({ ok: false, error: { code: 'offline', message: 'gone' } });
    await done;
    expect((await getMessage(db, key))?.flags).toEqual(['\\Seen', '\\Answered']);
  });
});

describe('cacheBody', () => {
  const body = {
    accountId: accountA,
    folderPath: 'INBOX',
    uid: 1,
    html: null,
    text: 'Hello',
    attachments: [],
    inlineImages: {},
    headers: { from: [], to: [], cc: [], replyTo: [], sender: [], subject: '', date: 0, messageId: null, inReplyTo: null, references: [], deliveredTo: [], authResults: [] },
    invitations: [],
  };

  it('stores the body under its message', async () => {
    await cacheBody(db, key, body);
    expect(await db.bodies.get(key)).toMatchObject({ text: 'Hello' });
  });

  it('does not store a body for a message that is gone', async () => {
    await cacheBody(db, [accountA, 'INBOX', 42], { ...body, uid: 42 });
    expect(await db.bodies.count()).toBe(0);
  });
});
