/**
 * How an occurrence is named for people and screen readers: title, time, calendar —
 * "Klantbezoek Jansen, 10:00–11:00, info@example.test". The same words are the event button's
 * accessible name, so tests find an event the way a screen-reader user hears it.
 */
import { localDateTime } from '../../../shared/calendar/zoneTime';
import type { Occurrence } from '../../calendar/occurrences';
import type { Translate } from '../../i18n/types';
import { addDays, dayStart, type Day } from './calendarDates';
import type { CalendarFormat } from './calendarFormat';

/** `10:00–11:00`; across days `Mon 7 10:00 – Tue 8 11:00`; all-day events: "all day". */
export function occurrenceTime(occurrence: Occurrence, format: CalendarFormat, timeZone: string, t: Translate): string {
  if (occurrence.allDay) return t('calendar.allDay');
  const startDay = dayOf(occurrence.start, timeZone);
  const lastDay = dayOf(occurrence.end - 1, timeZone);
  if (startDay === lastDay) return `${format.time(occurrence.start)}–${format.time(occurrence.end)}`;
  return `${format.dayHeader(startDay)} ${format.time(occurrence.start)} – ${format.dayHeader(lastDay)} ${format.time(occurrence.end)}`;
}

export function occurrenceTitle(occurrence: Occurrence, t: Translate): string {
  return occurrence.fields.summary.trim() || t('calendar.untitled');
}

export function occurrenceLabel(
  occurrence: Occurrence,
  calendarName: string,
  format: CalendarFormat,
  timeZone: string,
  t: Translate,
): string {
  return `${occurrenceTitle(occurrence, t)}, ${occurrenceTime(occurrence, format, timeZone, t)}, ${calendarName}`;
}

/** The local day an instant falls on in the zone. */
export function dayOf(instant: number, timeZone: string): Day {
  return localDateTime(instant, timeZone).slice(0, 10);
}

/** The days an occurrence covers (all-day: its dates; timed: each day it touches), within `days`. */
export function daysOfOccurrence(occurrence: Occurrence, days: readonly Day[], timeZone: string): Day[] {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  const from = occurrence.allDay && 'date' in occurrence.fields.start ? occurrence.fields.start.date : dayOf(occurrence.start, timeZone);
  const lastCovered =
    occurrence.allDay && 'date' in occurrence.fields.end
      ? addDays(occurrence.fields.end.date, -1)
      : dayOf(Math.max(occurrence.start, occurrence.end - 1), timeZone);
  const out: Day[] = [];
  for (let day = from < first ? first : from; day <= lastCovered && day <= last; day = addDays(day, 1)) out.push(day);
  return out;
}

/** Whether a timed occurrence starts and ends at midnight or lasts a day or more: shown in the all-day row. */
export function spansWholeDays(occurrence: Occurrence, timeZone: string): boolean {
  if (occurrence.allDay) return true;
  const day = dayOf(occurrence.start, timeZone);
  return occurrence.start === dayStart(day, timeZone) && occurrence.end - occurrence.start >= 86_400_000 - 3_600_000;
}
