import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../../src/main/services/mail/parseMessage';
import type { AccountId } from '../../../../../src/shared/model';

const ref = { accountId: 'acc-1' as AccountId, folderPath: 'INBOX', uid: 7 };
const fixture = readFileSync(new URL('../../../../fixtures/calendar/invitation-request.eml', import.meta.url));

describe('invitations in mail (METHOD:REQUEST)', () => {
  it('shows one invitation with the event, its organizer and its alarm', async () => {
    const body = await parseMessage(ref, fixture);
    expect(body.invitations).toHaveLength(1);
    const [invitation] = body.invitations;
    expect(invitation?.method).toBe('REQUEST');
    expect(invitation?.organizer).toBe('erik@partner.example');
    const [event] = invitation?.events ?? [];
    expect(event).toMatchObject({
      uid: 'kickoff-noordzee-2026@partner.example',
      summary: 'Kick-off project Noordzee – café',
      location: 'Havenkantoor, Kade 4, Den Helder',
      description: 'Agenda: kennismaking, planning en rollen.',
      start: { dateTime: '2026-04-16T10:00:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2026-04-16T11:30:00', timeZone: 'Europe/Amsterdam' },
      allDay: false,
      alarms: [{ minutesBefore: 30, description: 'This is an event reminder' }],
      recurrence: null,
    });
    expect(event?.extraProperties.map((p) => p[0])).toEqual(expect.arrayContaining(['organizer', 'attendee', 'status']));
    expect(body.html ?? body.text).toContain('You have been invited');
  });

  it('finds none in a plain .ics attachment without METHOD, nor in ordinary mail', async () => {
    const plain = fixture.toString('utf8').replace(/METHOD:REQUEST\r\n/g, '').replace(/; method=REQUEST/, '');
    expect((await parseMessage(ref, Buffer.from(plain))).invitations).toEqual([]);
    const ordinary = Buffer.from('From: a@example.test\r\nSubject: hi\r\n\r\nHello\r\n');
    expect((await parseMessage(ref, ordinary)).invitations).toEqual([]);
  });

  it('shows nothing rather than failing for a broken calendar part', async () => {
    const broken = fixture.toString('utf8').replace(/BEGIN:VEVENT[\s\S]*?END:VEVENT/g, 'BEGIN:VEVENT\r\nDTSTART:garbage\r\nEND:VEVENT');
    const body = await parseMessage(ref, Buffer.from(broken));
    expect(body.invitations).toEqual([]);
    expect(body.html ?? body.text).toContain('You have been invited');
  });
});
