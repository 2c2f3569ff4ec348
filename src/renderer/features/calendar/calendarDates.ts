/**
 * Day arithmetic for the calendar views. A day is a wall-calendar date `YYYY-MM-DD` in the
 * person's zone; instants come from src/shared/calendar/zoneTime so a view's edges follow that
 * zone's midnights (a DST day has 23 or 25 hours), whatever zone the machine runs in.
 */
import { localDateTime, utcMillis } from '../../../shared/calendar/zoneTime';
import type { CalendarViewMode } from '../../store/calendarSlice';

export type Day = string;
const dayMs = 86_400_000;

function parse(day: Day): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
}

function format(utc: number): Day {
  return new Date(utc).toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return format(parse(day) + n * dayMs);
}

/** 0 = Sunday … 6 = Saturday (as Date#getDay). */
export function weekdayOf(day: Day): number {
  return new Date(parse(day)).getUTCDay();
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((parse(to) - parse(from)) / dayMs);
}

/** The same day of the month `n` months on, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: Day, n: number): Day {
  const d = new Date(parse(day));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return format(target.getTime());
}

/** The first day of the week holding `day`; `weekStart` 0 = Sunday, 1 = Monday … */
export function startOfWeek(day: Day, weekStart: number): Day {
  return addDays(day, -((weekdayOf(day) - weekStart + 7) % 7));
}

export function todayIn(timeZone: string, now = Date.now()): Day {
  return localDateTime(now, timeZone).slice(0, 10);
}

/** The instant a day starts in the zone (its local midnight, RFC 5545 §3.3.5 rules for gaps). */
export function dayStart(day: Day, timeZone: string): number {
  return utcMillis(`${day}T00:00:00`, timeZone);
}

/** The days a view shows and the instants bounding them ([start, end)). */
export interface ViewRange {
  days: Day[];
  start: number;
  end: number;
}

/** Agenda: the next four weeks from the anchor. */
export const agendaDays = 28;

/** Monday to Friday, where the locale says nothing else. */
const mondayToFriday = [1, 2, 3, 4, 5];

export function viewDays(view: CalendarViewMode, anchor: Day, weekStart: number, workDays: readonly number[] = mondayToFriday): Day[] {
  const run = (first: Day, count: number) => Array.from({ length: count }, (_, i) => addDays(first, i));
  switch (view) {
    case 'day':
      return [anchor];
    case 'workWeek':
      // The locale's working days of the anchor's week (nl: Monday to Friday).
      return run(startOfWeek(anchor, weekStart), 7).filter((day) => workDays.includes(weekdayOf(day)));
    case 'week':
      return run(startOfWeek(anchor, weekStart), 7);
    case 'month': {
      const first = startOfWeek(`${anchor.slice(0, 8)}01`, weekStart);
      const last = addDays(addMonths(`${anchor.slice(0, 8)}01`, 1), -1);
      return run(first, Math.ceil((daysBetween(first, last) + 1) / 7) * 7);
    }
    case 'agenda':
      return run(anchor, agendaDays);
  }
}

export function viewRange(view: CalendarViewMode, anchor: Day, weekStart: number, timeZone: string, workDays?: readonly number[]): ViewRange {
  const days = viewDays(view, anchor, weekStart, workDays);
  const first = days[0] ?? anchor;
  const last = days[days.length - 1] ?? anchor;
  return { days, start: dayStart(first, timeZone), end: dayStart(addDays(last, 1), timeZone) };
}

/** The anchor one period earlier (-1) or later (+1) for Previous / Next / PageUp / PageDown. */
export function stepAnchor(view: CalendarViewMode, anchor: Day, direction: 1 | -1): Day {
  switch (view) {
    case 'day':
      return addDays(anchor, direction);
    case 'workWeek':
    case 'week':
      return addDays(anchor, 7 * direction);
    case 'month':
      return addMonths(anchor, direction);
    case 'agenda':
      return addDays(anchor, agendaDays * direction);
  }
}

/** Minutes since local midnight of `day` for an instant, clamped to the day (0…1440). */
export function minutesInDay(instant: number, day: Day, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const localDay = local.slice(0, 10);
  if (localDay < day) return 0;
  if (localDay > day) return 1440;
  return +local.slice(11, 13) * 60 + +local.slice(14, 16);
}

/** `HH:mm:ss` for a number of minutes since midnight. */
export function timeOfMinutes(minutes: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
}
