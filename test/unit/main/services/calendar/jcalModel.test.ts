import { describe, expect, it } from 'vitest';
import { eventToJcal, jcalToEvent, type JCalComponent } from '../../../../../src/main/services/calendar/jcalModel';
import type { JCalProperty } from '../../../../../src/shared/model/calendar';

const ams = (dateTime: string) => ({ dateTime, timeZone: 'Europe/Amsterdam' });

function vevent(props: JCalProperty[], alarms: JCalComponent[] = []): JCalComponent {
  return ['vevent', [['uid', {}, 'text', 'u-1'], ...props], alarms];
}
const start10: JCalProperty = ['dtstart', { tzid: 'Europe/Amsterdam' }, 'date-time', '2026-03-23T10:00:00'];
const weekly: JCalProperty = ['rrule', {}, 'recur', { freq: 'WEEKLY' }];

describe('EXDATE and RECURRENCE-ID become occurrence keys in the master zone', () => {
  it('converts UTC and other-zone values, merges properties, sorts and de-duplicates', () => {
    const event = jcalToEvent([
      vevent([
        start10, weekly,
        // 30 March is after the DST change: 08:00Z is 10:00 in Amsterdam.
        ['exdate', {}, 'date-time', '2026-03-30T08:00:00Z'],
        ['exdate', { tzid: 'America/New_York' }, 'date-time', '2026-04-06T04:00:00', '2026-03-23T05:00:00'],
        ['exdate', {}, 'date', '2026-04-13'],
        ['exdate', { tzid: '/kolab.org/Europe/Amsterdam' }, 'date-time', '2026-03-30T10:00:00'],
      ]),
      vevent([['recurrence-id', {}, 'date-time', '2026-04-20T08:00:00Z'], ['dtstart', {}, 'date-time', '2026-04-20T12:00:00Z'], ['summary', {}, 'text', 'Moved']]),
    ]);
    expect(event.exceptions.excluded).toEqual(['2026-03-23T10:00:00', '2026-03-30T10:00:00', '2026-04-06T10:00:00', '2026-04-13T10:00:00']);
    expect(Object.keys(event.exceptions.overrides)).toEqual(['2026-04-20T10:00:00']);
    expect(event.exceptions.overrides['2026-04-20T10:00:00']?.start).toEqual({ dateTime: '2026-04-20T12:00:00', timeZone: 'UTC' });
  });

  it('keys all-day series by date', () => {
    const event = jcalToEvent([vevent([['dtstart', {}, 'date', '2026-03-06'], weekly, ['exdate', {}, 'date-time', '2026-03-13T00:00:00']])]);
    expect(event.exceptions.excluded).toEqual(['2026-03-13']);
    expect(event.end).toEqual({ date: '2026-03-07' });
    expect(event.allDay).toBe(true);
  });
});

describe('times', () => {
  it('DURATION gives the end: days on the wall clock across DST, hours exactly', () => {
    const days = jcalToEvent([vevent([['dtstart', { tzid: 'Europe/Amsterdam' }, 'date-time', '2026-03-28T10:00:00'], ['duration', {}, 'duration', 'P1D']])]);
    expect(days.end).toEqual(ams('2026-03-29T10:00:00'));
    const hours = jcalToEvent([vevent([['dtstart', { tzid: 'Europe/Amsterdam' }, 'date-time', '2026-03-28T22:00:00'], ['duration', {}, 'duration', 'PT24H']])]);
    expect(hours.end).toEqual(ams('2026-03-29T23:00:00'));
  });

  it('a timed event without DTEND or DURATION ends when it starts; floating times take the given zone', () => {
    const event = jcalToEvent([vevent([['dtstart', {}, 'date-time', '2026-05-01T09:00:00']])], { floatingZone: 'Europe/Amsterdam' });
    expect(event.start).toEqual(ams('2026-05-01T09:00:00'));
    expect(event.end).toEqual(event.start);
  });

  it('refuses an unknown zone rather than guessing', () => {
    expect(() => jcalToEvent([vevent([['dtstart', { tzid: 'Mars/Olympus' }, 'date-time', '2026-05-01T09:00:00']])])).toThrow(/Unknown time zone/);
  });

  it('writes CREATED and DTSTAMP in UTC, whole seconds', () => {
    const [master] = eventToJcal({ ...jcalToEvent([vevent([start10])]), created: 1_767_225_600_999, lastModified: 1_767_225_601_500 });
    expect(master?.[1].find((p) => p[0] === 'created')?.[3]).toBe('2026-01-01T00:00:00Z');
    expect(master?.[1].find((p) => p[0] === 'dtstamp')?.[3]).toBe('2026-01-01T00:00:01Z');
  });
});

describe('alarms', () => {
  const alarm = (trigger: JCalProperty): JCalComponent => ['valarm', [['action', {}, 'text', 'DISPLAY'], trigger], []];
  it('turns END-related and absolute triggers into minutes before the start', () => {
    const event = jcalToEvent([
      vevent(
        [start10, ['dtend', { tzid: 'Europe/Amsterdam' }, 'date-time', '2026-03-23T11:00:00']],
        [
          alarm(['trigger', { related: 'END' }, 'duration', '-PT15M']),
          alarm(['trigger', {}, 'date-time', '2026-03-23T08:30:00Z']),
          alarm(['trigger', {}, 'duration', '-P1DT2H']),
        ],
      ),
    ]);
    expect(event.alarms).toEqual([
      { minutesBefore: -45, description: null },
      { minutesBefore: 30, description: null },
      { minutesBefore: 1560, description: null },
    ]);
  });
});

describe('recurrence rules', () => {
  it('reads BYDAY ordinals, BYSETPOS, UNTIL in UTC and WKST', () => {
    const event = jcalToEvent([
      vevent([start10, ['rrule', {}, 'recur', { freq: 'MONTHLY', interval: 2, byday: ['-1FR', '+2MO'], bysetpos: [1], until: '2026-12-31T09:00:00Z', wkst: 'SU' }]]),
    ]);
    expect(event.recurrence).toEqual({
      freq: 'monthly', interval: 2, count: null, until: ams('2026-12-31T10:00:00'),
      byDay: [{ day: 'FR', ordinal: -1 }, { day: 'MO', ordinal: 2 }], byMonthDay: [], byMonth: [], bySetPos: [1], weekStart: 'SU',
    });
  });

  it('keeps a rule the model cannot describe verbatim instead of dropping it', () => {
    const rule: JCalProperty = ['rrule', {}, 'recur', { freq: 'YEARLY', byweekno: [20], byday: ['MO'] }];
    const event = jcalToEvent([vevent([start10, rule])]);
    expect(event.recurrence).toBeNull();
    expect(event.extraProperties).toContainEqual(rule);
    expect(eventToJcal(event)[0]?.[1]).toContainEqual(rule);
  });
});
