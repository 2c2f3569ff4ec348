/**
 * What the calendar integration tests share: sign-in of a member on their own services (their
 * own engine and connections, like a second person's app), the events a client's cache would
 * hold by the batch rules of src/shared/api.ts, and a server-side look at a calendar folder.
 */
import type { ImapFlow } from 'imapflow';
import { afterEach } from 'vitest';
import type { Account } from '../../../src/shared/model';
import type { CalendarEvent, StoredEvent } from '../../../src/shared/model/calendar';
import { decodeKolabMessage } from '../../../src/main/services/calendar/kolabCodec';
import { TestClient } from '../services/testClient';
import { servicesFor, settingsFor, type MailStack, type ServicesUnderTest, type StackFixture, type User } from '../services/mailStack';

export const INFO_CALENDAR = 'shared/info@example.test/Calendar';

export interface Member {
  client: TestClient;
  account: Account;
  sut: ServicesUnderTest;
}

/** A member signed in on services of their own, synced once. */
export async function signIn(stack: MailStack, user: User, tuning: Parameters<typeof servicesFor>[1] = {}): Promise<Member> {
  const sut = servicesFor(stack, { pollMs: 2_000, discoveryMs: 10_000, ...tuning });
  const client = new TestClient(sut.services);
  const account = await client.call('accounts.add', { settings: settingsFor(stack, user), password: stack.users[user].password, rememberPassword: false });
  await client.call('sync.start', { accountId: account.id, cursors: [] });
  await client.untilSynced(account.id, 60_000);
  return { client, account, sut };
}

/**
 * The events the client's cache holds for `path`: the latest `events` entry per IMAP UID whose
 * message row is still cached (expunges, resets and sweeps drop the row and with it the event).
 */
export function cachedEvents(client: TestClient, path: string): StoredEvent[] {
  const byUid = new Map<number, StoredEvent>();
  for (const batch of client.batches) {
    if (batch.kind !== 'messages' || batch.folderPath !== path) continue;
    if (batch.reset) byUid.clear();
    for (const e of batch.events ?? []) byUid.set(e.imapUid, e);
  }
  const rows = client.messages.get(path);
  return [...byUid.values()].filter((e) => rows?.has(e.imapUid)).sort((a, b) => a.imapUid - b.imapUid);
}

/** The cached event with this event UID (the highest IMAP UID, as the renderer shows it). */
export function cachedEvent(client: TestClient, path: string, eventUid: string): StoredEvent | undefined {
  return cachedEvents(client, path).filter((e) => e.event?.uid === eventUid).at(-1);
}

/** Every message in the folder as the server holds it: uid, Subject, \Deleted, decoded event (or null). */
export async function serverEvents(imap: ImapFlow, path: string): Promise<{ uid: number; subject: string; event: CalendarEvent | null }[]> {
  const lock = await imap.getMailboxLock(path, { readOnly: true });
  try {
    if (!imap.mailbox || imap.mailbox.exists === 0) return [];
    const out: { uid: number; subject: string; event: CalendarEvent | null }[] = [];
    for await (const msg of imap.fetch('1:*', { uid: true, envelope: true, source: true, flags: true })) {
      if (msg.flags?.has('\\Deleted')) continue;
      let event: CalendarEvent | null = null;
      try {
        event = msg.source ? decodeKolabMessage(msg.source) : null;
      } catch {
        event = null;
      }
      out.push({ uid: msg.uid, subject: msg.envelope?.subject ?? '', event });
    }
    return out;
  } finally {
    lock.release();
  }
}

/** A plain one-hour appointment in Amsterdam time. */
export function appointment(uid: string, summary: string, date = '2026-12-09', hour = 10): CalendarEvent {
  const at = (h: number) => ({ dateTime: `${date}T${String(h).padStart(2, '0')}:00:00`, timeZone: 'Europe/Amsterdam' });
  return {
    uid,
    summary,
    location: '',
    description: '',
    start: at(hour),
    end: at(hour + 1),
    allDay: false,
    alarms: [{ minutesBefore: 15, description: null }],
    sequence: 0,
    created: 0,
    lastModified: 0,
    createdBy: null,
    lastModifiedBy: null,
    extraProperties: [],
    recurrence: null,
    exceptions: { excluded: [], overrides: {} },
  };
}

/** Members signed in during a test on services of their own, all signed out after it. */
export function useMembers(fixture: StackFixture): (user: 'alice' | 'bob' | 'carol') => Promise<Member> {
  const members: Member[] = [];
  afterEach(async () => {
    await Promise.all(members.splice(0).map((m) => m.sut.cleanup()));
  });
  return async (user) => {
    const m = await signIn(fixture.stack, user);
    members.push(m);
    return m;
  };
}
