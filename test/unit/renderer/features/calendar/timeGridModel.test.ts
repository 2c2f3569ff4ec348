import { describe, expect, it } from 'vitest';
import { expandOccurrences } from '../../../../../src/renderer/calendar/occurrences';
import { viewRange } from '../../../../../src/renderer/features/calendar/calendarDates';
import { buildMonth } from '../../../../../src/renderer/features/calendar/monthModel';
import { buildTimeGrid, changedTimes } from '../../../../../src/renderer/features/calendar/timeGridModel';
import type { CalendarEvent } from '../../../../../src/shared/model/calendar';
import { calendarEvent, recurrence, storedEvent } from '../../../shared/calendar/eventFixtures';

const ams = 'Europe/Amsterdam';
const week = viewRange('week', '2027-03-01', 1, ams);

function occurrencesOf(events: CalendarEvent[], range = week) {
  return expandOccurrences(events.map((event, i) => storedEvent(event, { imapUid: i + 1 })), range, ams);
}
const at = (date: string, time: string) => ({ dateTime: `${date}T${time}:00`, timeZone: ams });

describe('the time grid of a week', () => {
  it('places timed events by wall minutes in their day and side by side where they overlap', () => {
    const grid = buildTimeGrid(
      week.days,
      occurrencesOf([
        calendarEvent({ uid: 'a', start: at('2027-03-02', '10:00'), end: at('2027-03-02', '11:00') }),
        calendarEvent({ uid: 'b', start: at('2027-03-02', '10:30'), end: at('2027-03-02', '12:00') }),
      ]),
      ams,
    );
    const tuesday = grid[1]!;
    expect(tuesday.day).toBe('2027-03-02');
    expect(tuesday.timed.map((s) => [s.occurrence.master.uid, s.startMin, s.endMin, s.column, s.columns])).toEqual([
      ['a', 600, 660, 0, 2],
      ['b', 630, 720, 1, 2],
    ]);
    expect(grid.filter((d) => d.timed.length > 0)).toHaveLength(1);
  });

  it('cuts an event across midnight into two days; only the last part has the resizable end', () => {
    const grid = buildTimeGrid(week.days, occurrencesOf([calendarEvent({ start: at('2027-03-03', '22:00'), end: at('2027-03-04', '02:00') })]), ams);
    const [wednesday, thursday] = [grid[2]!.timed[0]!, grid[3]!.timed[0]!];
    expect([wednesday.startMin, wednesday.endMin, wednesday.isStart, wednesday.isEnd]).toEqual([1320, 1440, true, false]);
    expect([thursday.startMin, thursday.endMin, thursday.isStart, thursday.isEnd]).toEqual([0, 120, false, true]);
  });

  it('shows all-day and whole-day events in the all-day row, on each day they cover', () => {
    const grid = buildTimeGrid(
      week.days,
      occurrencesOf([calendarEvent({ uid: 'trip', allDay: true, start: { date: '2027-03-04' }, end: { date: '2027-03-06' } })]),
      ams,
    );
    expect(grid.map((d) => d.allDay.length)).toEqual([0, 0, 0, 1, 1, 0, 0]);
    expect(grid.every((d) => d.timed.length === 0)).toBe(true);
  });

  it('shows every occurrence of a weekly series in its week', () => {
    const weekly = calendarEvent({ start: at('2027-02-01', '10:00'), end: at('2027-02-01', '11:00'), recurrence: recurrence({ byDay: [{ day: 'MO', ordinal: null }, { day: 'TH', ordinal: null }] }) });
    const grid = buildTimeGrid(week.days, occurrencesOf([weekly]), ams);
    expect(grid.map((d) => d.timed.length)).toEqual([1, 0, 0, 1, 0, 0, 0]);
  });

  it('moves a dragged event on the wall clock, so 10:00 stays 10:00 across the change to summer time', () => {
    const [occurrence] = occurrencesOf([calendarEvent({ start: at('2027-03-26', '10:00'), end: at('2027-03-26', '11:00') })], viewRange('week', '2027-03-26', 1, ams));
    const moved = changedTimes(occurrence!, { days: 3, startMinutes: 30, endMinutes: 30 }, ams);
    expect(new Date(moved.start).toISOString()).toBe('2027-03-29T08:30:00.000Z');
    expect(moved.end - moved.start).toBe(3_600_000);
    const resized = changedTimes(occurrence!, { days: 0, startMinutes: 0, endMinutes: -120 }, ams);
    expect(resized.end - resized.start).toBe(15 * 60_000);
  });
});

describe('the month grid', () => {
  it('lists all-day events first and counts what does not fit as "+N more"', () => {
    const month = viewRange('month', '2027-03-15', 1, ams);
    const events = [
      calendarEvent({ uid: 'holiday', allDay: true, start: { date: '2027-03-10' }, end: { date: '2027-03-11' } }),
      ...['08', '09', '11', '13', '15'].map((h) => calendarEvent({ uid: `m${h}`, summary: `At ${h}`, start: at('2027-03-10', `${h}:00`), end: at('2027-03-10', `${h}:30`) })),
    ];
    const cells = buildMonth(month.days, occurrencesOf(events, month), ams, 4);
    const tenth = cells.find((c) => c.day === '2027-03-10')!;
    expect(tenth.shown.map((o) => o.master.uid)).toEqual(['holiday', 'm08', 'm09']);
    expect(tenth.more).toBe(3);
    expect(cells.find((c) => c.day === '2027-03-11')!.shown).toEqual([]);
  });
});
