import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseIcs, writeIcs } from '../../../../../src/main/services/calendar/ical/icsFile';
import type { CalendarEvent } from '../../../../../src/shared/model/calendar';
import { samples } from './eventSamples';

const all = Object.values(samples);

describe('.ics export and import', () => {
  it('gives back identical events for every kind the app writes', () => {
    const text = writeIcs(all);
    const back = parseIcs(text);
    expect(back.failed).toEqual([]);
    expect(back.method).toBeNull();
    expect(back.events).toEqual(all);
  });

  it('includes one VTIMEZONE per zone used, named by its IANA id', () => {
    const text = writeIcs(all);
    const zones = [...text.matchAll(/^BEGIN:VTIMEZONE\r\nTZID:(.*)$/gm)].map((m) => m[1]);
    expect(zones).toEqual(['America/New_York', 'Europe/Amsterdam']);
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Amsterdam:20260302T100000\r$/m);
  });

  it('imports 500 events, and their export reads back identically in ical.js and the import', () => {
    const source: CalendarEvent[] = Array.from({ length: 500 }, (_, i) => {
      const base = all[i % all.length]!;
      return { ...base, uid: `bulk-${i}@example.test`, summary: `${base.summary} #${i}` };
    });
    const file = writeIcs(source);
    const imported = parseIcs(file);
    expect(imported.failed).toEqual([]);
    expect(imported.events).toHaveLength(500);
    const exported = writeIcs(imported.events);
    expect(parseIcs(exported).events).toEqual(imported.events);
    expect(imported.events).toEqual(source);
    const viaIcal = new ICAL.Component(ICAL.parse(exported) as unknown[]);
    const uids = new Set(viaIcal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid')));
    expect(uids.size).toBe(500);
  });
});

const outlook = readFileSync(new URL('../../../../fixtures/calendar/outlook.ics', import.meta.url), 'utf8');

describe('.ics from Outlook', () => {
  const result = parseIcs(outlook);
  const byUid = (uid: string) => result.events.find((e) => e.uid === uid);

  it('maps Windows zone names to IANA zones', () => {
    const event = byUid('040000008200E00074C5B7101A82E00800000000');
    expect(event?.start).toEqual({ dateTime: '2026-04-14T14:00:00', timeZone: 'Europe/Berlin' });
    expect(event?.recurrence).toMatchObject({ freq: 'monthly', interval: 3, byDay: [{ day: 'TU', ordinal: 2 }] });
    expect(event?.exceptions.excluded).toEqual(['2026-07-14T14:00:00']);
    expect(event?.alarms).toEqual([{ minutesBefore: 15, description: 'Reminder' }]);
    expect(event?.extraProperties).toContainEqual(['x-microsoft-cdo-busystatus', {}, 'unknown', 'BUSY']);
    expect(result.method).toBe('PUBLISH');
  });

  it('uses X-LIC-LOCATION and Outlook display names, and DURATION for the end', () => {
    expect(byUid('ny-1')?.end).toEqual({ dateTime: '2026-04-15T09:45:00', timeZone: 'America/New_York' });
    expect(byUid('display-name-1')?.start).toEqual({ dateTime: '2026-04-16T09:00:00', timeZone: 'Europe/Amsterdam' });
  });

  it('reports an event with an unknown zone without losing the others', () => {
    expect(result.events).toHaveLength(3);
    expect(result.failed).toEqual([{ summary: 'Somewhere unknown', reason: 'Unknown time zone Nowhere Standard Time' }]);
  });

  it('keeps the other events of a file with a broken line', () => {
    const broken = outlook.replace('SUMMARY:Call New York\r\n', 'SUMMARY:Call New York\r\nTHIS LINE IS BROKEN\r\n');
    const partial = parseIcs(broken);
    expect(partial.events.map((e) => e.uid)).toContain('display-name-1');
    expect(partial.failed.map((f) => f.summary)).toContain('Call New York');
  });

  it('reads recurrence overrides into the master by UID', () => {
    const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:o-1\r\nRECURRENCE-ID:20260302T090000Z\r\nDTSTART:20260302T100000Z\r\nDTEND:20260302T110000Z\r\nSUMMARY:Moved\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:o-1\r\nDTSTART:20260223T090000Z\r\nDTEND:20260223T100000Z\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\nSUMMARY:Series\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const [event] = parseIcs(text).events;
    expect(event?.summary).toBe('Series');
    expect(Object.keys(event?.exceptions.overrides ?? {})).toEqual(['2026-03-02T09:00:00']);
    expect(event?.exceptions.overrides['2026-03-02T09:00:00']?.summary).toBe('Moved');
  });
});
