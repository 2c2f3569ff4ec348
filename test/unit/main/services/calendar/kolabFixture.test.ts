/**
 * A Kolab event as Roundcube stores it (payload written by libkolabxml 1.2.1 itself, MIME with
 * quoted-printable and folded headers): a weekly series across the DST change of 29 March 2026
 * with one deleted occurrence, one moved occurrence and an alarm.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeKolabMessage, encodeKolabMessage } from '../../../../../src/main/services/calendar/kolabCodec';
import type { CalendarEvent } from '../../../../../src/shared/model/calendar';

const fixture = readFileSync(new URL('../../../../fixtures/calendar/kolab-event-with-exception.eml', import.meta.url));
const ams = (dateTime: string) => ({ dateTime, timeZone: 'Europe/Amsterdam' });
const created = Date.UTC(2026, 1, 20, 8, 12, 0);
const modified = Date.UTC(2026, 1, 27, 16, 40, 5);

const expected: CalendarEvent = {
  uid: '3c1f2e94-7a5b-4d21-9f1e-2b7c0d5e8a61',
  summary: 'Sales team weekly',
  location: 'Meeting room "De Haven"',
  description: 'Pipeline review & planning.\nBring the numbers.',
  start: ams('2026-03-03T09:30:00'),
  end: ams('2026-03-03T10:15:00'),
  allDay: false,
  alarms: [{ minutesBefore: 15, description: null }],
  sequence: 3,
  created,
  lastModified: modified,
  createdBy: 'dana@example.test',
  lastModifiedBy: null,
  extraProperties: [
    ['class', {}, 'text', 'PUBLIC'],
    ['categories', {}, 'text', 'Sales'],
    ['x-kolab-other', {}, 'text', 'keep'],
  ],
  recurrence: {
    freq: 'weekly', interval: 1, count: null,
    // UNTIL 2026-06-30T07:30:00Z is 09:30 summer time in Amsterdam.
    until: ams('2026-06-30T09:30:00'),
    byDay: [{ day: 'TU', ordinal: null }], byMonthDay: [], byMonth: [], bySetPos: [], weekStart: null,
  },
  exceptions: {
    excluded: ['2026-03-17T09:30:00'],
    overrides: {
      '2026-03-31T09:30:00': {
        recurrenceId: '2026-03-31T09:30:00',
        summary: 'Sales team weekly (with the new hire)',
        location: 'Meeting room "De Haven"',
        description: '',
        start: ams('2026-03-31T13:00:00'),
        end: ams('2026-03-31T14:00:00'),
        allDay: false,
        alarms: [{ minutesBefore: 60, description: 'Moved to the afternoon' }],
        sequence: 4,
        created,
        lastModified: modified,
        createdBy: null,
        lastModifiedBy: null,
        extraProperties: [['class', {}, 'text', 'PUBLIC']],
      },
    },
  },
};

describe('a Kolab event written by Roundcube/libkolabxml', () => {
  it('decodes with its exception, deleted occurrence, alarm and times', () => {
    expect(decodeKolabMessage(fixture)).toEqual(expected);
  });

  it('survives our own encode unchanged, unknown properties included', () => {
    const event = decodeKolabMessage(fixture);
    expect(decodeKolabMessage(encodeKolabMessage(event, { from: 'bob@example.test', now: modified }))).toEqual(event);
  });

  it('reads the same event from LF-only line ends and a base64 payload', () => {
    const lf = Buffer.from(fixture.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    expect(decodeKolabMessage(lf)).toEqual(expected);
    const text = fixture.toString('latin1');
    const bodyStart = text.indexOf('<?xml');
    const end = text.lastIndexOf('\r\n--=_');
    const xml = Buffer.from(text.slice(bodyStart, end).replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    const base64 = text.slice(0, bodyStart).replace(/(application\/calendar\+xml[\s\S]*?)quoted-printable|quoted-printable(\r\nContent-Type: application)/, '$1base64$2') +
      (xml.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n') + text.slice(end);
    expect(decodeKolabMessage(Buffer.from(base64, 'latin1'))).toEqual(expected);
  });
});
