/**
 * The edited event for each way a person changes a series (issue #5 §4): delete or change one
 * occurrence, change the whole series, move or resize by dragging. Pure: each returns a new
 * CalendarEvent to save; SEQUENCE, DTSTAMP and who changed it are the saver's business.
 *
 * Exceptions are keyed by the occurrence's ORIGINAL start (RECURRENCE-ID, RFC 5545 §3.8.4.4), so
 * when the series itself moves, its EXDATEs and overrides move with it, and those the new rule
 * no longer produces are dropped.
 */
import type { CalendarEvent, EventFields, EventOverride, EventTime, OccurrenceKey, Recurrence } from '../../shared/model/calendar';
import { isAllDayTime, weekdays } from '../../shared/model/calendar';
import { localDateTime } from '../../shared/calendar/zoneTime';
import { keyMinutes, seriesKeys, seriesStartKey } from './ical/recurrence';
import { addDays, addWallMinutes, daysBetween } from './localTime';
import { timesAt, type Occurrence } from './occurrences';

/** Wall-clock minutes to move the start and the end by (drag); all-day events move by whole days. */
export interface TimeDelta {
  startMinutes: number;
  endMinutes: number;
}

export type EditScope = 'occurrence' | 'series';

/** The key of the occurrence of `master` that starts at `instant` (its zone's wall time, or the view's date). */
export function occurrenceKeyAt(master: CalendarEvent, instant: number, viewZone: string): OccurrenceKey {
  return isAllDayTime(master.start) ? localDateTime(instant, viewZone).slice(0, 10) : localDateTime(instant, master.start.timeZone);
}

function fieldsOf(event: CalendarEvent): EventFields {
  const { uid: _uid, recurrence: _recurrence, exceptions: _exceptions, ...fields } = event;
  return fields;
}

/** Deletes one occurrence: an EXDATE, and its override (if it had one) goes. */
export function deleteOccurrence(master: CalendarEvent, key: OccurrenceKey): CalendarEvent {
  const { [key]: _dropped, ...overrides } = master.exceptions.overrides;
  const excluded = [...new Set([...master.exceptions.excluded, key])].sort();
  return { ...master, exceptions: { excluded, overrides } };
}

/** Changes one occurrence: adds or replaces its override, starting from what it shows now. */
export function changeOccurrence(master: CalendarEvent, key: OccurrenceKey, change: Partial<EventFields>): CalendarEvent {
  const current: EventFields = master.exceptions.overrides[key] ?? { ...fieldsOf(master), ...timesAt(master, key) };
  const { recurrenceId: _id, ...currentFields } = current as EventOverride;
  const override: EventOverride = { ...currentFields, ...change, recurrenceId: key };
  return { ...master, exceptions: { ...master.exceptions, overrides: { ...master.exceptions.overrides, [key]: override } } };
}

/** A key moved with its series: by the start's wall-clock shift, into the series' new form. */
function movedKey(key: OccurrenceKey, minutes: number, newStart: EventTime): OccurrenceKey {
  const wasDate = key.length === 10;
  if (isAllDayTime(newStart)) return addDays(key.slice(0, 10), Math.round(minutes / 1440));
  if (wasDate) return `${addDays(key, Math.round(minutes / 1440))}${newStart.dateTime.slice(10)}`;
  return addWallMinutes(key, minutes);
}

/**
 * Changes the whole series. When the start moves, the exceptions move along; when the start or
 * the rule changes, exceptions the new series does not produce are dropped (they would point at
 * no occurrence).
 */
export function changeSeries(master: CalendarEvent, change: Partial<Omit<CalendarEvent, 'uid' | 'exceptions'>>): CalendarEvent {
  const next: CalendarEvent = { ...master, ...change };
  if (!next.recurrence) return { ...next, exceptions: { excluded: [], overrides: {} } };
  const minutes = keyMinutes(seriesStartKey(master), seriesStartKey(next));
  const formChanged = isAllDayTime(master.start) !== isAllDayTime(next.start);
  const ruleChanged = JSON.stringify(master.recurrence) !== JSON.stringify(next.recurrence);
  if (minutes === 0 && !formChanged && !ruleChanged) return next;
  const move = (key: OccurrenceKey) => movedKey(key, minutes, next.start);
  const moved = [...master.exceptions.excluded, ...Object.keys(master.exceptions.overrides)].map(move).sort();
  // One walk over the span of all exceptions tells which still point at an occurrence.
  const walked = moved.length > 0 ? seriesKeys(next, moved[0]!, `${moved[moved.length - 1]!}~`) : { keys: [], complete: true };
  const produced = new Set(walked.keys);
  const keep = (key: OccurrenceKey) => !walked.complete || produced.has(key);
  const excluded = master.exceptions.excluded.map(move).filter(keep);
  const overrides: Record<OccurrenceKey, EventOverride> = {};
  for (const override of Object.values(master.exceptions.overrides)) {
    const key = move(override.recurrenceId);
    if (keep(key)) overrides[key] = { ...override, recurrenceId: key };
  }
  return { ...next, exceptions: { excluded: [...new Set(excluded)].sort(), overrides } };
}

function shiftTime(time: EventTime, minutes: number): EventTime {
  return isAllDayTime(time) ? { date: addDays(time.date, Math.round(minutes / 1440)) } : { ...time, dateTime: addWallMinutes(time.dateTime, minutes) };
}

/** Start and end moved by a drag; the end never ends up before the start. */
export function shiftTimes(fields: Pick<EventFields, 'start' | 'end'>, delta: TimeDelta): Pick<EventFields, 'start' | 'end'> {
  const start = shiftTime(fields.start, delta.startMinutes);
  const end = shiftTime(fields.end, delta.endMinutes);
  if (isAllDayTime(start) && isAllDayTime(end)) return { start, end: daysBetween(start.date, end.date) < 1 ? { date: addDays(start.date, 1) } : end };
  if (!isAllDayTime(start) && !isAllDayTime(end) && start.timeZone === end.timeZone && end.dateTime < start.dateTime) return { start, end: start };
  return { start, end };
}

/** A rule's weekdays and month days moved along with a series dragged to another day. */
function shiftRuleDays(rule: Recurrence, days: number): Recurrence {
  if (days === 0) return rule;
  const shiftDay = (code: (typeof weekdays)[number]) => weekdays[(((weekdays.indexOf(code) + days) % 7) + 7) % 7]!;
  const byMonthDay = rule.byMonthDay.map((d) => (d > 0 ? Math.min(Math.max(d + days, 1), 31) : Math.min(Math.max(d + days, -31), -1)));
  return { ...rule, byDay: rule.byDay.map((d) => ({ ...d, day: shiftDay(d.day) })), byMonthDay };
}

/**
 * A drag (move or resize) of one occurrence: changes that occurrence only, or the whole series
 * (whose weekday and month-day rules follow a move to another day). A single event just moves.
 */
export function moveOccurrence(occurrence: Occurrence, delta: TimeDelta, scope: EditScope): CalendarEvent {
  const { master, occurrenceKey } = occurrence;
  if (!master.recurrence || occurrenceKey === null) return { ...master, ...shiftTimes(master, delta) };
  if (scope === 'occurrence') return changeOccurrence(master, occurrenceKey, shiftTimes(occurrence.fields, delta));
  const times = shiftTimes(master, delta);
  const days = daysBetween(seriesStartKey(master), isAllDayTime(times.start) ? times.start.date : times.start.dateTime);
  return changeSeries(master, { ...times, recurrence: shiftRuleDays(master.recurrence, days) });
}
