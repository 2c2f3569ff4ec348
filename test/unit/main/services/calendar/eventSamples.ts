/**
 * A varied set of events, every kind the encoder writes: used by the codec round trips and by
 * the reference-parser test (test/integration/calendar/kolabformat.test.ts).
 */
import type { CalendarEvent, EventOverride, Recurrence } from '../../../../../src/shared/model/calendar';

const t0 = Date.UTC(2026, 0, 5, 9, 30, 0);

export function sampleEvent(uid: string, patch: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid,
    summary: 'Team meeting',
    location: 'Room 2',
    description: 'Agenda:\n1. Post\n2. Calendar',
    start: { dateTime: '2026-03-02T10:00:00', timeZone: 'Europe/Amsterdam' },
    end: { dateTime: '2026-03-02T11:00:00', timeZone: 'Europe/Amsterdam' },
    allDay: false,
    alarms: [],
    sequence: 0,
    created: t0,
    lastModified: t0 + 60_000,
    createdBy: 'alice@example.test',
    lastModifiedBy: 'bob@example.test',
    extraProperties: [],
    recurrence: null,
    exceptions: { excluded: [], overrides: {} },
    ...patch,
  };
}

export function rule(patch: Partial<Recurrence>): Recurrence {
  return { freq: 'weekly', interval: 1, count: null, until: null, byDay: [], byMonthDay: [], byMonth: [], bySetPos: [], weekStart: null, ...patch };
}

function override(recurrenceId: string, patch: Partial<EventOverride>): EventOverride {
  const { uid: _uid, recurrence: _r, exceptions: _e, ...fields } = sampleEvent('x');
  return { ...fields, recurrenceId, ...patch };
}

const ams = (dateTime: string) => ({ dateTime, timeZone: 'Europe/Amsterdam' });

/** Name → event; every one must survive encode → decode unchanged and pass libkolabxml. */
export const samples: Record<string, CalendarEvent> = {
  timedZoned: sampleEvent('timed-zoned-1'),
  timedUtc: sampleEvent('timed-utc-1', {
    start: { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' },
    end: { dateTime: '2026-03-02T09:45:00', timeZone: 'UTC' },
  }),
  otherZone: sampleEvent('new-york-1', {
    start: { dateTime: '2026-11-01T01:30:00', timeZone: 'America/New_York' },
    end: { dateTime: '2026-11-01T03:00:00', timeZone: 'America/New_York' },
  }),
  allDay: sampleEvent('all-day-1', { start: { date: '2026-04-27' }, end: { date: '2026-04-28' }, allDay: true, location: '', description: '' }),
  allDayMulti: sampleEvent('all-day-multi-1', { start: { date: '2026-07-20' }, end: { date: '2026-08-01' }, allDay: true, createdBy: null, lastModifiedBy: null }),
  dailyCount: sampleEvent('daily-count-1', { recurrence: rule({ freq: 'daily', count: 10 }) }),
  dailyInterval: sampleEvent('daily-interval-1', { recurrence: rule({ freq: 'daily', interval: 3, until: ams('2026-06-30T10:00:00') }) }),
  weeklyDays: sampleEvent('weekly-days-1', {
    recurrence: rule({ freq: 'weekly', interval: 2, byDay: [{ day: 'MO', ordinal: null }, { day: 'WE', ordinal: null }, { day: 'FR', ordinal: null }], weekStart: 'SU' }),
  }),
  monthlyOrdinal: sampleEvent('monthly-ordinal-1', {
    start: ams('2026-03-10T14:00:00'), end: ams('2026-03-10T15:00:00'),
    recurrence: rule({ freq: 'monthly', byDay: [{ day: 'TU', ordinal: 2 }], count: 12 }),
  }),
  monthlyLastWorkday: sampleEvent('monthly-setpos-1', {
    start: ams('2026-03-31T16:00:00'), end: ams('2026-03-31T17:00:00'),
    recurrence: rule({
      freq: 'monthly',
      byDay: (['MO', 'TU', 'WE', 'TH', 'FR'] as const).map((day) => ({ day, ordinal: null })),
      bySetPos: [-1],
    }),
  }),
  monthlyDay: sampleEvent('monthly-day-1', { recurrence: rule({ freq: 'monthly', byMonthDay: [2, -1] }) }),
  yearly: sampleEvent('yearly-1', {
    start: { date: '2026-05-05' }, end: { date: '2026-05-06' }, allDay: true,
    recurrence: rule({ freq: 'yearly', byMonth: [5], byMonthDay: [5], until: { date: '2036-05-05' } }),
  }),
  yearlyLastSunday: sampleEvent('yearly-ordinal-1', {
    start: ams('2026-03-29T12:00:00'), end: ams('2026-03-29T13:00:00'),
    recurrence: rule({ freq: 'yearly', byMonth: [3], byDay: [{ day: 'SU', ordinal: -1 }] }),
  }),
  exceptions: sampleEvent('weekly-exceptions-1', {
    summary: 'Weekly stand-up',
    alarms: [{ minutesBefore: 15, description: null }],
    recurrence: rule({ freq: 'weekly', byDay: [{ day: 'MO', ordinal: null }] }),
    exceptions: {
      // Across the DST change of 29 March 2026 (Europe/Amsterdam).
      excluded: ['2026-03-16T10:00:00', '2026-03-30T10:00:00'],
      overrides: {
        '2026-03-23T10:00:00': override('2026-03-23T10:00:00', {
          summary: 'Weekly stand-up (moved)',
          start: ams('2026-03-24T11:00:00'), end: ams('2026-03-24T12:00:00'),
          alarms: [{ minutesBefore: 30, description: 'Moved: check the room' }],
          sequence: 2,
          lastModifiedBy: 'carol@example.test',
        }),
      },
    },
  }),
  allDayExceptions: sampleEvent('all-day-exceptions-1', {
    start: { date: '2026-03-06' }, end: { date: '2026-03-07' }, allDay: true,
    recurrence: rule({ freq: 'weekly', count: 8 }),
    exceptions: {
      excluded: ['2026-03-13'],
      overrides: { '2026-03-20': override('2026-03-20', { start: { date: '2026-03-21' }, end: { date: '2026-03-22' }, allDay: true, summary: 'Moved day' }) },
    },
  }),
  alarms: sampleEvent('alarms-1', {
    alarms: [
      { minutesBefore: 0, description: null },
      { minutesBefore: 10, description: 'Ten minutes' },
      { minutesBefore: 120, description: null },
      { minutesBefore: 2880, description: 'Two days' },
      { minutesBefore: -5, description: 'After the start' },
    ],
  }),
  untitled: sampleEvent('untitled-1', { summary: '', location: '', description: '', alarms: [{ minutesBefore: 15, description: null }] }),
  text: sampleEvent('text-1', {
    summary: 'Overleg <klant> & "partner" — café ☕ 🗓️',
    location: "Straße 1, 's-Hertogenbosch ]]> </location>",
    description: 'Regel 1\nRegel 2 with <b>tags</b> & entities &amp;\n\tIndented; commas, semicolons; backslash \\',
    createdBy: 'jörg@example.test',
  }),
  meeting: sampleEvent('meeting-1', {
    extraProperties: [
      ['organizer', { cn: 'Erik Jansen' }, 'cal-address', 'mailto:erik@partner.example'],
      ['attendee', { cn: 'Info Desk', cutype: 'INDIVIDUAL', partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT', rsvp: 'TRUE' }, 'cal-address', 'mailto:info@example.test'],
      ['attendee', { cn: 'Zoë Ümit', partstat: 'ACCEPTED', 'delegated-from': 'mailto:erik@partner.example' }, 'cal-address', 'mailto:zoe@example.test'],
    ],
  }),
  extras: sampleEvent('extras-1', {
    extraProperties: [
      // In the XSD's order: Kolab writes properties in that order whatever order they came in.
      ['class', {}, 'text', 'PRIVATE'],
      ['categories', {}, 'text', 'Work', 'Customer'],
      ['priority', {}, 'integer', 5],
      ['status', {}, 'text', 'CONFIRMED'],
      ['url', {}, 'uri', 'https://example.test/meeting'],
      ['x-other-client', {}, 'text', 'keep me'],
    ],
  }),
};
