/**
 * Every kind of event the encoder writes must pass Debian's reference parser, libkolabxml 1.2.1
 * via python3-kolabformat (issue #5 "Done means"), and that parser must read back what we meant:
 * the format is judged by code nobody on the project wrote.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseIcs } from '../../../src/main/services/calendar/ical/icsFile';
import { kolabEventXml } from '../../../src/main/services/calendar/kolabCodec';
import { parseMessage } from '../../../src/main/services/mail/parseMessage';
import type { AccountId } from '../../../src/shared/model';
import type { CalendarEvent, EventTime, JCalProperty, OccurrenceKey } from '../../../src/shared/model/calendar';
import { localDateTime, utcMillis } from '../../../src/shared/calendar/zoneTime';
import { samples } from '../../unit/main/services/calendar/eventSamples';

const python = '/usr/bin/python3';
const script = fileURLToPath(new URL('./readKolabEvent.py', import.meta.url));

interface When { date: string; time: string | null; utc: boolean; zone: string }
interface Parsed {
  error: number;
  errorOccurred: boolean;
  message: string;
  uid: string;
  summary: string;
  location: string;
  description: string;
  start: When;
  end: When;
  recurrenceId: When | null;
  recurrence: { frequency: string; interval: number; count: number; end: When | null; byday: [number, string][]; bymonthday: number[]; bymonth: number[] } | null;
  exdates: When[];
  alarms: { type: number; text: string; minutesAfterStart: number }[];
  custom: Record<string, string>;
  organizer: string;
  attendees: [string, string, boolean][];
  exceptions: Parsed[];
}

function readWithLibkolabxml(items: { name: string; xml: string }[]): Record<string, Parsed> {
  const probe = spawnSync(python, ['-c', 'import kolabformat'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `${python} cannot import kolabformat (${probe.error?.message ?? probe.stderr.trim()}). ` +
        'Install the reference parser with `node scripts/systemPackages.mjs` (it installs python3-kolabformat).',
    );
  }
  const run = spawnSync(python, [script], { input: JSON.stringify(items), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`readKolabEvent.py failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, Parsed>;
}

/** What libkolabxml should report for a model time. */
function expectedWhen(time: EventTime): When {
  if ('date' in time) return { date: time.date, time: null, utc: false, zone: '' };
  const utc = time.timeZone === 'UTC';
  return { date: time.dateTime.slice(0, 10), time: time.dateTime.slice(11), utc, zone: utc ? '' : time.timeZone };
}

function keyWhen(key: OccurrenceKey, start: EventTime): When {
  if ('date' in start) return expectedWhen({ date: key });
  return expectedWhen({ dateTime: key, timeZone: start.timeZone });
}

function expectedUntil(event: CalendarEvent): When | null {
  const until = event.recurrence?.until;
  if (!until) return null;
  if ('date' in until) return expectedWhen(until);
  // Written in UTC, as RFC 5545 §3.3.10 requires under a DTSTART with TZID.
  return expectedWhen({ dateTime: localDateTime(utcMillis(until.dateTime, until.timeZone), 'UTC'), timeZone: 'UTC' });
}

describe('libkolabxml reads every event the encoder writes', () => {
  let parsed: Record<string, Parsed> = {};
  beforeAll(() => {
    parsed = readWithLibkolabxml(Object.entries(samples).map(([name, event]) => ({ name, xml: kolabEventXml(event) })));
  });

  it('covers a varied set of events', () => {
    expect(Object.keys(samples).length).toBeGreaterThanOrEqual(15);
  });

  for (const [name, event] of Object.entries(samples)) {
    it(`${name}: valid, with the fields we wrote`, () => {
      const got = parsed[name];
      expect(got, `no answer for ${name}`).toBeDefined();
      if (!got) return;
      expect({ error: got.error, errorOccurred: got.errorOccurred, message: got.message }).toEqual({ error: 0, errorOccurred: false, message: '' });
      expect(got.uid).toBe(event.uid);
      expect(got.summary).toBe(event.summary);
      expect(got.location).toBe(event.location);
      expect(got.description).toBe(event.description);
      expect(got.start).toEqual(expectedWhen(event.start));
      expect(got.end).toEqual(expectedWhen(event.end));
      const rule = event.recurrence;
      if (!rule) expect(got.recurrence).toBeNull();
      else {
        expect(got.recurrence).toEqual({
          frequency: rule.freq,
          interval: rule.interval,
          count: rule.count ?? -1,
          end: expectedUntil(event),
          byday: rule.byDay.map((d) => [d.ordinal ?? 0, d.day]),
          bymonthday: rule.byMonthDay,
          bymonth: rule.byMonth,
        });
      }
      expect(got.exdates).toEqual([...event.exceptions.excluded].sort().map((k) => keyWhen(k, event.start)));
      expect(got.alarms).toEqual(
        event.alarms.map((a) => ({ type: 2 /* DisplayAlarm */, text: a.description ?? event.summary, minutesAfterStart: -a.minutesBefore || 0 })),
      );
      const overrides = Object.values(event.exceptions.overrides).sort((a, b) => a.recurrenceId.localeCompare(b.recurrenceId));
      expect(got.exceptions.map((e) => ({ summary: e.summary, recurrenceId: e.recurrenceId, start: e.start }))).toEqual(
        overrides.map((o) => ({ summary: o.summary, recurrenceId: keyWhen(o.recurrenceId, event.start), start: expectedWhen(o.start) })),
      );
      const address = (p: JCalProperty) => String(p[3]).replace(/^mailto:/, '');
      expect(got.organizer).toBe(event.extraProperties.filter((p) => p[0] === 'organizer').map(address)[0] ?? '');
      expect(got.attendees).toEqual(
        event.extraProperties.filter((p) => p[0] === 'attendee').map((p) => [address(p), p[1].cn ?? '', p[1].rsvp === 'TRUE']),
      );
      expect(got.custom['X-POSTVAK-CREATED-BY'] ?? null).toBe(event.createdBy);
      expect(got.custom['X-POSTVAK-MODIFIED-BY'] ?? null).toBe(event.lastModifiedBy);
    });
  }
});

describe('libkolabxml reads events that came from elsewhere once we store them', () => {
  it('an invitation from mail and an Outlook .ics, attendees and Windows zones included', async () => {
    const fixture = (name: string) => readFileSync(new URL(`../../fixtures/calendar/${name}`, import.meta.url));
    const mail = await parseMessage({ accountId: 'a' as AccountId, folderPath: 'INBOX', uid: 1 }, fixture('invitation-request.eml'));
    const events = [...(mail.invitations[0]?.events ?? []), ...parseIcs(fixture('outlook.ics').toString('utf8')).events];
    expect(events).toHaveLength(4);
    const parsed = readWithLibkolabxml(events.map((event) => ({ name: event.uid, xml: kolabEventXml(event) })));
    for (const event of events) {
      const got = parsed[event.uid];
      expect({ uid: event.uid, error: got?.error, message: got?.message }).toEqual({ uid: event.uid, error: 0, message: '' });
      expect(got?.summary).toBe(event.summary);
    }
    expect(parsed['kickoff-noordzee-2026@partner.example']?.attendees).toEqual([['info@example.test', 'info@example.test', true]]);
    expect(parsed['kickoff-noordzee-2026@partner.example']?.organizer).toBe('erik@partner.example');
  });
});
