import { describe, expect, it } from 'vitest';
import { seriesKeys } from '../../../../src/renderer/calendar/ical/recurrence';
import { expandOccurrences, type Occurrence } from '../../../../src/renderer/calendar/occurrences';
import { localDateTime } from '../../../../src/shared/calendar/zoneTime';
import type { CalendarEvent, Recurrence } from '../../../../src/shared/model/calendar';
import { calendarEvent, override, recurrence, storedEvent } from '../../shared/calendar/eventFixtures';

const ams = 'Europe/Amsterdam';
const utc = (iso: string) => Date.parse(`${iso}Z`);
const range = (from: string, to: string) => ({ start: utc(from), end: utc(to) });
const local = (o: Occurrence, zone = ams) => localDateTime(o.start, zone);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function timed(date: string, time = '10:00:00', extra: Partial<CalendarEvent> = {}, hours = 1): CalendarEvent {
  const end = `${date}T${String(+time.slice(0, 2) + hours).padStart(2, '0')}${time.slice(2)}`;
  return calendarEvent({ start: { dateTime: `${date}T${time}`, timeZone: ams }, end: { dateTime: end, timeZone: ams }, ...extra });
}
function series(date: string, rule: Partial<Recurrence>, extra: Partial<CalendarEvent> = {}): CalendarEvent {
  return timed(date, '10:00:00', { recurrence: recurrence(rule), ...extra });
}
function expand(events: CalendarEvent[], from: string, to: string, zone = ams): Occurrence[] {
  return expandOccurrences(events.map((event, i) => storedEvent(event, { imapUid: i + 1 })), range(from, to), zone);
}

describe('weekly series across the DST changes of Europe/Amsterdam', () => {
  it('keeps 10:00 local when summer time starts (last Sunday of March): the instants move by an hour', () => {
    const monday = series('2026-03-16', { freq: 'weekly' });
    const found = expand([monday], '2026-03-16T00:00', '2026-04-07T00:00');
    expect(found.map((o) => local(o))).toEqual(['2026-03-16T10:00:00', '2026-03-23T10:00:00', '2026-03-30T10:00:00', '2026-04-06T10:00:00']);
    expect(found.map((o) => iso(o.start))).toEqual(['2026-03-16T09:00', '2026-03-23T09:00', '2026-03-30T08:00', '2026-04-06T08:00']);
    expect(found.every((o) => o.end - o.start === 3_600_000)).toBe(true);
    expect(found[2]?.fields.start).toEqual({ dateTime: '2026-03-30T10:00:00', timeZone: ams });
    expect(found[2]?.fields.end).toEqual({ dateTime: '2026-03-30T11:00:00', timeZone: ams });
  });

  it('keeps 10:00 local when summer time ends (last Sunday of October)', () => {
    const found = expand([series('2026-10-12', { freq: 'weekly' })], '2026-10-12T00:00', '2026-11-03T00:00');
    expect(found.map((o) => local(o))).toEqual(['2026-10-12T10:00:00', '2026-10-19T10:00:00', '2026-10-26T10:00:00', '2026-11-02T10:00:00']);
    expect(found.map((o) => iso(o.start))).toEqual(['2026-10-12T08:00', '2026-10-19T08:00', '2026-10-26T09:00', '2026-11-02T09:00']);
  });

  it('EXDATE removes an occurrence and an override replaces one, on both sides of the change', () => {
    const master = series('2026-03-16', { freq: 'weekly' }, { uid: 'weekly' });
    master.exceptions = {
      excluded: ['2026-03-23T10:00:00'],
      overrides: {
        '2026-03-30T10:00:00': override(master, '2026-03-30T10:00:00', {
          summary: 'Moved',
          start: { dateTime: '2026-03-31T14:00:00', timeZone: ams },
          end: { dateTime: '2026-03-31T15:30:00', timeZone: ams },
        }),
      },
    };
    const found = expand([master], '2026-03-16T00:00', '2026-04-07T00:00');
    expect(found.map((o) => [local(o), o.fields.summary, o.occurrenceKey])).toEqual([
      ['2026-03-16T10:00:00', 'Team meeting', '2026-03-16T10:00:00'],
      ['2026-03-31T14:00:00', 'Moved', '2026-03-30T10:00:00'],
      ['2026-04-06T10:00:00', 'Team meeting', '2026-04-06T10:00:00'],
    ]);
    expect(found[1]).toMatchObject({ id: 'acc-a|Calendar|weekly|2026-03-30T10:00:00', start: utc('2026-03-31T12:00'), end: utc('2026-03-31T13:30') });
  });

  it('an override moves an occurrence into the range from outside it, and out of it', () => {
    const master = series('2026-03-02', { freq: 'weekly' });
    master.exceptions.overrides = {
      // From 13 April into the week of 30 March …
      '2026-04-13T10:00:00': override(master, '2026-04-13T10:00:00', {
        start: { dateTime: '2026-04-01T09:00:00', timeZone: ams },
        end: { dateTime: '2026-04-01T10:00:00', timeZone: ams },
      }),
      // … and 30 March itself to May.
      '2026-03-30T10:00:00': override(master, '2026-03-30T10:00:00', {
        start: { dateTime: '2026-05-04T10:00:00', timeZone: ams },
        end: { dateTime: '2026-05-04T11:00:00', timeZone: ams },
      }),
    };
    const week = expand([master], '2026-03-29T22:00', '2026-04-05T22:00');
    expect(week.map((o) => [local(o), o.occurrenceKey])).toEqual([['2026-04-01T09:00:00', '2026-04-13T10:00:00']]);
  });

  it('drops an override the series no longer produces (left behind by a shortened series)', () => {
    const master = series('2026-03-02', { freq: 'weekly', count: 2 });
    master.exceptions.overrides = { '2026-03-16T10:00:00': override(master, '2026-03-16T10:00:00', { summary: 'Orphan' }) };
    expect(expand([master], '2026-03-01T00:00', '2026-04-01T00:00').map((o) => local(o))).toEqual(['2026-03-02T10:00:00', '2026-03-09T10:00:00']);
  });
});

describe('all-day events', () => {
  const allDay = (start: string, end: string, rule: Partial<Recurrence> | null = null): CalendarEvent =>
    calendarEvent({ start: { date: start }, end: { date: end }, allDay: true, recurrence: rule ? recurrence(rule) : null });

  it('are dates from local midnight to local midnight in the view zone (23 hours on the day summer time starts)', () => {
    const found = expand([allDay('2026-03-28', '2026-03-29', { freq: 'daily', count: 3 })], '2026-03-27T00:00', '2026-04-02T00:00');
    expect(found.map((o) => [o.fields.start, o.fields.end])).toEqual([
      [{ date: '2026-03-28' }, { date: '2026-03-29' }],
      [{ date: '2026-03-29' }, { date: '2026-03-30' }],
      [{ date: '2026-03-30' }, { date: '2026-03-31' }],
    ]);
    expect(found.map((o) => iso(o.start))).toEqual(['2026-03-27T23:00', '2026-03-28T23:00', '2026-03-29T22:00']);
    expect(found[1]!.end - found[1]!.start).toBe(23 * 3_600_000);
    expect(found.every((o) => o.allDay && o.occurrenceKey?.length === 10)).toBe(true);
  });

  it('follow the view zone, not a zone of their own', () => {
    const [day] = expand([allDay('2026-06-01', '2026-06-02')], '2026-05-30T00:00', '2026-06-05T00:00', 'America/New_York');
    expect(iso(day!.start)).toBe('2026-06-01T04:00');
    expect(iso(day!.end)).toBe('2026-06-02T04:00');
  });

  it('a multi-day yearly series keeps its length, with UNTIL as a date', () => {
    const found = expand([allDay('2024-12-30', '2025-01-02', { freq: 'yearly', until: { date: '2026-12-30' } })], '2020-01-01T00:00', '2030-01-01T00:00');
    expect(found.map((o) => [o.occurrenceKey, (o.fields.end as { date: string }).date])).toEqual([
      ['2024-12-30', '2025-01-02'],
      ['2025-12-30', '2026-01-02'],
      ['2026-12-30', '2027-01-02'],
    ]);
  });
});

describe('rules', () => {
  const keys = (event: CalendarEvent, from: string, to: string) => expand([event], from, to).map((o) => local(o).slice(0, 10));

  it('monthly on the 2nd Tuesday, the last Friday, and the last workday (BYSETPOS)', () => {
    expect(keys(series('2026-03-10', { freq: 'monthly', byDay: [{ day: 'TU', ordinal: 2 }] }), '2026-03-01T00:00', '2026-07-01T00:00')).toEqual([
      '2026-03-10', '2026-04-14', '2026-05-12', '2026-06-09',
    ]);
    expect(keys(series('2026-01-30', { freq: 'monthly', byDay: [{ day: 'FR', ordinal: -1 }] }), '2026-01-01T00:00', '2026-05-01T00:00')).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24',
    ]);
    const workdays = (['MO', 'TU', 'WE', 'TH', 'FR'] as const).map((day) => ({ day, ordinal: null }));
    expect(keys(series('2026-01-30', { freq: 'monthly', byDay: workdays, bySetPos: [-1] }), '2026-01-01T00:00', '2026-06-01T00:00')).toEqual([
      '2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29',
    ]);
  });

  it('the start is always an occurrence, also where the rule would not produce it', () => {
    expect(keys(series('2026-03-02', { freq: 'weekly', byDay: [{ day: 'WE', ordinal: null }] }), '2026-03-01T00:00', '2026-03-12T00:00')).toEqual([
      '2026-03-02', '2026-03-04', '2026-03-11',
    ]);
  });

  it('COUNT counts from the first occurrence, also when the range starts later', () => {
    expect(keys(series('2026-03-02', { freq: 'weekly', count: 3 }), '2026-03-09T00:00', '2026-12-01T00:00')).toEqual(['2026-03-09', '2026-03-16']);
    expect(keys(series('2026-03-02', { freq: 'daily', interval: 2, count: 3, byDay: [{ day: 'MO', ordinal: null }, { day: 'WE', ordinal: null }] }), '2026-03-01T00:00', '2026-12-01T00:00')).toEqual([
      '2026-03-02', '2026-03-04', '2026-03-16',
    ]);
  });

  it('UNTIL is inclusive, in the event zone or converted from another', () => {
    expect(keys(series('2026-03-02', { freq: 'daily', until: { dateTime: '2026-03-04T10:00:00', timeZone: ams } }), '2026-03-01T00:00', '2026-04-01T00:00')).toEqual([
      '2026-03-02', '2026-03-03', '2026-03-04',
    ]);
    // 09:00 UTC is 10:00 in Amsterdam in March (UTC+1): still inclusive.
    expect(keys(series('2026-03-02', { freq: 'daily', until: { dateTime: '2026-03-03T09:00:00', timeZone: 'UTC' } }), '2026-03-01T00:00', '2026-04-01T00:00')).toEqual([
      '2026-03-02', '2026-03-03',
    ]);
    expect(keys(series('2026-03-02', { freq: 'weekly', until: { date: '2026-03-16' } }), '2026-03-01T00:00', '2026-04-01T00:00')).toEqual([
      '2026-03-02', '2026-03-09', '2026-03-16',
    ]);
  });

  it('a daily rule limited to month days, counted from the end of the month (BYMONTHDAY=-1)', () => {
    expect(keys(series('2026-01-31', { freq: 'daily', byMonthDay: [-1] }), '2026-01-01T00:00', '2026-05-01T00:00')).toEqual([
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30',
    ]);
  });

  it('an old series with no COUNT lands on the same days as walking it from its start', () => {
    const days = [{ day: 'MO' as const, ordinal: null }, { day: 'TH' as const, ordinal: null }];
    const forever = series('2001-01-01', { freq: 'weekly', interval: 2, byDay: days });
    const counted = series('2001-01-01', { freq: 'weekly', interval: 2, byDay: days, count: 10_000 });
    const every3 = series('1990-01-01', { freq: 'daily', interval: 3 });
    const every3counted = series('1990-01-01', { freq: 'daily', interval: 3, count: 10_000 });
    const secondTuesday = series('2019-01-08', { freq: 'monthly', byDay: [{ day: 'TU', ordinal: 2 }] });
    const secondTuesdayCounted = series('2019-01-08', { freq: 'monthly', byDay: [{ day: 'TU', ordinal: 2 }], count: 10_000 });
    const the31st = series('2019-01-31', { freq: 'monthly', interval: 2 });
    const the31stCounted = series('2019-01-31', { freq: 'monthly', interval: 2, count: 10_000 });
    const lastWorkday = { freq: 'monthly' as const, byDay: (['MO', 'TU', 'WE', 'TH', 'FR'] as const).map((day) => ({ day, ordinal: null })), bySetPos: [-1] };
    const pairs = [
      [forever, counted],
      [every3, every3counted],
      [secondTuesday, secondTuesdayCounted],
      [the31st, the31stCounted],
      [series('2019-01-31', lastWorkday), series('2019-01-31', { ...lastWorkday, count: 10_000 })],
    ] as const;
    for (const [a, b] of pairs) {
      const from = '2026-03-01T00:00';
      const to = '2026-09-01T00:00';
      expect(keys(a, from, to)).toEqual(keys(b, from, to));
      expect(keys(a, from, to).length).toBeGreaterThan(2);
    }
  });
});

describe('hostile or broken rules stay bounded', () => {
  const keys = (rule: Partial<Recurrence>) => expand([series('2026-03-02', rule)], '2026-01-01T00:00', '2031-01-01T00:00').map((o) => local(o).slice(0, 10));

  it('impossible dates give only the start instead of hanging the page', () => {
    expect(keys({ freq: 'daily', byMonth: [2], byMonthDay: [30] })).toEqual(['2026-03-02']);
    expect(keys({ freq: 'yearly', byMonth: [2], byMonthDay: [30] })).toEqual(['2026-03-02']);
    expect(keys({ freq: 'monthly', byMonth: [2], byMonthDay: [31] })).toEqual(['2026-03-02']);
  });

  it('parts that mean nothing for the frequency are ignored, not thrown', () => {
    expect(keys({ freq: 'daily', byDay: [{ day: 'MO', ordinal: 2 }], count: 3 })).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(keys({ freq: 'weekly', byMonthDay: [5], count: 2 })).toEqual(['2026-03-02', '2026-03-09']);
  });

  it('a rule with a zero interval or count shows the event once; a huge range is capped', () => {
    expect(keys({ freq: 'daily', interval: 0 })).toEqual(['2026-03-02']);
    expect(keys({ freq: 'daily', count: 0 })).toEqual(['2026-03-02']);
    const walk = seriesKeys(series('2026-03-02', { freq: 'daily' }), '2026-03-02', '9999-01-01', 1000);
    expect(walk).toMatchObject({ complete: false });
    expect(walk.keys).toHaveLength(1000);
  });

  it('an event in an unknown zone is skipped; the others still show', () => {
    const broken = timed('2026-03-02', '10:00:00', { uid: 'broken', start: { dateTime: '2026-03-02T10:00:00', timeZone: 'Mars/Olympus' } });
    expect(expand([broken, timed('2026-03-02', '12:00:00')], '2026-03-01T00:00', '2026-03-03T00:00').map((o) => local(o))).toEqual(['2026-03-02T12:00:00']);
  });
});

describe('range edges and rows', () => {
  const one = timed('2026-03-02', '10:00:00');
  const count = (from: string, to: string) => expand([one], from, to).length;

  it('shows what overlaps [start, end): not an event that ends at the start or starts at the end', () => {
    expect(count('2026-03-02T10:00', '2026-03-02T12:00')).toBe(0);
    expect(count('2026-03-02T00:00', '2026-03-02T09:00')).toBe(0);
    expect(count('2026-03-02T09:00', '2026-03-02T09:01')).toBe(1);
    expect(count('2026-03-02T09:59', '2026-03-02T10:00')).toBe(1);
    const instant = timed('2026-03-02', '10:00:00', {}, 0);
    expect(expand([instant], '2026-03-02T09:00', '2026-03-02T10:00')).toHaveLength(1);
  });

  it('skips unreadable rows, keeps the highest IMAP UID of duplicates, and ids are stable', () => {
    const rows = [
      storedEvent(null, { imapUid: 9 }),
      storedEvent(timed('2026-03-02', '10:00:00', { summary: 'Old copy' }), { imapUid: 3 }),
      storedEvent(timed('2026-03-02', '10:00:00', { summary: 'Newest' }), { imapUid: 7 }),
      storedEvent(timed('2026-03-02', '10:00:00', { summary: 'Other calendar' }), { imapUid: 1, folderPath: 'shared/info@example.test/Calendar' }),
    ];
    const found = expandOccurrences(rows, range('2026-03-01T00:00', '2026-03-03T00:00'), ams);
    expect(found.map((o) => [o.id, o.fields.summary, o.stored.imapUid])).toEqual([
      ['acc-a|Calendar|event-1|', 'Newest', 7],
      ['acc-a|shared/info@example.test/Calendar|event-1|', 'Other calendar', 1],
    ]);
  });
});
