/**
 * The event form's state and its conversion to and from the shared model (issue #5 §4). Pure:
 * the form keeps plain strings (what date/time inputs hold); `draftFields` gives only what the
 * form sets, so everything it does not show (attendees, categories, other alarms' texts,
 * exceptions) stays as the event had it (RFC 5545 round trip).
 */
import type {
  CalendarEvent,
  EventAlarm,
  EventFields,
  EventTime,
  Recurrence,
  RecurrenceFrequency,
  Weekday,
} from '../../../shared/model/calendar';
import { isAllDayTime, weekdays } from '../../../shared/model/calendar';
import { localDateTime, utcMillis } from '../../../shared/calendar/zoneTime';
import { addDays, daysBetween, weekdayOf } from './calendarDates';

export type RepeatChoice = 'none' | RecurrenceFrequency;
export type RepeatEnd = 'never' | 'count' | 'until';

/** Reminder choices in minutes before the start (issue #5 §4); null = none. */
export const reminderChoices = [null, 0, 5, 10, 15, 30, 60, 1440] as const;

export interface EventDraft {
  calendarKey: string;
  summary: string;
  location: string;
  description: string;
  allDay: boolean;
  startDate: string;
  /** `HH:mm` */
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  repeat: RepeatChoice;
  interval: number;
  /** Weekly: the weekdays it repeats on. */
  byDay: Weekday[];
  ends: RepeatEnd;
  count: number;
  untilDate: string;
  /** Minutes before the start; null = no reminder. */
  reminder: number | null;
}

export type DraftProblem = 'summaryMissing' | 'endBeforeStart' | 'intervalInvalid' | 'countInvalid' | 'untilBeforeStart';

const byIndex: Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export function weekdayCode(day: string): Weekday {
  return byIndex[weekdayOf(day)] ?? 'MO';
}

/** Date and `HH:mm` of an EventTime as the person sees it in `zone` (all-day: the date, 00:00). */
function splitTime(time: EventTime, zone: string): { date: string; time: string } {
  if (isAllDayTime(time)) return { date: time.date, time: '00:00' };
  const local = time.timeZone === zone ? time.dateTime : localDateTime(utcMillis(time.dateTime, time.timeZone), zone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** A blank draft for a new appointment from `start` to `end` (local `YYYY-MM-DDTHH:mm:ss`). */
export function newDraft(calendarKey: string, start: string, end: string, timeZone: string, allDay = false): EventDraft {
  const startDate = start.slice(0, 10);
  return {
    calendarKey,
    summary: '',
    location: '',
    description: '',
    allDay,
    startDate,
    startTime: start.slice(11, 16),
    // An all-day range ends on its last day in the form; the model's DTEND is the day after.
    endDate: allDay ? addDays(end.slice(0, 10), -1) : end.slice(0, 10),
    endTime: end.slice(11, 16),
    timeZone,
    repeat: 'none',
    interval: 1,
    byDay: [weekdayCode(startDate)],
    ends: 'never',
    count: 10,
    untilDate: addDays(startDate, 90),
    reminder: 15,
  };
}

/** The form for an event (or one occurrence's fields), shown in the event's own zone. */
export function draftFromEvent(calendarKey: string, fields: EventFields, recurrence: Recurrence | null): EventDraft {
  const zone = isAllDayTime(fields.start) ? 'UTC' : fields.start.timeZone;
  const start = splitTime(fields.start, zone);
  const end = splitTime(fields.end, zone);
  const endDate = fields.allDay && isAllDayTime(fields.end) ? addDays(fields.end.date, -1) : end.date;
  const until = recurrence?.until ? splitTime(recurrence.until, zone).date : addDays(start.date, 90);
  return {
    calendarKey,
    summary: fields.summary,
    location: fields.location,
    description: fields.description,
    allDay: fields.allDay,
    startDate: start.date,
    startTime: start.time,
    endDate: endDate < start.date ? start.date : endDate,
    endTime: end.time,
    timeZone: isAllDayTime(fields.start) ? '' : fields.start.timeZone,
    repeat: recurrence?.freq ?? 'none',
    interval: recurrence?.interval ?? 1,
    byDay: recurrence?.byDay.filter((rule) => rule.ordinal === null).map((rule) => rule.day) ?? [weekdayCode(start.date)],
    ends: recurrence?.count ? 'count' : recurrence?.until ? 'until' : 'never',
    count: recurrence?.count ?? 10,
    untilDate: until,
    reminder: fields.alarms[0]?.minutesBefore ?? null,
  };
}

/**
 * A change made in the form. Moving the start date moves the end date along (the length stays),
 * and a weekly series still on the start's weekday alone follows it to the new one.
 */
export function changeDraft(previous: EventDraft, change: Partial<EventDraft>): EventDraft {
  const next = { ...previous, ...change };
  if (change.startDate && change.endDate === undefined && /^\d{4}-\d{2}-\d{2}$/.test(change.startDate)) {
    const shift = daysBetween(previous.startDate, change.startDate);
    next.endDate = addDays(previous.endDate, shift);
    if (change.byDay === undefined && previous.byDay.length === 1 && previous.byDay[0] === weekdayCode(previous.startDate)) {
      next.byDay = [weekdayCode(change.startDate)];
    }
  }
  return next;
}

export function draftTimes(draft: EventDraft, fallbackZone: string): { start: EventTime; end: EventTime } {
  if (draft.allDay) return { start: { date: draft.startDate }, end: { date: addDays(draft.endDate, 1) } };
  const timeZone = draft.timeZone || fallbackZone;
  return {
    start: { dateTime: `${draft.startDate}T${draft.startTime}:00`, timeZone },
    end: { dateTime: `${draft.endDate}T${draft.endTime}:00`, timeZone },
  };
}

export function validateDraft(draft: EventDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.summary.trim() === '') problems.push('summaryMissing');
  const start = `${draft.startDate}T${draft.allDay ? '00:00' : draft.startTime}`;
  const end = `${draft.endDate}T${draft.allDay ? '00:00' : draft.endTime}`;
  if (draft.allDay ? end < start : end <= start) problems.push('endBeforeStart');
  if (draft.repeat !== 'none') {
    if (!Number.isInteger(draft.interval) || draft.interval < 1 || draft.interval > 1000) problems.push('intervalInvalid');
    if (draft.ends === 'count' && (!Number.isInteger(draft.count) || draft.count < 1 || draft.count > 10000)) problems.push('countInvalid');
    if (draft.ends === 'until' && draft.untilDate < draft.startDate) problems.push('untilBeforeStart');
  }
  return problems;
}

/** The alarms with the form's reminder first; the event's other alarms are kept. */
function alarmsFor(current: readonly EventAlarm[], reminder: number | null): EventAlarm[] {
  const rest = current.slice(1);
  if (reminder === null) return [...rest];
  const first = current[0];
  return [{ minutesBefore: reminder, description: first?.description ?? null }, ...rest];
}

/** The RRULE the form describes; parts the form does not show (BYMONTHDAY…) are kept while the frequency stays. */
export function draftRecurrence(draft: EventDraft, current: Recurrence | null, start: EventTime): Recurrence | null {
  if (draft.repeat === 'none') return null;
  const keep = current && current.freq === draft.repeat ? current : null;
  const ordered = weekdays.filter((day) => draft.byDay.includes(day));
  const until: EventTime | null =
    draft.ends !== 'until'
      ? null
      : isAllDayTime(start)
        ? { date: draft.untilDate }
        : { dateTime: `${draft.untilDate}T23:59:59`, timeZone: start.timeZone };
  return {
    freq: draft.repeat,
    interval: draft.interval,
    count: draft.ends === 'count' ? draft.count : null,
    until,
    byDay:
      draft.repeat === 'weekly'
        ? (ordered.length ? ordered : [weekdayCode(draft.startDate)]).map((day) => ({ day, ordinal: null }))
        : (keep?.byDay ?? []),
    byMonthDay: keep?.byMonthDay ?? [],
    byMonth: keep?.byMonth ?? [],
    bySetPos: keep?.bySetPos ?? [],
    weekStart: keep?.weekStart ?? null,
  };
}

export interface Author {
  /** Who is saving (their address), for X-POSTVAK-MODIFIED-BY. */
  by: string;
  now: number;
}

/** The person saving, now. */
export function authorNow(by: string): Author {
  return { by, now: Date.now() };
}

/** What the form sets on an event or one occurrence (the rest of the fields stay as they were). */
export type DraftFields = Pick<EventFields, 'summary' | 'location' | 'description' | 'allDay' | 'start' | 'end' | 'alarms'>;

export function draftFields(draft: EventDraft, fallbackZone: string, currentAlarms: readonly EventAlarm[]): DraftFields {
  const { start, end } = draftTimes(draft, fallbackZone);
  return {
    summary: draft.summary.trim(),
    location: draft.location.trim(),
    description: draft.description,
    allDay: draft.allDay,
    start,
    end,
    alarms: alarmsFor(currentAlarms, draft.reminder),
  };
}

/** A changed event or override as others will see it: a new SEQUENCE (RFC 5545 §3.8.7.4), when and by whom. */
export function stamped<F extends EventFields>(fields: F, author: Author): F {
  return { ...fields, sequence: fields.sequence + 1, lastModified: author.now, lastModifiedBy: author.by };
}

/** A new appointment from the form. */
export function newEvent(draft: EventDraft, fallbackZone: string, author: Author): CalendarEvent {
  const fields = draftFields(draft, fallbackZone, []);
  return {
    ...fields,
    uid: newEventUid(),
    sequence: 0,
    created: author.now,
    lastModified: author.now,
    createdBy: author.by,
    lastModifiedBy: author.by,
    extraProperties: [],
    recurrence: draftRecurrence(draft, null, fields.start),
    exceptions: { excluded: [], overrides: {} },
  };
}

/** A UID (RFC 5545 §3.8.4.7) that is unique without coordination: a random UUID. */
export function newEventUid(): string {
  return globalThis.crypto.randomUUID();
}
