import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeAccountData } from '../../../../src/renderer/db/accountData';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import {
  calendarKeyOf,
  canWriteCalendar,
  loadCalendars,
  loadEventByUid,
  loadEventsIn,
  setCalendarPrefs,
} from '../../../../src/renderer/db/queries/calendar';
import {
  dismissReminder,
  loadReminderState,
  noteFirstReminderCheck,
  pruneReminderState,
  setLastReminderCheck,
  snoozeReminder,
} from '../../../../src/renderer/db/queries/reminderState';
import { getMessage } from '../../../../src/renderer/db/pages/messageRows';
import { PostvakDb } from '../../../../src/renderer/db/schema';
import { calendarEvent, storedEvent } from '../../shared/calendar/eventFixtures';
import { accountA, accountB, cursor, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from './fixtures';

let db: PostvakDb;
let counter = 0;

beforeEach(async () => {
  db = new PostvakDb(`calendar-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const info = sharedMailbox('info', accountA, { displayName: 'Info desk' });
const infoCalendar = 'shared/info@example.test/Calendar';
const own = calendarKeyOf(accountA, 'Calendar');
const shared = calendarKeyOf(accountA, infoCalendar);

async function seed(): Promise<void> {
  await applySyncBatch(
    db,
    foldersBatch(
      [
        folder('INBOX'),
        folder('Calendar', accountA, { role: 'calendar' }),
        folder(infoCalendar, accountA, { role: 'calendar', mailboxId: info.id, rights: 'lrs' }),
      ],
      accountA,
      [mailbox(), info],
    ),
  );
}

/** One message + its event, as the engine sends a calendar folder's rows. */
function eventBatch(path: string, uids: number[], extra = {}) {
  return messagesBatch(path, {
    upserts: uids.map((uid) => message(uid, { folderPath: path, subject: `event-${uid}` })),
    events: uids.map((uid) => storedEvent(calendarEvent({ uid: `event-${uid}`, summary: `Event ${uid}` }), { imapUid: uid, folderPath: path })),
    ...extra,
  });
}

async function summaries(key: string): Promise<string[]> {
  return (await loadEventsIn(db, [key])).map((row) => row.event?.summary ?? `#${row.imapUid}`);
}

describe('events in sync batches', () => {
  it('stores the events with their messages and removes them with expunged UIDs', async () => {
    await seed();
    await applySyncBatch(db, eventBatch('Calendar', [1, 2, 3], { cursor: cursor('Calendar') }));
    expect(await summaries(own)).toEqual(['Event 1', 'Event 2', 'Event 3']);
    await applySyncBatch(db, messagesBatch('Calendar', { removedUids: [2] }));
    expect(await summaries(own)).toEqual(['Event 1', 'Event 3']);
    expect(await getMessage(db, [accountA, 'Calendar', 2])).toBeUndefined();
  });

  it('keeps an unreadable event as a row with its error, and the batch folder wins over the row', async () => {
    await seed();
    await applySyncBatch(
      db,
      messagesBatch('Calendar', { upserts: [message(4, { folderPath: 'Calendar' })], events: [storedEvent(null, { imapUid: 4, folderPath: 'Elsewhere' })] }),
    );
    const rows = await loadEventsIn(db, [own]);
    expect(rows).toMatchObject([{ imapUid: 4, folderPath: 'Calendar', event: null, error: 'unreadable payload' }]);
    expect(await loadEventByUid(db, own, 'event-4')).toEqual([]);
  });

  it('finds an event by its UID within a folder, highest IMAP UID first (duplicates converge)', async () => {
    await seed();
    await applySyncBatch(
      db,
      messagesBatch('Calendar', {
        upserts: [message(5, { folderPath: 'Calendar' }), message(9, { folderPath: 'Calendar' })],
        events: [5, 9].map((uid) => storedEvent(calendarEvent({ uid: 'same' }), { imapUid: uid })),
      }),
    );
    await applySyncBatch(db, eventBatch(infoCalendar, [9]));
    expect((await loadEventByUid(db, own, 'same')).map((row) => row.imapUid)).toEqual([9, 5]);
    expect(await loadEventByUid(db, shared, 'same')).toEqual([]);
  });

  it('a UIDVALIDITY reset drops the old events before the new ones land', async () => {
    await seed();
    await applySyncBatch(db, eventBatch('Calendar', [1, 2], { cursor: cursor('Calendar') }));
    await applySyncBatch(db, eventBatch('Calendar', [7], { reset: true, cursor: cursor('Calendar', { uidValidity: 2 }) }));
    expect(await summaries(own)).toEqual(['Event 7']);
  });

  it('a vanished calendar folder (revoked grant) loses its events; the other calendars keep theirs', async () => {
    await seed();
    await applySyncBatch(db, eventBatch('Calendar', [1]));
    await applySyncBatch(db, eventBatch(infoCalendar, [1, 2]));
    await applySyncBatch(db, foldersBatch([folder('INBOX'), folder('Calendar', accountA, { role: 'calendar' })], accountA, [mailbox()]));
    expect(await loadEventsIn(db, [shared])).toEqual([]);
    expect(await summaries(own)).toEqual(['Event 1']);
  });

  it('the present-UID sweep drops events the server no longer lists, not those above uidNext', async () => {
    await seed();
    await applySyncBatch(db, eventBatch('Calendar', [1, 2, 3, 150]));
    await applySyncBatch(db, messagesBatch('Calendar', { presentUids: '2', cursor: cursor('Calendar', { uidNext: 100 }) }));
    expect(await summaries(own)).toEqual(['Event 2', 'Event 150']);
  });

  it('a batch that fails halfway writes no event', async () => {
    await seed();
    const failing = eventBatch('Calendar', [1], { upserts: [message(Number.NaN, { folderPath: 'Calendar' })] });
    await expect(applySyncBatch(db, failing)).rejects.toThrow();
    expect(await loadEventsIn(db, [own])).toEqual([]);
  });

  it('removing the account removes its events and its calendars’ choices, not another account’s (issue #10 §6)', async () => {
    await seed();
    await applySyncBatch(db, eventBatch('Calendar', [1]));
    await setCalendarPrefs(db, own, { reminders: false });
    await setCalendarPrefs(db, calendarKeyOf(accountB, 'Calendar'), { visible: false });
    await removeAccountData(db, accountA);
    expect(await db.events.count()).toBe(0);
    expect(await db.calendarPrefs.get(own)).toBeUndefined();
    expect(await db.calendarPrefs.get(calendarKeyOf(accountB, 'Calendar'))).toMatchObject({ visible: false });
  });
});

describe('calendars', () => {
  it('joins calendar folders with their mailbox: name, colour, kind, write rights, prefs with defaults', async () => {
    await seed();
    await setCalendarPrefs(db, shared, { visible: false });
    const calendars = await loadCalendars(db);
    expect(calendars.map((c) => [c.key, c.name, c.kind, c.canWrite, c.prefs.visible, c.prefs.reminders])).toEqual([
      [own, 'acc-a@example.test', 'own', true, true, true],
      [shared, 'Info desk', 'shared', false, false, true],
    ]);
    expect(calendars[1]).toMatchObject({ address: 'info@example.test', mailboxId: info.id, rights: 'lrs', folderPath: infoCalendar });
    expect(calendars[0]?.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('a mailbox several accounts reach gives its calendar once, through the account it is used through (issue #10 §7)', async () => {
    const imap = { host: 'mail.example.test', port: 993 };
    const accounts = [accountA, accountB].map((id) => ({ id, email: `${id}@example.test`, imap }));
    const viaB = sharedMailbox('info', accountB, { via: accountA, hidden: true });
    const unmarkedB = sharedMailbox('info', accountB);
    const calendarOfB = folder(infoCalendar, accountB, { role: 'calendar', mailboxId: viaB.id, rights: 'lrswipkxtea' });
    await seed();
    // bob's rows as main marks them: reached through alice, so his calendar is not there.
    await applySyncBatch(db, foldersBatch([folder('INBOX', accountB)], accountB, [mailbox(accountB), viaB]));
    expect((await loadCalendars(db, accounts)).map((c) => c.key)).toEqual([own, shared]);
    // Rows cached before main chose: both unmarked, one calendar all the same (alice, added first).
    await applySyncBatch(db, foldersBatch([folder('INBOX', accountB), calendarOfB], accountB, [mailbox(accountB), unmarkedB]));
    expect((await loadCalendars(db, accounts)).filter((c) => c.address === 'info@example.test').map((c) => c.key)).toEqual([shared]);
  });

  it('sync never clears the person’s choices', async () => {
    await seed();
    await setCalendarPrefs(db, own, { visible: false });
    await setCalendarPrefs(db, own, { reminders: false });
    await applySyncBatch(db, eventBatch('Calendar', [1], { reset: true }));
    await seed();
    expect((await loadCalendars(db))[0]?.prefs).toEqual({ visible: false, reminders: false });
  });

  it('writing needs insert, delete and expunge (RFC 4314); own folders may always', () => {
    expect(canWriteCalendar(null)).toBe(true);
    expect(canWriteCalendar('lrswipkxtea')).toBe(true);
    expect(canWriteCalendar('lrswi')).toBe(false);
    expect(canWriteCalendar('lrste')).toBe(false);
    expect(canWriteCalendar('lrsited')).toBe(true);
  });
});

describe('reminder state', () => {
  it('keeps dismissals, snoozes and the last check apart, and prunes old rows', async () => {
    expect(await loadReminderState(db)).toEqual({ alarms: {}, lastCheckedAt: null });
    await dismissReminder(db, 'a', 1000, 1500);
    await snoozeReminder(db, 'b', 2000, 9000);
    await setLastReminderCheck(db, 3000);
    const state = await loadReminderState(db);
    expect(state.lastCheckedAt).toBe(3000);
    expect(state.alarms).toEqual({
      a: { id: 'a', alarmAt: 1000, dismissedAt: 1500, snoozedUntil: null },
      b: { id: 'b', alarmAt: 2000, dismissedAt: null, snoozedUntil: 9000 },
    });
    await pruneReminderState(db, 5000);
    expect(Object.keys((await loadReminderState(db)).alarms)).toEqual(['b']);
    expect((await loadReminderState(db)).lastCheckedAt).toBe(3000);
  });

  it('notes the first start of a profile as its last check, and never moves a check that was made', async () => {
    await noteFirstReminderCheck(db, 1000);
    expect((await loadReminderState(db)).lastCheckedAt).toBe(1000);
    await noteFirstReminderCheck(db, 9000);
    expect((await loadReminderState(db)).lastCheckedAt).toBe(1000);
    await setLastReminderCheck(db, 5000);
    await noteFirstReminderCheck(db, 9000);
    expect((await loadReminderState(db)).lastCheckedAt).toBe(5000);
  });
});

describe('schema version 4 upgrade', () => {
  it('adds the calendar tables to a version 3 cache and keeps the From memory', async () => {
    const name = `upgrade-v4-${++counter}`;
    const { Dexie } = await import('dexie');
    const old = new Dexie(name);
    old.version(3).stores({
      folders: '[accountId+path]',
      messages:
        '[accountId+folderPath+uid], [accountId+folderPath+date], [accountId+folderPath+unread], messageId, [unifiedRole+date], [unifiedRole+unread]',
      cursors: '[accountId+path]',
      bodies: '[accountId+folderPath+uid]',
      mailboxes: 'id, accountId',
      fromMemory: '[kind+key]',
    });
    await old.table('fromMemory').put({ kind: 'mailbox', key: 'acc-a:own', identityId: 'id-1', updatedAt: 1 });
    old.close();
    const upgraded = new PostvakDb(name);
    await upgraded.open();
    expect(await upgraded.fromMemory.count()).toBe(1);
    await applySyncBatch(upgraded, messagesBatch('Calendar', { upserts: [message(1, { folderPath: 'Calendar' })], events: [storedEvent(calendarEvent())] }));
    expect(await loadEventByUid(upgraded, own, 'event-1')).toHaveLength(1);
    await upgraded.delete();
  });
});
