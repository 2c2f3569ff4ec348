/**
 * Issue #12 §4: the conversation index threads a folder with its mailbox's Sent folder from the
 * cached pages, follows the cache as it changes, and gives the list its Collapse and the actions
 * whole conversations (in the list's folder only).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { PageDigests } from '../../../../../src/renderer/db/index/PageDigests';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { acquireConversations, closeConversations } from '../../../../../src/renderer/features/conversations/conversations';
import type { ConversationIndex } from '../../../../../src/renderer/features/conversations/ConversationIndex';
import { conversationCollapse, expandToConversations } from '../../../../../src/renderer/features/conversations/threadCollapse';
import { accountA, folder, foldersBatch, message, messagesBatch } from '../../db/fixtures';

let db: PostvakDb;
let counter = 0;

beforeEach(async () => {
  db = new PostvakDb(`conversations-${++counter}`);
  await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Sent', accountA, { role: 'sent' }), folder('Other')]));
});
afterEach(async () => {
  closeConversations(db);
  await db.delete();
});

/** Resolves once `index` has recomputed and `check` holds (no fixed waits). */
function until(index: ConversationIndex, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = index.subscribe(() => {
      if (!check()) return;
      stop();
      resolve();
    });
  });
}

const customer = message(1, { messageId: '<q@customer.test>', subject: 'Question', date: 1_000 });
const answer = message(7, { folderPath: 'Sent', messageId: '<a@example.test>', inReplyTo: '<q@customer.test>', references: ['<q@customer.test>'], date: 2_000 });
const stranger = message(2, { messageId: '<other@x.test>', subject: 'Unrelated', date: 1_500 });

describe('ConversationIndex', () => {
  it('threads the Inbox with the Sent answer to it, oldest first, and leaves strangers alone', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [customer, stranger] }));
    await applySyncBatch(db, messagesBatch('Sent', { upserts: [answer] }));
    const lease = acquireConversations(accountA, 'INBOX', db);
    const index = await lease.index;
    await index.ready;
    expect(index.folderPaths).toEqual(['INBOX', 'Sent']);
    expect(index.members('INBOX', 1).map((m) => m.key)).toEqual([
      [accountA, 'INBOX', 1],
      [accountA, 'Sent', 7],
    ]);
    const conversation = index.key('INBOX', 1);
    expect(conversation).toBeDefined();
    expect(index.size(conversation!)).toBe(2);
    expect(index.key('INBOX', 2)).toBeUndefined();
    lease.release();
  });

  it('follows the cache: a reply arriving later joins, a removed one leaves', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [customer] }));
    const lease = acquireConversations(accountA, 'INBOX', db);
    const index = await lease.index;
    await index.ready;
    expect(index.key('INBOX', 1)).toBeUndefined();

    // An old page without References (cached before issue #12) still threads by In-Reply-To.
    const followUp = message(3, { messageId: '<f@customer.test>', inReplyTo: '<q@customer.test>', date: 3_000 });
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [followUp] }));
    await until(index, () => index.members('INBOX', 1).length === 2);
    await applySyncBatch(db, messagesBatch('Sent', { upserts: [answer] }));
    await until(index, () => index.members('INBOX', 1).length === 3);
    expect(index.members('INBOX', 3).map((m) => m.key[2])).toEqual([1, 7, 3]);

    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: [3] }));
    await until(index, () => index.members('INBOX', 1).length === 2);
    expect(index.size(index.key('INBOX', 1)!)).toBe(2);
    lease.release();
  });

  it('a Collapse groups by conversation and tells its listeners when it changes', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [customer, stranger] }));
    const collapse = conversationCollapse({ kind: 'folder', accountId: accountA, folderPath: 'INBOX' }, db);
    let told = 0;
    const stop = collapse.subscribe(() => told++);
    await collapse.ready;
    const before = told;
    await applySyncBatch(db, messagesBatch('Sent', { upserts: [answer] }));
    await new Promise<void>((resolve) => {
      const check = collapse.subscribe(() => {
        if (collapse.key(accountA, 'INBOX', 1) === undefined) return;
        check();
        resolve();
      });
    });
    expect(told).toBeGreaterThan(before);
    const key = collapse.key(accountA, 'INBOX', 1)!;
    expect(collapse.size(key)).toBe(2);
    expect(collapse.key(accountA, 'Sent', 7)).toBe(key);
    expect(collapse.key(accountA, 'INBOX', 2)).toBeUndefined();
    expect(collapse.key('another-account', 'INBOX', 1)).toBeUndefined();
    stop();
  });

  it('expands a selection to whole conversations in the list folder, leaving the Sent copies alone', async () => {
    const second = message(4, { messageId: '<q2@customer.test>', references: ['<q@customer.test>', '<a@example.test>'], date: 4_000 });
    const other = message(9, { folderPath: 'Other', messageId: '<o@x.test>' });
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [customer, stranger, second] }));
    await applySyncBatch(db, messagesBatch('Sent', { upserts: [answer] }));
    await applySyncBatch(db, messagesBatch('Other', { upserts: [other] }));
    const expanded = await expandToConversations(
      [
        [accountA, 'INBOX', 4],
        [accountA, 'Other', 9],
      ],
      db,
    );
    expect(expanded).toEqual([
      [accountA, 'INBOX', 4],
      [accountA, 'INBOX', 1],
      [accountA, 'Other', 9],
    ]);
  });
});

describe('PageDigests (the bound on huge folders)', () => {
  it('reads only the newest pages up to its cap, and keeps following new mail', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: Array.from({ length: 1_000 }, (_, i) => message(i + 1)) }));
    const digests = new PageDigests(db, accountA, 'INBOX', (head) => [...head.uids], 150);
    await digests.whenCurrent();
    const kept = () => [...digests.pages.values()].flat();
    expect(kept()).toContain(1_000);
    expect(kept()).not.toContain(1);
    expect(kept().length).toBeGreaterThanOrEqual(150);
    expect(kept().length).toBeLessThan(1_000);
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1_001)] }));
    await digests.whenCurrent();
    expect(kept()).toContain(1_001);
    expect(kept()).not.toContain(1);
    digests.dispose();
  });
});

describe('ConversationIndex with a Sent copy of a folder message', () => {
  it('counts and lists the message once, as the folder’s', async () => {
    const alsoToInfo = message(8, { messageId: '<a@example.test>', inReplyTo: '<q@customer.test>', references: ['<q@customer.test>'], date: 2_000 });
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [customer, alsoToInfo] }));
    await applySyncBatch(db, messagesBatch('Sent', { upserts: [answer] }));
    const lease = acquireConversations(accountA, 'INBOX', db);
    const index = await lease.index;
    await index.ready;
    expect(index.members('INBOX', 1).map((m) => m.key)).toEqual([
      [accountA, 'INBOX', 1],
      [accountA, 'INBOX', 8],
    ]);
    expect(index.size(index.key('INBOX', 1)!)).toBe(2);
    expect(index.key('Sent', 7)).toBeUndefined();
    lease.release();
  });
});

describe('ConversationIndex of the Sent folder', () => {
  it('threads the answers with the Inbox they answered', async () => {
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [customer, stranger] }));
    await applySyncBatch(db, messagesBatch('Sent', { upserts: [answer] }));
    const lease = acquireConversations(accountA, 'Sent', db);
    const index = await lease.index;
    await index.ready;
    expect(index.folderPaths).toEqual(['Sent', 'INBOX']);
    expect(index.members('Sent', 7).map((m) => m.key)).toEqual([
      [accountA, 'INBOX', 1],
      [accountA, 'Sent', 7],
    ]);
    lease.release();
    // Actions on a conversation in Sent stay in Sent.
    expect(await expandToConversations([[accountA, 'Sent', 7]], db)).toEqual([[accountA, 'Sent', 7]]);
  });
});
