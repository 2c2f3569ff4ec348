/**
 * Issue #10 §6: a removed account leaves nothing in the window's cache — synced rows and the
 * person's own choices that name it (From memory, calendar settings, reminder states) — while
 * another account's stay.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeAccountData } from '../../../../src/renderer/db/accountData';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { allMessages, expectedCounts, storedCounts } from './cacheRows';
import { accountA, accountB, cursor, folder, foldersBatch, mailbox, message, messagesBatch } from './fixtures';

let db: PostvakDb;
let counter = 0;
beforeEach(async () => {
  db = new PostvakDb(`account-removal-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Every row of every table, as text: what a look through the cache would find. */
async function everything(): Promise<string> {
  const rows = await Promise.all(db.tables.map((table) => table.toArray()));
  // Page heads hold modseqs as BigInt64Array: written out as text like every other value.
  return JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

describe('removeAccountData', () => {
  it("deletes every row naming the account, keeps the other account's", async () => {
    for (const account of [accountA, accountB]) {
      await applySyncBatch(db, foldersBatch([folder('INBOX', account)], account, [mailbox(account)]));
      await applySyncBatch(db, messagesBatch('INBOX', { upserts: [message(1, { accountId: account })], cursor: cursor('INBOX') }, account));
      await db.fromMemory.bulkPut([
        { kind: 'conversation', key: `<thread-${account}@example.test>`, identityId: `${account}:own`, updatedAt: 1 },
        { kind: 'mailbox', key: `${account}:shared:info@example.test`, identityId: `${account}:alias:me@example.test`, updatedAt: 1 },
      ]);
      await db.calendarPrefs.put({ key: `${account}|Calendar`, visible: false, reminders: true });
      await db.reminderState.put({ id: `${account}|Calendar|event-1||0`, alarmAt: 1, dismissedAt: 2, snoozedUntil: null });
    }
    // Memory in another account's conversation that points at A's identity goes with A too.
    await db.fromMemory.put({ kind: 'mailbox', key: `${accountB}:own`, identityId: `${accountA}:own`, updatedAt: 1 });

    await removeAccountData(db, accountA);

    expect(await everything()).not.toContain(accountA);
    expect(await db.fromMemory.count()).toBe(2);
    expect(await db.calendarPrefs.get(`${accountB}|Calendar`)).toBeDefined();
    expect(await db.reminderState.count()).toBe(1);
    expect((await allMessages(db)).map((row) => [row.accountId, row.uid])).toEqual([[accountB, 1]]);
    // The counters lose A's share: All inboxes counts B's one unread message.
    expect(await storedCounts(db)).toEqual(await expectedCounts(db));
    expect(await db.counts.get('unified:inbox')).toMatchObject({ total: 1, unread: 1 });
  });
});
