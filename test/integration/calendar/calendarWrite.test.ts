/**
 * Writing events against the real stack (issue #5 §4–5, §7): save and delete with
 * compare-and-swap between two members, rights, .ics import of 500 events and export.
 */
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../src/main/services/calendar/ical/icsFile';
import type { StoredEvent } from '../../../src/shared/model/calendar';
import { doveadm, useMailStack } from '../services/mailStack';
import { withImap } from '../services/serverView';
import { appointment, cachedEvent, INFO_CALENDAR, serverEvents, useMembers, type Member } from './calendarHelpers';

const fixture = useMailStack();
const member = useMembers(fixture);

const version = (s: StoredEvent) => ({ imapUid: s.imapUid, modseq: s.modseq });
const onServer = (uid: string) => withImap(fixture.stack, 'carol', async (imap) => (await serverEvents(imap, INFO_CALENDAR)).filter((m) => m.subject === uid));

/** Waits until the member's cache holds the event with `check` true. */
async function seen(m: Member, uid: string, check: (s: StoredEvent) => boolean = () => true): Promise<StoredEvent> {
  await m.client.until(() => {
    const s = cachedEvent(m.client, INFO_CALENDAR, uid);
    return s !== undefined && check(s);
  }, `${uid} in the cache`);
  return cachedEvent(m.client, INFO_CALENDAR, uid)!;
}

describe('save and delete with compare-and-swap', () => {
  it('a new event is stamped by main: who created it and when', async () => {
    const alice = await member('alice');
    const before = Date.now();
    const result = await alice.client.call('calendar.save', { accountId: alice.account.id, folderPath: INFO_CALENDAR, event: appointment('new-1@example.test', 'Keukenmontage'), base: null });
    expect(result).toMatchObject({ status: 'saved', imapUid: expect.any(Number) });
    const [stored] = await onServer('new-1@example.test');
    expect(stored?.event).toMatchObject({ summary: 'Keukenmontage', createdBy: 'alice@example.test', lastModifiedBy: 'alice@example.test', sequence: 0 });
    expect(stored!.event!.created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('alice and bob both change version V: alice wins, bob gets her version and saves against it; one message remains', async () => {
    const alice = await member('alice');
    const bob = await member('bob');
    const v = await seen(alice, 'seed-jansen@example.test');
    const vBob = await seen(bob, 'seed-jansen@example.test');
    expect(version(vBob)).toEqual(version(v));

    const first = await alice.client.call('calendar.save', { accountId: alice.account.id, folderPath: INFO_CALENDAR, event: { ...v.event!, summary: 'Offerte Jansen (definitief)' }, base: version(v) });
    expect(first).toMatchObject({ status: 'saved' });
    const second = await bob.client.call('calendar.save', { accountId: bob.account.id, folderPath: INFO_CALENDAR, event: { ...vBob.event!, location: 'Bij de klant' }, base: version(vBob) });
    expect(second.status).toBe('conflict');
    const current = second.status === 'conflict' ? second.current : null;
    expect(current?.event).toMatchObject({ summary: 'Offerte Jansen (definitief)', location: 'Dorpsstraat 12, Utrecht', lastModifiedBy: 'alice@example.test' });

    const third = await bob.client.call('calendar.save', { accountId: bob.account.id, folderPath: INFO_CALENDAR, event: { ...current!.event!, location: 'Bij de klant' }, base: version(current!) });
    expect(third).toMatchObject({ status: 'saved' });
    const messages = await onServer('seed-jansen@example.test');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.event).toMatchObject({ summary: 'Offerte Jansen (definitief)', location: 'Bij de klant', lastModifiedBy: 'bob@example.test', sequence: 2 });
    // Alice's cache follows: one event, bob's version.
    await seen(alice, 'seed-jansen@example.test', (s) => s.event?.location === 'Bij de klant');
  });

  it('a flag change since the person opened the event is no conflict: messages are immutable, the event did not change', async () => {
    const alice = await member('alice');
    const v = await seen(alice, 'seed-weekoverleg@example.test');
    await withImap(fixture.stack, 'bob', async (imap) => {
      const lock = await imap.getMailboxLock(INFO_CALENDAR);
      try {
        await imap.messageFlagsAdd(String(v.imapUid), ['\\Flagged'], { uid: true });
      } finally {
        lock.release();
      }
    });
    const result = await alice.client.call('calendar.save', { accountId: alice.account.id, folderPath: INFO_CALENDAR, event: { ...v.event!, location: 'Keet' }, base: version(v) });
    expect(result).toMatchObject({ status: 'saved' });
    expect((await onServer('seed-weekoverleg@example.test')).map((m) => m.event?.location)).toEqual(['Keet']);
  });

  it('delete: a stale version is a conflict with the current one, the current version deletes', async () => {
    const alice = await member('alice');
    const bob = await member('bob');
    const v = await seen(bob, 'seed-beurs@example.test');
    await alice.client.call('calendar.save', { accountId: alice.account.id, folderPath: INFO_CALENDAR, event: { ...v.event!, description: 'Stand 12' }, base: version(v) });
    // Without the event UID a vanished base names no event: the conflict has no current version.
    expect(await bob.client.call('calendar.delete', { accountId: bob.account.id, folderPath: INFO_CALENDAR, base: version(v) })).toEqual({ status: 'conflict', current: null });
    const stale = await bob.client.call('calendar.delete', { accountId: bob.account.id, folderPath: INFO_CALENDAR, base: version(v), eventUid: 'seed-beurs@example.test' });
    expect(stale.status).toBe('conflict');
    const current = stale.status === 'conflict' ? stale.current : null;
    expect(current?.event?.description).toBe('Stand 12');
    expect(await onServer('seed-beurs@example.test')).toHaveLength(1);

    expect(await bob.client.call('calendar.delete', { accountId: bob.account.id, folderPath: INFO_CALENDAR, base: version(current!) })).toEqual({ status: 'saved', imapUid: null });
    expect(await onServer('seed-beurs@example.test')).toHaveLength(0);
    await alice.client.until(() => cachedEvent(alice.client, INFO_CALENDAR, 'seed-beurs@example.test') === undefined, 'alice’s cache to drop the event');
    // Deleting what is gone already: a conflict whose current version is null.
    const again = await alice.client.call('calendar.delete', { accountId: alice.account.id, folderPath: INFO_CALENDAR, base: version(current!), eventUid: 'seed-beurs@example.test' });
    expect(again).toEqual({ status: 'conflict', current: null });
  });

  it('carol (read-only) can neither save nor delete, and nothing changes on the server', async () => {
    const carol = await member('carol');
    const v = await seen(carol, 'seed-jansen@example.test');
    await expect(carol.client.call('calendar.save', { accountId: carol.account.id, folderPath: INFO_CALENDAR, event: { ...v.event!, summary: 'Mine' }, base: version(v) })).rejects.toMatchObject({
      code: 'calendarReadOnly',
      message: expect.stringContaining('info@example.test'),
    });
    await expect(carol.client.call('calendar.save', { accountId: carol.account.id, folderPath: INFO_CALENDAR, event: appointment('carol-1@example.test', 'Mine'), base: null })).rejects.toMatchObject({ code: 'calendarReadOnly' });
    await expect(carol.client.call('calendar.delete', { accountId: carol.account.id, folderPath: INFO_CALENDAR, base: version(v) })).rejects.toMatchObject({ code: 'calendarReadOnly' });
    await expect(carol.client.call('calendar.import', { accountId: carol.account.id, folderPath: INFO_CALENDAR, ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' })).rejects.toMatchObject({ code: 'calendarReadOnly' });
    expect((await onServer('seed-jansen@example.test')).map((m) => m.event?.summary)).toEqual(['Offerte Jansen bespreken']);
    expect(await onServer('carol-1@example.test')).toEqual([]);
  });
});

/** 500 events: timed in Amsterdam, all-day, UTC, weekly with an exception date; one UID clashes with a seeded event. */
function icsWith500(): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Import//EN'];
  for (let i = 0; i < 500; i++) {
    const day = `2027${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const uid = i === 7 ? 'seed-jansen@example.test' : `import-${i}@example.test`;
    lines.push('BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261201T100000Z', `SUMMARY:Afspraak ${i}`);
    if (i % 4 === 0) lines.push(`DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${day.slice(0, 6)}${String(2 + (i % 28)).padStart(2, '0')}`);
    else if (i % 4 === 1) lines.push(`DTSTART:${day}T080000Z`, `DTEND:${day}T090000Z`, `LOCATION:Werf ${i}`);
    else lines.push(`DTSTART;TZID=Europe/Amsterdam:${day}T100000`, `DTEND;TZID=Europe/Amsterdam:${day}T113000`);
    if (i % 10 === 2) lines.push('RRULE:FREQ=WEEKLY;COUNT=5', `EXDATE;TZID=Europe/Amsterdam:${day}T100000`.replace(day, day));
    if (i % 5 === 0) lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Herinnering', 'TRIGGER:-PT15M', 'END:VALARM');
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

describe('.ics import and export', () => {
  it('500 events import (a clashing UID gets a new one) and export back to the same events', async () => {
    const alice = await member('alice');
    const ics = icsWith500();
    const source = parseIcs(ics);
    expect(source.events).toHaveLength(500);
    const result = await alice.client.call('calendar.import', { accountId: alice.account.id, folderPath: INFO_CALENDAR, ics });
    expect(result).toEqual({ imported: 500, failed: [] });
    // The seeded event with the clashing UID is untouched; the imported one lives under a new UID.
    expect((await onServer('seed-jansen@example.test')).map((m) => m.event?.summary)).toEqual(['Offerte Jansen bespreken']);

    const exported = await alice.client.call('calendar.export', { accountId: alice.account.id, folderPath: INFO_CALENDAR });
    expect(exported.filename).toMatch(/\.ics$/);
    const back = parseIcs(exported.ics).events;
    expect(back).toHaveLength(503);
    const comparable = (e: (typeof back)[number]) => JSON.stringify([e.summary, e.location, e.start, e.end, e.allDay, e.recurrence, e.exceptions.excluded, e.alarms]);
    const bySummary = new Map(back.map((e) => [e.summary, comparable(e)]));
    for (const e of source.events) expect(bySummary.get(e.summary), e.summary).toBe(comparable(e));
    const renamed = back.find((e) => e.summary === 'Afspraak 7')!;
    expect(renamed.uid).not.toBe('seed-jansen@example.test');

    const one = await alice.client.call('calendar.export', { accountId: alice.account.id, folderPath: INFO_CALENDAR, eventUid: 'import-3@example.test' });
    expect(parseIcs(one.ics).events.map((e) => e.summary)).toEqual(['Afspraak 3']);
    expect(one.filename).toBe('Afspraak 3.ics');
  });

  it('a file that is not iCalendar is refused, and so is writing events into a mail folder', async () => {
    const alice = await member('alice');
    // A folder typed as mail (RFC 5464 folder-type, as Kolab clients set it) takes no events.
    await doveadm(fixture.stack, 'mailbox', 'metadata', 'set', '-u', 'alice@example.test', 'Archive', '/shared/vendor/kolab/folder-type', 'mail');
    await expect(alice.client.call('calendar.save', { accountId: alice.account.id, folderPath: 'Archive', event: appointment('x@example.test', 'X'), base: null })).rejects.toMatchObject({ code: 'invalidInput' });
    await expect(alice.client.call('calendar.import', { accountId: alice.account.id, folderPath: 'Archive', ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' })).rejects.toMatchObject({ code: 'invalidInput' });
    await expect(alice.client.call('calendar.import', { accountId: alice.account.id, folderPath: INFO_CALENDAR, ics: 'Hello, this is a letter.' })).rejects.toMatchObject({ code: 'invalidIcsFile' });
  });
});
