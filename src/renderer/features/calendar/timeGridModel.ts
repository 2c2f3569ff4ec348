/**
 * The time grid's content for a set of days (pure, so it is tested without rendering): per day
 * the all-day row's occurrences and the timed segments with their overlap columns. A timed event
 * that crosses midnight is cut into one segment per day; one that covers whole days goes to the
 * all-day row, where people look for it.
 */
import type { Occurrence } from '../../calendar/occurrences';
import { localDateTime, utcMillis } from '../../../shared/calendar/zoneTime';
import { addDays, minutesInDay, type Day } from './calendarDates';
import { layoutDay, type PlacedSegment } from './dayLayout';
import { dayOf, daysOfOccurrence, spansWholeDays } from './eventLabel';

export interface GridSegment extends PlacedSegment {
  occurrence: Occurrence;
  /** The segment starts / ends the occurrence (not cut at midnight): only then is the edge draggable. */
  isStart: boolean;
  isEnd: boolean;
}

export interface GridDay {
  day: Day;
  allDay: Occurrence[];
  timed: GridSegment[];
}

export function buildTimeGrid(days: readonly Day[], occurrences: readonly Occurrence[], timeZone: string): GridDay[] {
  const index = new Map(days.map((day, i) => [day, i]));
  const allDay: Occurrence[][] = days.map(() => []);
  const segments: { occurrence: Occurrence; startMin: number; endMin: number; isStart: boolean; isEnd: boolean }[][] = days.map(() => []);
  const sorted = [...occurrences].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  for (const occurrence of sorted) {
    const covered = daysOfOccurrence(occurrence, days, timeZone);
    if (spansWholeDays(occurrence, timeZone)) {
      for (const day of covered) allDay[index.get(day) ?? 0]?.push(occurrence);
      continue;
    }
    const firstDay = dayOf(occurrence.start, timeZone);
    const lastDay = dayOf(Math.max(occurrence.start, occurrence.end - 1), timeZone);
    for (const day of covered) {
      const startMin = minutesInDay(occurrence.start, day, timeZone);
      const endMin = minutesInDay(occurrence.end, day, timeZone);
      segments[index.get(day) ?? 0]?.push({
        occurrence,
        startMin,
        endMin: Math.max(endMin, startMin),
        isStart: day === firstDay,
        isEnd: day === lastDay,
      });
    }
  }
  return days.map((day, i) => {
    const list = segments[i] ?? [];
    const byId = new Map(list.map((segment) => [segment.occurrence.id, segment]));
    const placed = layoutDay(list.map((segment) => ({ id: segment.occurrence.id, startMin: segment.startMin, endMin: segment.endMin })));
    return {
      day,
      allDay: allDay[i] ?? [],
      timed: placed.map((p) => {
        const source = byId.get(p.id);
        if (!source) throw new Error(`segment ${p.id} lost`);
        return { ...p, occurrence: source.occurrence, isStart: source.isStart, isEnd: source.isEnd };
      }),
    };
  });
}

/** A drag in the grid moved an occurrence by whole days and minutes of wall time, or stretched its end. */
export interface GridChange {
  days: number;
  startMinutes: number;
  endMinutes: number;
}

/** The new instants after a drag, computed on wall time in the view's zone so a move across a DST change keeps the clock time. */
export function changedTimes(occurrence: Occurrence, change: GridChange, timeZone: string): { start: number; end: number } {
  const shift = (instant: number, minutes: number) => {
    const local = localDateTime(instant, timeZone);
    const day = addDays(local.slice(0, 10), change.days);
    const wall = Date.UTC(2000, 0, 1, +local.slice(11, 13), +local.slice(14, 16)) + minutes * 60_000;
    const dayShift = Math.floor((wall - Date.UTC(2000, 0, 1)) / 86_400_000);
    const within = new Date(wall).toISOString().slice(11, 19);
    return utcMillis(`${addDays(day, dayShift)}T${within}`, timeZone);
  };
  const start = shift(occurrence.start, change.startMinutes);
  const end = shift(occurrence.end, change.endMinutes);
  return { start, end: Math.max(end, start + 15 * 60_000) };
}
