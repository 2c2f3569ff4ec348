/**
 * Calendar folders against the real stack (issue #5 §1–2, §5): discovery by METADATA and by
 * name, calendar.ensure for own and shared mailboxes per rights, events decoded in sync batches,
 * a change by one member reaching another's engine by IDLE, duplicates converging.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { getMetadata } from '../../../src/main/services/imap/ext/metadata';
import { encodeKolabMessage } from '../../../src/main/services/calendar/kolabCodec';
import { doveadm, useMailStack } from '../services/mailStack';
import { withImap } from '../services/serverView';
import { appointment, cachedEvent, cachedEvents, INFO_CALENDAR, serverEvents, useMembers, type Member } from './calendarHelpers';

const fixture = useMailStack();
const member = useMembers(fixture);
const FOLDER_TYPES = ['/shared/vendor/kolab/folder-type', '/private/vendor/kolab/folder-type'];
const FIXTURE = 'test/fixtures/calendar/kolab-event-with-exception.eml';

describe('discovery', () => {
  it('finds info@’s calendar for alice, bob and carol (read-only), sales@’s only for bob, and hides other groupware folders', async () => {
    await doveadm(fixture.stack, 'mailbox', 'create', '-u', 'alice@example.test', 'Contacts');
    await doveadm(fixture.stack, 'mailbox', 'metadata', 'set', '-u', 'alice@example.test', 'Contacts', '/shared/vendor/kolab/folder-type', 'contact');
    const alice = await member('alice');
    const bob = await member('bob');
    const carol = await member('carol');
    for (const m of [alice, bob, carol]) expect(m.client.folders.get(INFO_CALENDAR)).toMatchObject({ role: 'calendar', selectable: true, mailboxId: `${m.account.id}:shared:info@example.test` });
    expect(alice.client.folders.get(INFO_CALENDAR)?.rights).toContain('i');
    expect(carol.client.folders.get(INFO_CALENDAR)?.rights).toBe('lr');
    expect(bob.client.folders.get('shared/sales@example.test/Calendar')?.role).toBe('calendar');
    expect([...alice.client.folders.keys()].some((p) => p.startsWith('shared/sales@example.test'))).toBe(false);
    expect(alice.client.folders.has('Contacts')).toBe(false);
    // The seeded appointments (written like another Kolab client would) arrive decoded.
    const summaries = cachedEvents(carol.client, INFO_CALENDAR).map((e) => e.event?.summary).sort();
    expect(summaries).toEqual(['Offerte Jansen bespreken', 'Vakbeurs Bouw', 'Weekoverleg']);
    expect(cachedEvent(alice.client, INFO_CALENDAR, 'seed-weekoverleg@example.test')?.event).toMatchObject({ recurrence: { freq: 'weekly' }, alarms: [{ minutesBefore: 15 }] });
    // Reading events never marks them read for anyone (BODY.PEEK[]).
    const seen = await withImap(fixture.stack, 'alice', async (imap) => {
      const lock = await imap.getMailboxLock(INFO_CALENDAR, { readOnly: true });
      try {
        return (await imap.search({ seen: true }, { uid: true })) || [];
      } finally {
        lock.release();
      }
    });
    expect(seen).toEqual([]);
  });

  it('a folder named Agenda without any type is a calendar, and then no other own calendar is created', async () => {
    await doveadm(fixture.stack, 'mailbox', 'create', '-u', 'bob@example.test', 'Agenda');
    const bob = await member('bob');
    expect(bob.client.folders.get('Agenda')?.role).toBe('calendar');
    expect(bob.client.folders.has('Calendar')).toBe(false);
    expect(await bob.client.call('calendar.ensure', { accountId: bob.account.id, mailboxId: `${bob.account.id}:own` })).toEqual({ folderPath: 'Agenda' });
  });
});

describe('calendar.ensure', () => {
  it('every person has an own calendar when the first sync is done, typed event.default (private) and event (shared)', async () => {
    const alice = await member('alice');
    expect(alice.client.folders.get('Calendar')).toMatchObject({ role: 'calendar', mailboxId: `${alice.account.id}:own` });
    expect(await alice.client.call('calendar.ensure', { accountId: alice.account.id, mailboxId: `${alice.account.id}:own` })).toEqual({ folderPath: 'Calendar' });
    const types = await withImap(fixture.stack, 'alice', async (imap) => (await getMetadata(imap, 'Calendar', FOLDER_TYPES)).values.get('Calendar'));
    expect(types?.get('/private/vendor/kolab/folder-type')).toBe('event.default');
    expect(types?.get('/shared/vendor/kolab/folder-type')).toBe('event');
  });

  it('a shared mailbox without a calendar: refused for carol (read-only), created under INBOX by alice and seen by bob and carol', async () => {
    await doveadm(fixture.stack, 'mailbox', 'delete', '-u', 'info@example.test', 'Calendar');
    const carol = await member('carol');
    const info = `${carol.account.id}:shared:info@example.test`;
    await expect(carol.client.call('calendar.ensure', { accountId: carol.account.id, mailboxId: info })).rejects.toMatchObject({
      code: 'calendarNotAllowed',
      message: expect.stringContaining('info@example.test'),
    });
    const alice = await member('alice');
    const created = await alice.client.call('calendar.ensure', { accountId: alice.account.id, mailboxId: `${alice.account.id}:shared:info@example.test` });
    expect(created).toEqual({ folderPath: 'shared/info@example.test/INBOX/Calendar' });
    await alice.client.until(() => alice.client.folders.get(created.folderPath)?.role === 'calendar', 'alice to list the new calendar');
    const types = await withImap(fixture.stack, 'bob', async (imap) => (await getMetadata(imap, created.folderPath, FOLDER_TYPES)).values.get(created.folderPath));
    expect(types?.get('/shared/vendor/kolab/folder-type')).toBe('event');
    expect(types?.get('/private/vendor/kolab/folder-type') ?? null).toBeNull();
    const bob = await member('bob');
    expect(bob.client.folders.get(created.folderPath)).toMatchObject({ role: 'calendar' });
    // It inherited the INBOX's grants (Dovecot copies the parent's ACL on CREATE): carol reads it.
    await carol.client.until(() => carol.client.folders.get(created.folderPath)?.rights === 'lr', 'carol to see the new calendar read-only', 30_000);
  });

  it('alice and bob creating info@’s calendar at the same moment get the same one folder', async () => {
    await doveadm(fixture.stack, 'mailbox', 'delete', '-u', 'info@example.test', 'Calendar');
    const [alice, bob] = await Promise.all([member('alice'), member('bob')]);
    const ensure = (m: Member) => m.client.call('calendar.ensure', { accountId: m.account.id, mailboxId: `${m.account.id}:shared:info@example.test` });
    // Twice each, at once: this process's second call joins its first, the other member's CREATE meets [ALREADYEXISTS].
    const results = await Promise.all([ensure(alice), ensure(bob), ensure(alice), ensure(bob)]);
    expect(new Set(results.map((r) => r.folderPath)).size).toBe(1);
    const calendars = (await doveadm(fixture.stack, 'mailbox', 'list', '-u', 'info@example.test')).split('\n').filter((line) => /Calendar/.test(line));
    expect(calendars).toHaveLength(1);
  });
});

describe('sync of calendar folders', () => {
  it('an event saved by alice reaches bob’s separate engine by IDLE', async () => {
    const alice = await member('alice');
    const bob = await member('bob');
    // How soon: `npm run bench -- --only calendar` (change-to-visible between two members).
    const result = await alice.client.call('calendar.save', { accountId: alice.account.id, folderPath: INFO_CALENDAR, event: appointment('latency-1@example.test', 'Bouwoverleg'), base: null });
    expect(result).toMatchObject({ status: 'saved' });
    await bob.client.until(() => cachedEvent(bob.client, INFO_CALENDAR, 'latency-1@example.test') !== undefined, 'bob to receive the event');
    expect(cachedEvent(bob.client, INFO_CALENDAR, 'latency-1@example.test')?.event).toMatchObject({ summary: 'Bouwoverleg', createdBy: 'alice@example.test', lastModifiedBy: 'alice@example.test' });
  });

  it.skipIf(!existsSync(FIXTURE))('a Kolab event written by another client syncs with its exception and alarm', async () => {
    const alice = await member('alice');
    const raw = readFileSync(FIXTURE);
    await withImap(fixture.stack, 'bob', (imap) => imap.append(INFO_CALENDAR, raw, []));
    const subject = /^Subject:\s*(.+)$/im.exec(raw.toString('utf8'))![1]!.trim();
    await alice.client.until(() => cachedEvent(alice.client, INFO_CALENDAR, subject) !== undefined, 'the fixture event to sync');
    const event = cachedEvent(alice.client, INFO_CALENDAR, subject)!.event!;
    expect(event.recurrence).not.toBeNull();
    expect(event.alarms.length).toBeGreaterThan(0);
    expect(Object.keys(event.exceptions.overrides).length + event.exceptions.excluded.length).toBeGreaterThan(0);
  });

  it('duplicates converge: the highest UID wins, the older copy is expunged by a member who may', async () => {
    const carol = await member('carol');
    const first = appointment('dup-1@example.test', 'Old title');
    const second = { ...first, summary: 'New title', sequence: 1 };
    await withImap(fixture.stack, 'bob', async (imap) => {
      await imap.append(INFO_CALENDAR, encodeKolabMessage(first, { from: 'bob@example.test', now: Date.now() }), []);
      await imap.append(INFO_CALENDAR, encodeKolabMessage(second, { from: 'bob@example.test', now: Date.now() }), []);
    });
    // Carol may not expunge: her cache may hold both, and the highest UID is the one shown.
    await carol.client.until(() => cachedEvent(carol.client, INFO_CALENDAR, 'dup-1@example.test')?.event?.summary === 'New title', 'carol to get the newer copy');
    // Alice's first pass sees both at once: she is sent the winner only, and removes the other.
    const alice = await member('alice');
    expect(cachedEvents(alice.client, INFO_CALENDAR).filter((e) => e.event?.uid === 'dup-1@example.test').map((e) => e.event?.summary)).toEqual(['New title']);
    const onServer = await withImap(fixture.stack, 'bob', (imap) => serverEvents(imap, INFO_CALENDAR));
    expect(onServer.filter((m) => m.subject === 'dup-1@example.test').map((m) => m.event?.summary)).toEqual(['New title']);
    await carol.client.until(() => cachedEvents(carol.client, INFO_CALENDAR).filter((e) => e.event?.uid === 'dup-1@example.test').length === 1, 'carol’s cache to drop the expunged copy');
  });
});
