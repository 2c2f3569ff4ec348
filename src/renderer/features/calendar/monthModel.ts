/**
 * The month grid's content (pure): the occurrences of each day — all-day and multi-day first,
 * then by start — cut to what a cell shows, with the count of the rest ("+3 more").
 */
import type { Occurrence } from '../../calendar/occurrences';
import type { Day } from './calendarDates';
import { daysOfOccurrence } from './eventLabel';

export interface MonthCell {
  day: Day;
  shown: Occurrence[];
  more: number;
}

export function buildMonth(days: readonly Day[], occurrences: readonly Occurrence[], timeZone: string, perCell: number): MonthCell[] {
  const byDay = new Map<Day, Occurrence[]>(days.map((day) => [day, []]));
  for (const occurrence of occurrences) {
    for (const day of daysOfOccurrence(occurrence, days, timeZone)) byDay.get(day)?.push(occurrence);
  }
  return days.map((day) => {
    const list = (byDay.get(day) ?? []).sort(
      (a, b) => Number(b.allDay) - Number(a.allDay) || a.start - b.start || a.fields.summary.localeCompare(b.fields.summary),
    );
    // A "+1 more" line takes the room of the event it hides: show that one instead.
    const fits = list.length <= perCell ? list.length : perCell - 1;
    return { day, shown: list.slice(0, fits), more: list.length - fits };
  });
}

/** The weeks of a month grid: its days in rows of seven. */
export function weeksOf<T>(cells: readonly T[]): T[][] {
  const weeks: T[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
