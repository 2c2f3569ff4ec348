/**
 * Dates and times on the calendar screen, in the person's language and zone: 24-hour where
 * the locale uses it (always in Dutch), day and month names from Intl. Memoised per locale and
 * zone, because a month of 1,000 events formats thousands of times.
 */
import type { CalendarViewMode } from '../../store/calendarSlice';
import type { Day } from './calendarDates';

export interface CalendarFormat {
  /** `10:00` / `10:00 AM` */
  time(instant: number): string;
  /** A wall-clock time given as minutes since midnight (slot names). */
  clock(minutes: number): string;
  /** The hour label of the grid's left column. */
  hour(hour: number): string;
  /** `Mon 7` in a week header. */
  dayHeader(day: Day): string;
  /** `Monday 7 December 2026` (accessible names, agenda headings). */
  longDay(day: Day): string;
  /** `Mon` for a month grid's column headers. */
  weekdayShort(day: Day): string;
  /** `7` in a month cell. */
  dayNumber(day: Day): string;
  /** The toolbar's title for the range a view shows. */
  rangeTitle(view: CalendarViewMode, days: readonly Day[]): string;
}

const cache = new Map<string, CalendarFormat>();

export function calendarFormat(localeTag: string, hour12: boolean, timeZone: string): CalendarFormat {
  const key = `${localeTag}|${hour12}|${timeZone}`;
  const known = cache.get(key);
  if (known) return known;
  // 24-hour clocks write the hour with two digits (09:00, as on Dutch and British timetables).
  const cycle = hour12 ? { hour12: true, hour: 'numeric' as const } : { hourCycle: 'h23' as const, hour: '2-digit' as const };
  const time = new Intl.DateTimeFormat(localeTag, { minute: '2-digit', timeZone, ...cycle });
  const clock = new Intl.DateTimeFormat(localeTag, { minute: '2-digit', timeZone: 'UTC', ...cycle });
  const hour = new Intl.DateTimeFormat(
    localeTag,
    hour12 ? { hour: 'numeric', hour12: true, timeZone: 'UTC' } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' },
  );
  // Days are calendar dates: formatted at noon UTC in UTC, so no zone can move them.
  const onDay = (options: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(localeTag, { ...options, timeZone: 'UTC' });
    return (day: Day) => f.format(new Date(`${day}T12:00:00Z`));
  };
  const dayHeader = onDay({ weekday: 'short', day: 'numeric' });
  const longDay = onDay({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const weekdayShort = onDay({ weekday: 'short' });
  const dayNumber = onDay({ day: 'numeric' });
  const monthYear = onDay({ month: 'long', year: 'numeric' });
  const span = new Intl.DateTimeFormat(localeTag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const format: CalendarFormat = {
    time: (instant) => time.format(new Date(instant)),
    clock: (minutes) => clock.format(new Date(Date.UTC(2000, 0, 1, 0, minutes))),
    hour: (h) => hour.format(new Date(Date.UTC(2000, 0, 1, h))),
    dayHeader,
    longDay,
    weekdayShort,
    dayNumber,
    rangeTitle(view, days) {
      const first = days[0] ?? '1970-01-01';
      const last = days[days.length - 1] ?? first;
      if (view === 'day') return longDay(first);
      if (view === 'month') return monthYear(days[Math.floor(days.length / 2)] ?? first);
      return span.formatRange(new Date(`${first}T12:00:00Z`), new Date(`${last}T12:00:00Z`));
    },
  };
  cache.set(key, format);
  return format;
}
