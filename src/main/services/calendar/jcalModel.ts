/**
 * jCal VEVENTs (RFC 7265; master plus RECURRENCE-ID overrides) ⇄ the shared CalendarEvent model.
 * Pure: the Kolab codec reaches jCal through xcalRead/xcalWrite, the .ics code through ical.js.
 * Properties the model does not describe stay in `extraProperties` so a save keeps them.
 */
import type {
  CalendarEvent, EventAlarm, EventFields, EventOverride, EventTime, JCalProperty, OccurrenceKey,
} from '../../../shared/model/calendar';
import { ianaFromTzid } from '../../../shared/calendar/zoneTime';
import {
  addDays, addDuration, inZone, instantOf, minutesDuration, parseDate, parseDateTime, parseDuration, timeMillis, utcValue, ValueError,
} from './xcalValues';
import { readRecurrence, writeRecurrence } from './xcalRecur';

export type JCalComponent = [string, JCalProperty[], JCalComponent[]];

export const createdByProperty = 'x-postvak-created-by';
export const modifiedByProperty = 'x-postvak-modified-by';

/** Properties read into model fields; everything else is kept as it came. */
const modelled = new Set([
  'uid', 'dtstart', 'dtend', 'duration', 'summary', 'location', 'description', 'sequence', 'created', 'dtstamp',
  'rrule', 'exdate', 'recurrence-id', createdByProperty, modifiedByProperty,
]);

export interface DecodeOptions {
  /** TZID parameter → IANA zone (throws for unknown zones); default: Olson ids under any prefix. */
  zoneOf?: (tzid: string) => string;
  /** Zone for floating times (§3.3.5 form 1); default: this machine's zone. */
  floatingZone?: string;
}

interface Context {
  zoneOf: (tzid: string) => string;
  floatingZone: string;
}

const first = (props: JCalProperty[], name: string) => props.find((p) => p[0] === name);

function textOf(props: JCalProperty[], name: string): string {
  const value = first(props, name)?.[3];
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function tzidOf(property: JCalProperty): string | null {
  const tzid = property[1].tzid;
  const value = Array.isArray(tzid) ? tzid[0] : tzid;
  return value ?? null;
}

/** DTSTART/DTEND/… → EventTime: DATE = all-day, `Z` = UTC, TZID = that zone, else floating. */
function readTime(property: JCalProperty, ctx: Context): EventTime {
  const value = String(property[3]);
  if (property[2] === 'date' || /^\d{4}-?\d{2}-?\d{2}$/.test(value)) return { date: parseDate(value) };
  const { local, utc } = parseDateTime(value);
  const tzid = tzidOf(property);
  const zone = utc ? 'UTC' : tzid ? ctx.zoneOf(tzid) : ctx.floatingZone;
  return { dateTime: local, timeZone: zone };
}

/** EXDATE / RECURRENCE-ID value → OccurrenceKey: the original start as local time in the master's zone. */
function occurrenceKey(property: JCalProperty, value: unknown, masterStart: EventTime, ctx: Context): OccurrenceKey {
  const single: JCalProperty = [property[0], property[1], property[2], value];
  const time = readTime(single, ctx);
  if ('date' in masterStart) return 'date' in time ? time.date : time.dateTime.slice(0, 10);
  if ('date' in time) return `${time.date}${masterStart.dateTime.slice(10)}`;
  return inZone(time, masterStart.timeZone);
}

/** TRIGGER (§3.8.6.3) → minutes before the start; absolute or END-related triggers are converted. */
function readAlarm(alarm: JCalComponent, summary: string, start: EventTime, end: EventTime, ctx: Context): EventAlarm | null {
  const trigger = first(alarm[1], 'trigger');
  if (!trigger) return null;
  let minutesBefore: number;
  if (trigger[2] === 'date-time') {
    const at = readTime(trigger, ctx);
    minutesBefore = Math.round((timeMillis(start) - timeMillis(at)) / 60_000);
  } else {
    const { days, seconds } = parseDuration(String(trigger[3]));
    const related = String(trigger[1].related ?? 'START').toUpperCase();
    const base = related === 'END' ? (timeMillis(end) - timeMillis(start)) / 60_000 : 0;
    minutesBefore = 0 - Math.round(base + days * 1440 + seconds / 60) || 0;
  }
  const description = textOf(alarm[1], 'description');
  // DISPLAY alarms must carry a DESCRIPTION (§3.6.6); the encoder writes the summary for "none".
  return { minutesBefore, description: description === '' || description === summary ? null : description };
}

function readFields(vevent: JCalComponent, ctx: Context): EventFields {
  const props = vevent[1];
  const dtstart = first(props, 'dtstart');
  if (!dtstart) throw new ValueError('VEVENT without DTSTART');
  const start = readTime(dtstart, ctx);
  const allDay = 'date' in start;
  const dtend = first(props, 'dtend');
  const duration = first(props, 'duration');
  // §3.6.1: no DTEND and no DURATION means one day for a DATE start, no length for a DATE-TIME.
  const end = dtend
    ? readTime(dtend, ctx)
    : duration
      ? addDuration(start, parseDuration(String(duration[3])))
      : allDay ? { date: addDays(start.date, 1) } : start;
  const summary = textOf(props, 'summary');
  const zone = 'timeZone' in start ? start.timeZone : 'UTC';
  const created = instantOf(first(props, 'created')?.[3], zone);
  const alarms = vevent[2].filter((c) => c[0] === 'valarm').map((a) => readAlarm(a, summary, start, end, ctx));
  const by = (name: string) => textOf(props, name).trim() || null;
  return {
    summary,
    location: textOf(props, 'location'),
    description: textOf(props, 'description'),
    start,
    end: 'date' in start === 'date' in end ? end : allDay ? { date: addDays(start.date, 1) } : start,
    allDay,
    alarms: alarms.filter((a): a is EventAlarm => a !== null),
    sequence: Number(first(props, 'sequence')?.[3] ?? 0) || 0,
    created,
    lastModified: instantOf(first(props, 'dtstamp')?.[3], zone) || created,
    createdBy: by(createdByProperty),
    lastModifiedBy: by(modifiedByProperty),
    extraProperties: props.filter((p) => !modelled.has(p[0])).map((p) => structuredClone(p)),
  };
}

/** One event from its VEVENTs: the one without RECURRENCE-ID is the master (RFC 5545 §3.8.4.4). */
export function jcalToEvent(vevents: JCalComponent[], options: DecodeOptions = {}): CalendarEvent {
  const ctx: Context = {
    zoneOf: options.zoneOf ?? ianaFromTzid,
    floatingZone: options.floatingZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  const master = vevents.find((v) => !first(v[1], 'recurrence-id')) ?? vevents[0];
  if (!master) throw new ValueError('No VEVENT');
  const uid = textOf(master[1], 'uid').trim();
  if (uid === '') throw new ValueError('VEVENT without UID');
  const fields = readFields(master, ctx);
  const excluded: OccurrenceKey[] = [];
  for (const exdate of master[1].filter((p) => p[0] === 'exdate')) {
    for (const value of exdate.slice(3)) excluded.push(occurrenceKey(exdate, value, fields.start, ctx));
  }
  const overrides: Record<OccurrenceKey, EventOverride> = {};
  for (const vevent of vevents) {
    const recurrenceId = first(vevent[1], 'recurrence-id');
    if (vevent === master || !recurrenceId) continue;
    const key = occurrenceKey(recurrenceId, recurrenceId[3], fields.start, ctx);
    overrides[key] = { ...readFields(vevent, ctx), recurrenceId: key };
  }
  const rrule = first(master[1], 'rrule');
  const recurrence = rrule ? readRecurrence(rrule[3], fields.start) : null;
  // A rule the model cannot describe (HOURLY, BYWEEKNO …) is kept verbatim rather than lost.
  if (rrule && !recurrence) fields.extraProperties.push(structuredClone(rrule));
  return { uid, ...fields, recurrence, exceptions: { excluded: [...new Set(excluded)].sort(), overrides } };
}

/** A model time as a jCal property; `zoneParam` false writes zone ids as given (no /kolab.org/ rewrite here). */
function timeProperty(name: string, time: EventTime): JCalProperty {
  if ('date' in time) return [name, {}, 'date', time.date];
  if (time.timeZone === 'UTC') return [name, {}, 'date-time', `${time.dateTime}Z`];
  return [name, { tzid: time.timeZone }, 'date-time', time.dateTime];
}

/** An OccurrenceKey written like the master's DTSTART (same value type and TZID, §3.8.5.1). */
function keyProperty(name: string, keys: OccurrenceKey[], start: EventTime): JCalProperty {
  if ('date' in start) return [name, {}, 'date', ...keys.map((k) => k.slice(0, 10))];
  const zoned = keys.map((k) => (k.length === 10 ? `${k}${start.dateTime.slice(10)}` : k));
  if (start.timeZone === 'UTC') return [name, {}, 'date-time', ...zoned.map((k) => `${k}Z`)];
  return [name, { tzid: start.timeZone }, 'date-time', ...zoned];
}

function alarmComponent(alarm: EventAlarm, summary: string): JCalComponent {
  return ['valarm', [
    ['action', {}, 'text', 'DISPLAY'],
    ['description', {}, 'text', alarm.description ?? summary],
    ['trigger', { related: 'START' }, 'duration', minutesDuration(-alarm.minutesBefore)],
  ], []];
}

function fieldProperties(uid: string, fields: EventFields): JCalProperty[] {
  const props: JCalProperty[] = [
    ['uid', {}, 'text', uid],
    ['created', {}, 'date-time', utcValue(fields.created)],
    ['dtstamp', {}, 'date-time', utcValue(fields.lastModified)],
    ['sequence', {}, 'integer', fields.sequence],
    timeProperty('dtstart', fields.start),
    timeProperty('dtend', fields.end),
  ];
  for (const name of ['summary', 'description', 'location'] as const) {
    if (fields[name] !== '') props.push([name, {}, 'text', fields[name]]);
  }
  if (fields.createdBy) props.push([createdByProperty, {}, 'text', fields.createdBy]);
  if (fields.lastModifiedBy) props.push([modifiedByProperty, {}, 'text', fields.lastModifiedBy]);
  return props;
}

/** The event's VEVENTs: the master first, then one per override (same UID, RECURRENCE-ID). */
export function eventToJcal(event: CalendarEvent): JCalComponent[] {
  const props = fieldProperties(event.uid, event);
  if (event.recurrence) props.push(writeRecurrence(event.recurrence, event.start));
  if (event.exceptions.excluded.length > 0) props.push(keyProperty('exdate', [...event.exceptions.excluded].sort(), event.start));
  props.push(...event.extraProperties.map((p) => structuredClone(p)));
  const master: JCalComponent = ['vevent', props, event.alarms.map((a) => alarmComponent(a, event.summary))];
  const overrides = Object.values(event.exceptions.overrides)
    .sort((a, b) => a.recurrenceId.localeCompare(b.recurrenceId))
    .map((o): JCalComponent => [
      'vevent',
      [...fieldProperties(event.uid, o), keyProperty('recurrence-id', [o.recurrenceId], event.start), ...o.extraProperties.map((p) => structuredClone(p))],
      o.alarms.map((a) => alarmComponent(a, o.summary)),
    ]);
  return [master, ...overrides];
}
