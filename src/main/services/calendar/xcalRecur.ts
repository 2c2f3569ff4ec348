/**
 * RECUR values (RFC 5545 §3.3.10) as jCal/xCal write them — an object of lower-case parts,
 * RFC 7265 §3.6.10 — ⇄ the model's Recurrence.
 */
import type { EventTime, Recurrence, RecurrenceFrequency, Weekday, WeekdayRule } from '../../../shared/model/calendar';
import { weekdays } from '../../../shared/model/calendar';
import { localDateTime, utcMillis } from '../../../shared/calendar/zoneTime';
import { parseDate, parseDateTime } from './xcalValues';

const frequencies: Record<string, RecurrenceFrequency> = { DAILY: 'daily', WEEKLY: 'weekly', MONTHLY: 'monthly', YEARLY: 'yearly' };
/** Parts the model describes; a rule with any other (BYWEEKNO, BYHOUR …) is kept verbatim instead. */
const knownParts = new Set(['freq', 'interval', 'count', 'until', 'byday', 'bymonthday', 'bymonth', 'bysetpos', 'wkst']);

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  // ical.js may hand BY* parts as one comma-separated string.
  return items.flatMap((item) => String(item).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

function integers(value: unknown): number[] | null {
  const numbers = list(value).map(Number);
  return numbers.every((n) => Number.isInteger(n)) ? numbers : null;
}

function weekday(value: string): Weekday | null {
  const upper = value.toUpperCase();
  return (weekdays as readonly string[]).includes(upper) ? (upper as Weekday) : null;
}

function byDayRule(value: string): WeekdayRule | null {
  const m = /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(value);
  const day = m?.[2] ? weekday(m[2]) : null;
  if (!m || !day) return null;
  return { day, ordinal: m[1] ? Number(m[1]) : null };
}

/** UNTIL in the master's terms: a date for all-day series, else local time in the master's zone. */
function readUntil(value: string, start: EventTime): EventTime {
  if ('date' in start) return { date: /T/.test(value) ? parseDateTime(value).local.slice(0, 10) : parseDate(value) };
  if (!/T/.test(value)) return { dateTime: `${parseDate(value)}T23:59:59`, timeZone: start.timeZone };
  const { local, utc } = parseDateTime(value);
  return { dateTime: utc ? localDateTime(utcMillis(local, 'UTC'), start.timeZone) : local, timeZone: start.timeZone };
}

/** A RECUR value → Recurrence, or null when the rule uses what the model cannot say. */
export function readRecurrence(value: unknown, start: EventTime): Recurrence | null {
  if (typeof value !== 'object' || value === null) return null;
  const parts = value as Record<string, unknown>;
  if (Object.keys(parts).some((k) => !knownParts.has(k.toLowerCase()))) return null;
  const freq = frequencies[String(parts.freq ?? '').toUpperCase()];
  const byDay = list(parts.byday).map(byDayRule);
  const byMonthDay = integers(parts.bymonthday);
  const byMonth = integers(parts.bymonth);
  const bySetPos = integers(parts.bysetpos);
  // ical.js hands WKST as its weekday number (1 = SU … 7 = SA) rather than the RFC's code.
  const wkst = typeof parts.wkst === 'number' ? ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][parts.wkst - 1] : parts.wkst;
  const weekStart = wkst === undefined ? null : weekday(String(wkst));
  if (!freq || byDay.includes(null) || !byMonthDay || !byMonth || !bySetPos || (wkst !== undefined && !weekStart)) return null;
  const interval = parts.interval === undefined ? 1 : Number(parts.interval);
  const count = parts.count === undefined ? null : Number(parts.count);
  if (!Number.isInteger(interval) || interval < 1 || (count !== null && (!Number.isInteger(count) || count < 1))) return null;
  return {
    freq,
    interval,
    count,
    until: parts.until === undefined ? null : readUntil(String(parts.until), start),
    byDay: byDay.filter((d): d is WeekdayRule => d !== null),
    byMonthDay,
    byMonth,
    bySetPos,
    weekStart,
  };
}

/** UNTIL with DTSTART's value type (§3.3.10); a date under a timed series means the end of that day. */
function untilValue(until: EventTime, start: EventTime): string {
  if ('date' in start) return 'date' in until ? until.date : until.dateTime.slice(0, 10);
  const local = 'date' in until ? { dateTime: `${until.date}T23:59:59`, timeZone: start.timeZone } : until;
  return `${localDateTime(utcMillis(local.dateTime, local.timeZone), 'UTC')}Z`;
}

/** Recurrence → RRULE; UNTIL in UTC for timed series (§3.3.10: required when DTSTART has a TZID). */
export function writeRecurrence(rule: Recurrence, start: EventTime): [string, Record<string, string>, string, Record<string, unknown>] {
  const value: Record<string, unknown> = { freq: rule.freq.toUpperCase() };
  if (rule.until) value.until = untilValue(rule.until, start);
  if (rule.count !== null) value.count = rule.count;
  if (rule.interval !== 1) value.interval = rule.interval;
  if (rule.byDay.length > 0) value.byday = rule.byDay.map((d) => `${d.ordinal ?? ''}${d.day}`);
  if (rule.byMonthDay.length > 0) value.bymonthday = [...rule.byMonthDay];
  if (rule.byMonth.length > 0) value.bymonth = [...rule.byMonth];
  if (rule.bySetPos.length > 0) value.bysetpos = [...rule.bySetPos];
  if (rule.weekStart) value.wkst = rule.weekStart;
  return ['rrule', {}, 'recur', value];
}
