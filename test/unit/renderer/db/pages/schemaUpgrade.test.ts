/**
 * Issue #11 §5: a version 4 cache (one row per message) opens at version 5 (pages). The person's
 * own data — From memory, calendar choices, reminder state — is kept; the synced summaries go
 * with the messages table, and the cursors are emptied so the next sync.start reports none and
 * the cache heals with a full sync.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { readCursors } from '../../../../../src/renderer/db/accountData';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { loadFromMemory } from '../../../../../src/renderer/db/queries/fromMemory';
import { loadReminderState } from '../../../../../src/renderer/db/queries/reminderState';
import { folderCounts } from '../../../../../src/renderer/db/queries/counts';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import { storedEvent, calendarEvent } from '../../../shared/calendar/eventFixtures';
import { allMessages } from '../cacheRows';
import { accountA, cursor, folder, foldersBatch, mailbox, message, messagesBatch } from '../fixtures';

/** The stores of schema version 4, as published (schema.ts versions 1–4 folded into one). */
const version4 = {
  folders: '[accountId+path]',
  messages:
    '[accountId+folderPath+uid], [accountId+folderPath+date], [accountId+folderPath+unread], messageId, [unifiedRole+date], [unifiedRole+unread]',
  cursors: '[accountId+path]',
  bodies: '[accountId+folderPath+uid]',
  mailboxes: 'id, accountId',
  fromMemory: '[kind+key]',
  events: '[accountId+folderPath+imapUid], [accountId+folderPath+event.uid]',
  calendarPrefs: 'key',
  reminderState: 'id',
};

describe('schema version 5 upgrade', () => {
  it("keeps the person's own data, drops the messages and empties the cursors so sync starts over", async () => {
    const name = 'upgrade-v4';
    const old = new Dexie(name);
    old.version(4).stores(version4);
    await old.open();
    await old.table('folders').bulkPut([folder('INBOX'), folder('Calendar', accountA, { role: 'calendar' })]);
    await old.table('mailboxes').put(mailbox());
    await old.table('messages').bulkPut([1, 2, 3].map((uid) => ({ ...message(uid), unread: 1, flagged: 0, unifiedRole: 'inbox' })));
    await old.table('cursors').bulkPut([{ ...cursor('INBOX'), accountId: accountA }]);
    await old.table('bodies').put({ accountId: accountA, folderPath: 'INBOX', uid: 1, text: 'Hello', fetchedAt: 1 });
    await old.table('events').put(storedEvent(calendarEvent({ uid: 'event-1' }), { imapUid: 1, folderPath: 'Calendar' }));
    const memory = [
      { kind: 'conversation', key: '<root@example.test>', identityId: `${accountA}:own`, updatedAt: 1 },
      { kind: 'mailbox', key: `${accountA}:shared:info@example.test`, identityId: `${accountA}:alias:me@example.test`, updatedAt: 2 },
    ];
    await old.table('fromMemory').bulkPut(memory);
    const prefs = { key: `${accountA}|Calendar`, visible: false, reminders: false };
    await old.table('calendarPrefs').put(prefs);
    const reminder = { id: `${accountA}|Calendar|event-1||0`, alarmAt: 5, dismissedAt: 6, snoozedUntil: null };
    await old.table('reminderState').bulkPut([reminder, { id: '#lastCheck', checkedAt: 7 }]);
    old.close();

    const db = new PostvakDb(name);
    await db.open();
    // Version 6 (issue #13) only adds an index and a table, so the v5 upgrade is what shows here.
    expect(db.verno).toBe(6);
    expect([...db.backendDB().objectStoreNames]).not.toContain('messages');
    // Own data, untouched.
    expect(await loadFromMemory(db)).toEqual({
      conversations: { '<root@example.test>': `${accountA}:own` },
      mailboxes: { [`${accountA}:shared:info@example.test`]: `${accountA}:alias:me@example.test` },
    });
    expect(await db.calendarPrefs.toArray()).toEqual([prefs]);
    expect(await loadReminderState(db)).toEqual({ alarms: { [reminder.id]: reminder }, lastCheckedAt: 7 });
    // Synced data: the folder list stays until the next folders batch; everything hanging off
    // messages goes, and no cursor is left, so sync.start asks for a full sync.
    expect(await readCursors(db, accountA)).toEqual([]);
    expect(await db.bodies.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect(await allMessages(db)).toEqual([]);
    expect((await db.folders.toArray()).map((row) => row.path).sort()).toEqual(['Calendar', 'INBOX']);

    // The full sync that follows fills the new store.
    await applySyncBatch(db, foldersBatch([folder('INBOX')]));
    await applySyncBatch(db, messagesBatch('INBOX', { upserts: [1, 2, 3].map((uid) => message(uid)), cursor: cursor('INBOX') }));
    expect((await allMessages(db)).map((row) => row.uid)).toEqual([1, 2, 3]);
    expect(await folderCounts(db, accountA, 'INBOX')).toEqual({ total: 3, unread: 3 });
    expect(await readCursors(db, accountA)).toHaveLength(1);
    await db.delete();
  });
});

/** The stores of schema version 5, as published (version 4's, with pages in place of messages). */
const version5 = {
  ...version4,
  messages: null,
  heads: '[accountId+folderPath+startUid], [accountId+folderPath+rev]',
  pages: '[accountId+folderPath+startUid]',
  tombstones: '[accountId+folderPath+startUid], [accountId+folderPath+rev]',
  counts: 'id',
  indexSnapshots: '[accountId+folderPath]',
};

describe('schema version 6 upgrade (issue #13)', () => {
  it('keeps the cache and its bodies, which the search feeder then finds by when they were stored', async () => {
    const name = 'upgrade-v5';
    const old = new Dexie(name);
    old.version(5).stores(version5);
    await old.open();
    await old.table('folders').put(folder('INBOX'));
    await old.table('cursors').put({ ...cursor('INBOX'), accountId: accountA });
    await old.table('bodies').bulkPut([
      { accountId: accountA, folderPath: 'INBOX', uid: 1, text: 'Hello', fetchedAt: 10 },
      { accountId: accountA, folderPath: 'INBOX', uid: 2, text: 'Again', fetchedAt: 20 },
    ]);
    old.close();

    const db = new PostvakDb(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await readCursors(db, accountA)).toHaveLength(1);
    expect((await db.bodies.where('fetchedAt').above(15).toArray()).map((row) => row.uid)).toEqual([2]);
    expect(await db.savedSearches.count()).toBe(0);
    await db.delete();
  });
});
