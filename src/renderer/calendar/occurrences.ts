/**
 * The occurrences a view shows (issue #5 §2–3): cached events expanded for a range, in the
 * renderer, never on the server. Timed events keep their own zone (a weekly 10:00
 * Europe/Amsterdam is 10:00 there across DST, RFC 5545 §3.3.5); all-day events are dates, shown
 * from local midnight to local midnight in the person's (view) zone (§3.6.1).
 *
 * EXDATE (§3.8.5.1) removes an occurrence; an override (a VEVENT with RECURRENCE-ID, §3.8.4.4)
 * replaces its fields and may move it into or out of the range.
 */
import type { CalendarEvent, EventFields, EventTime, OccurrenceKey, StoredEvent } from '../../shared/model/calendar';
import { isAllDayTime } from '../../shared/model/calendar';
import { localDateTime } from '../../shared/calendar/zoneTime';
import { instantIn } from './zoneCache';
import { seriesKeys } from './ical/recurrence';
import { addDays, addWallMinutes, daysBetween, wallMillis } from './localTime';

export interface Occurrence {
  /** `${calendarKey}|${uid}|${occurrenceKey ?? ''}`: stable across expansions and devices. */
  id: string;
  /** `${accountId}|${folderPath}`. */
  calendarKey: string;
  stored: StoredEvent;
  master: CalendarEvent;
  /** The fields of this occurrence: the override's, or the master's with this occurrence's start and end. */
  fields: EventFields;
  /** The occurrence's original start (its RECURRENCE-ID); null = not recurring. */
  occurrenceKey: OccurrenceKey | null;
  /** Epoch ms. */
  start: number;
  end: number;
  allDay: boolean;
}

export interface TimeRange {
  start: number;
  end: number;
}

const dayMs = 86_400_000;

/** The instant an EventTime begins: dates at midnight in the view zone. */
export function instantOf(time: EventTime, viewZone: string): number {
  return isAllDayTime(time) ? instantIn(`${time.date}T00:00:00`, viewZone) : instantIn(time.dateTime, time.timeZone);
}

function overlaps(start: number, end: number, range: TimeRange): boolean {
  return start < range.end && (end > range.start || (end === start && start >= range.start));
}

/** Master start/end moved to the occurrence that starts at `key`, keeping the master's length. */
export function timesAt(master: CalendarEvent, key: OccurrenceKey): Pick<EventFields, 'start' | 'end'> {
  const { start, end } = master;
  if (isAllDayTime(start)) {
    const days = isAllDayTime(end) ? daysBetween(start.date, end.date) : 1;
    return { start: { date: key }, end: { date: addDays(key, Math.max(days, 0)) } };
  }
  const moved = { dateTime: key, timeZone: start.timeZone };
  if (isAllDayTime(end)) return { start: moved, end: moved };
  if (end.timeZone === start.timeZone) {
    // Same zone: the same wall-clock length (10:00–11:00 stays so on a DST day).
    return { start: moved, end: { dateTime: addWallMinutes(key, (wallMillis(end.dateTime) - wallMillis(start.dateTime)) / 60_000), timeZone: end.timeZone } };
  }
  const length = instantIn(end.dateTime, end.timeZone) - instantIn(start.dateTime, start.timeZone);
  return { start: moved, end: { dateTime: localDateTime(instantIn(key, start.timeZone) + length, end.timeZone), timeZone: end.timeZone } };
}

function masterFields(event: CalendarEvent): EventFields {
  const { uid: _uid, recurrence: _recurrence, exceptions: _exceptions, ...fields } = event;
  return fields;
}

function make(stored: StoredEvent, master: CalendarEvent, calendarKey: string, fields: EventFields, key: OccurrenceKey | null, viewZone: string): Occurrence {
  const start = instantOf(fields.start, viewZone);
  const end = Math.max(start, instantOf(fields.end, viewZone));
  return {
    id: `${calendarKey}|${master.uid}|${key ?? ''}`,
    calendarKey,
    stored,
    master,
    fields,
    occurrenceKey: key,
    start,
    end,
    allDay: fields.allDay || isAllDayTime(fields.start),
  };
}

/** The longest an occurrence of this event lasts, in ms (with a day's slack for DST and zones). */
function longest(event: CalendarEvent, viewZone: string): number {
  const lengths = [event, ...Object.values(event.exceptions.overrides)].map((f) => instantOf(f.end, viewZone) - instantOf(f.start, viewZone));
  return Math.max(0, ...lengths) + dayMs;
}

/** A range's bounds as keys of the series' form (local values in its zone, or dates). */
function keyBounds(master: CalendarEvent, range: TimeRange, viewZone: string): [string, string] {
  const zone = isAllDayTime(master.start) ? viewZone : master.start.timeZone;
  const from = localDateTime(range.start - longest(master, viewZone), zone);
  const to = localDateTime(range.end + dayMs, zone);
  return isAllDayTime(master.start) ? [from.slice(0, 10), addDays(to.slice(0, 10), 1)] : [from, to];
}

function expandSeries(stored: StoredEvent, master: CalendarEvent, calendarKey: string, range: TimeRange, viewZone: string): Occurrence[] {
  const { excluded, overrides } = master.exceptions;
  const overrideKeys = Object.keys(overrides).sort();
  let [from, to] = keyBounds(master, range, viewZone);
  // Walk far enough to know whether each override still belongs to the series (a series
  // shortened by another client may leave some behind), so one moved into the range shows.
  if (overrideKeys.length > 0) {
    from = [from, overrideKeys[0]!].sort()[0]!;
    to = [to, `${overrideKeys[overrideKeys.length - 1]!}~`].sort()[1]!;
  }
  const walked = seriesKeys(master, from, to);
  const generated = new Set(walked.keys);
  const skip = new Set(excluded);
  const base = masterFields(master);
  const result: Occurrence[] = [];
  for (const key of walked.keys) {
    if (skip.has(key) || overrides[key]) continue;
    const occurrence = make(stored, master, calendarKey, { ...base, ...timesAt(master, key) }, key, viewZone);
    if (overlaps(occurrence.start, occurrence.end, range)) result.push(occurrence);
  }
  for (const key of overrideKeys) {
    if (skip.has(key) || (walked.complete && !generated.has(key))) continue;
    const { recurrenceId: _id, ...fields } = overrides[key]!;
    const occurrence = make(stored, master, calendarKey, fields, key, viewZone);
    if (overlaps(occurrence.start, occurrence.end, range)) result.push(occurrence);
  }
  return result;
}

/**
 * Duplicates of one UID in a calendar (left by clients without compare-and-swap) converge on
 * the message with the highest IMAP UID (calendar.md), as they do on the server.
 */
function newestPerUid(events: readonly StoredEvent[]): StoredEvent[] {
  const chosen = new Map<string, StoredEvent>();
  for (const stored of events) {
    if (!stored.event) continue;
    const id = `${stored.accountId}|${stored.folderPath}|${stored.event.uid}`;
    const current = chosen.get(id);
    if (!current || current.imapUid < stored.imapUid) chosen.set(id, stored);
  }
  return [...chosen.values()];
}

/** Every occurrence overlapping [range.start, range.end), by start (then longest first). */
export function expandOccurrences(events: StoredEvent[], range: TimeRange, viewZone: string): Occurrence[] {
  const result: Occurrence[] = [];
  for (const stored of newestPerUid(events)) {
    const master = stored.event!;
    const calendarKey = `${stored.accountId}|${stored.folderPath}`;
    try {
      if (!master.recurrence) {
        const occurrence = make(stored, master, calendarKey, masterFields(master), null, viewZone);
        if (overlaps(occurrence.start, occurrence.end, range)) result.push(occurrence);
      } else {
        result.push(...expandSeries(stored, master, calendarKey, range, viewZone));
      }
    } catch {
      // One event with an unusable time (an unknown zone) must not blank the whole view.
    }
  }
  return result.sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
