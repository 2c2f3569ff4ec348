/**
 * RRULE expansion (RFC 5545 §3.3.10, §3.8.5.3) with ical.js — the renderer's only ical.js
 * importer (eslint). It works on floating wall time in the series' own zone: keys are the
 * local starts (`YYYY-MM-DDTHH:mm:ss`, or dates for all-day series), so a weekly 10:00 stays
 * 10:00 whatever DST does; the caller turns keys into instants.
 *
 * ical.js is guarded against rules a hostile or broken writer can store in a shared calendar:
 *  - a DAILY rule with limiting BY parts (BYMONTH=2;BYMONTHDAY=30, BYMONTHDAY=-1, BYDAY=2MO)
 *    makes ical.js's `next()` search forever, so DAILY is walked here as plain day steps (no
 *    rule subtleties there, and ~10× cheaper than ical.js's iterator) with its BY parts and
 *    COUNT applied by this module; ical.js walks WEEKLY (WKST), MONTHLY and YEARLY (ordinal
 *    weekdays, BYSETPOS);
 *  - BYMONTHDAY is illegal with WEEKLY (§3.3.10) and makes ical.js throw: dropped; ordinals in
 *    BYDAY mean nothing for DAILY/WEEKLY: dropped;
 *  - impossible MONTHLY/YEARLY rules make ical.js return normalised non-dates (Feb 30 → Mar 2):
 *    results outside BYMONTH / BYMONTHDAY are dropped;
 *  - every walk stops at the end of the window or after `maxSteps` steps, whichever is first.
 */
import ICAL from 'ical.js';
import type { CalendarEvent, OccurrenceKey, Recurrence, Weekday } from '../../../shared/model/calendar';
import { isAllDayTime } from '../../../shared/model/calendar';
import { localDateTime, utcMillis } from '../../../shared/calendar/zoneTime';
import { addDays, daysBetween, daysInMonth, wallMillis, weekdayOf } from '../localTime';

/** Enough for COUNT's schema maximum (10,000) and a daily series walked across decades. */
export const defaultMaxSteps = 20_000;

const weekdayCodes: readonly Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface SeriesKeys {
  /** Occurrence keys in [from, to), in order. */
  keys: OccurrenceKey[];
  /** False when the walk stopped early (step cap, or ical.js refused the rule): more may exist. */
  complete: boolean;
}

/** The key of the series' first start: the master's DTSTART as a local value or a date. */
export function seriesStartKey(event: CalendarEvent): OccurrenceKey {
  return isAllDayTime(event.start) ? event.start.date : event.start.dateTime;
}

function timeOf(key: string): ICAL.Time {
  const [year, month, day, hour, minute, second] = key.split(/[-T:]/).map(Number) as number[];
  if (key.length === 10) return ICAL.Time.fromData({ year, month, day, isDate: true });
  return ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false });
}

/** UNTIL as a key comparable with the series' keys (in its zone; a date ends the day). */
function untilKey(event: CalendarEvent, rule: Recurrence): string | null {
  const until = rule.until;
  if (!until) return null;
  if (isAllDayTime(event.start)) return isAllDayTime(until) ? until.date : until.dateTime.slice(0, 10);
  if (isAllDayTime(until)) return `${until.date}T23:59:59`;
  const zone = event.start.timeZone;
  return until.timeZone === zone ? until.dateTime : localDateTime(utcMillis(until.dateTime, until.timeZone), zone);
}

function monthDayMatches(key: string, monthDays: readonly number[]): boolean {
  if (monthDays.length === 0) return true;
  const year = +key.slice(0, 4);
  const month = +key.slice(5, 7);
  const day = +key.slice(8, 10);
  const last = daysInMonth(year, month);
  return monthDays.some((d) => (d > 0 ? d === day : last + d + 1 === day));
}

function monthMatches(key: string, months: readonly number[]): boolean {
  return months.length === 0 || months.includes(+key.slice(5, 7));
}

/** The limiting BY parts of a DAILY rule (§3.3.10 table: BYMONTH, BYMONTHDAY, BYDAY limit DAILY). */
function dailyMatches(key: string, rule: Recurrence): boolean {
  if (!monthMatches(key, rule.byMonth) || !monthDayMatches(key, rule.byMonthDay)) return false;
  return rule.byDay.length === 0 || rule.byDay.some((d) => d.day === weekdayCodes[weekdayOf(key)]);
}

/** Results ical.js gets wrong for impossible rules (see above) are checked here. */
function accepts(key: string, rule: Recurrence): boolean {
  if (rule.freq === 'daily') return dailyMatches(key, rule);
  if (!monthMatches(key, rule.byMonth)) return false;
  return rule.freq === 'weekly' || rule.byDay.length > 0 || monthDayMatches(key, rule.byMonthDay);
}

function ruleData(rule: Recurrence, until: string | null): Parameters<typeof ICAL.Recur.fromData>[0] {
  const data: Parameters<typeof ICAL.Recur.fromData>[0] = {
    freq: rule.freq.toUpperCase() as 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY',
    interval: rule.interval,
  };
  if (until) data.until = timeOf(until);
  if (rule.count !== null) data.count = rule.count;
  if (rule.weekStart) data.wkst = ICAL.Recur.icalDayToNumericDay(rule.weekStart);
  const plainDays = rule.freq === 'weekly';
  if (rule.byDay.length > 0) {
    data.byday = rule.byDay.map((d) => (d.ordinal && !plainDays ? `${d.ordinal}${d.day}` : d.day));
  }
  if (rule.byMonthDay.length > 0 && rule.freq !== 'weekly') data.bymonthday = [...rule.byMonthDay];
  if (rule.byMonth.length > 0) data.bymonth = [...rule.byMonth];
  if (rule.bySetPos.length > 0) data.bysetpos = [...rule.bySetPos];
  return data;
}

/** The key `days` whole days later, same time of day. */
function stepDays(key: string, days: number): string {
  return addDays(key.slice(0, 10), days) + key.slice(10);
}

function monthsBetween(a: string, b: string): number {
  return (+b.slice(0, 4) - +a.slice(0, 4)) * 12 + (+b.slice(5, 7) - +a.slice(5, 7));
}

/** The first of the month `months` after the key's month, same time of day. */
function stepMonths(key: string, months: number): string {
  const index = +key.slice(0, 4) * 12 + (+key.slice(5, 7) - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01${key.slice(10)}`;
}

/**
 * Where to start walking: the series start, or — for rules without COUNT whose pattern repeats
 * every `interval` days, weeks or months — a whole number of periods later and at least one
 * period before `from`, so a series from 1990 costs the same as one from last week. The rule's
 * defaults taken from DTSTART (§3.3.10: weekday, day of month) are made explicit so they survive
 * the move; ical.js returns only occurrences that match the rule from a later anchor.
 */
function walkFrom(start: string, rule: Recurrence, from: string): { anchor: string; rule: Recurrence } {
  if (rule.freq === 'weekly' && rule.byDay.length === 0) rule = { ...rule, byDay: [{ day: weekdayCodes[weekdayOf(start)]!, ordinal: null }] };
  if (rule.count !== null || rule.freq === 'yearly') return { anchor: start, rule };
  if (rule.freq === 'monthly') {
    const periods = Math.floor(monthsBetween(start, from) / rule.interval) - 1;
    if (periods <= 0) return { anchor: start, rule };
    const explicit = rule.byDay.length === 0 && rule.byMonthDay.length === 0 ? { ...rule, byMonthDay: [+start.slice(8, 10)] } : rule;
    return { anchor: stepMonths(start, periods * rule.interval), rule: explicit };
  }
  const period = rule.interval * (rule.freq === 'weekly' ? 7 : 1);
  const periods = Math.floor(daysBetween(start, from) / period) - 1;
  return { anchor: periods > 0 ? stepDays(start, periods * period) : start, rule };
}

function validRule(rule: Recurrence): boolean {
  return Number.isInteger(rule.interval) && rule.interval >= 1 && (rule.count === null || (Number.isInteger(rule.count) && rule.count >= 1));
}

/**
 * Candidate starts in order, null at the end. DAILY is plain day arithmetic (every `interval`
 * days up to UNTIL; its BY parts are applied by `accepts`); the others are ical.js's iterator.
 */
function walker(rule: Recurrence, anchor: string, until: string | null): () => string | null {
  if (rule.freq === 'daily') {
    let next = anchor;
    return () => {
      const key = next;
      next = stepDays(key, rule.interval);
      return until !== null && key > until ? null : key;
    };
  }
  const iterator = ICAL.Recur.fromData(ruleData(rule, until)).iterator(timeOf(anchor));
  return () => iterator.next()?.toString() ?? null;
}

/** Recent walks by content, so re-rendering or revisiting a range costs a lookup. */
const walks = new Map<string, SeriesKeys>();
const maxWalks = 4000;

/**
 * The occurrence keys of a series in [from, to) (keys in the series' form: local date-times, or
 * dates for all-day series). A series whose rule cannot be read yields only its first start.
 * The result is shared (cached): do not change it.
 */
export function seriesKeys(event: CalendarEvent, from: OccurrenceKey, to: OccurrenceKey, maxSteps = defaultMaxSteps): SeriesKeys {
  const id = JSON.stringify([event.start, event.recurrence, from, to, maxSteps]);
  const cached = walks.get(id);
  if (cached) {
    walks.delete(id);
    walks.set(id, cached);
    return cached;
  }
  const walked = walk(event, from, to, maxSteps);
  Object.freeze(walked.keys);
  if (walks.size >= maxWalks) walks.delete(walks.keys().next().value!);
  walks.set(id, walked);
  return walked;
}

/**
 * DTSTART is always the first occurrence, even when the rule would not produce it (§3.8.5.3
 * leaves that case undefined; ical.js's RecurExpansion and Sabre/VObject, which Roundcube's
 * Kolab plugins use, include it), so a series shows wherever its start was put.
 */
function walk(event: CalendarEvent, from: OccurrenceKey, to: OccurrenceKey, maxSteps: number): SeriesKeys {
  const walked = walkRule(event, from, to, maxSteps);
  const start = seriesStartKey(event);
  if (start >= from && start < to && walked.keys[0] !== start) walked.keys.unshift(start);
  return walked;
}

function walkRule(event: CalendarEvent, from: OccurrenceKey, to: OccurrenceKey, maxSteps: number): SeriesKeys {
  const rule = event.recurrence;
  const start = seriesStartKey(event);
  const inWindow = (key: string) => key >= from && key < to;
  if (!rule || !validRule(rule)) return { keys: inWindow(start) ? [start] : [], complete: true };
  const keys: OccurrenceKey[] = [];
  try {
    const { anchor, rule: walked } = walkFrom(start, rule, from);
    const next = walker(walked, anchor, untilKey(event, rule));
    let counted = 0;
    for (let step = 0; step < maxSteps; step++) {
      const key = next();
      if (key === null || key >= to) return { keys, complete: true };
      if (!accepts(key, rule)) continue;
      if (rule.freq === 'daily' && rule.count !== null && ++counted > rule.count) return { keys, complete: true };
      if (inWindow(key)) keys.push(key);
    }
  } catch {
    // ical.js refuses some malformed rules by throwing: keep what was found.
  }
  return { keys, complete: false };
}

/** Whether a key (an EXDATE or RECURRENCE-ID) is one of the series' occurrences; null = could not tell. */
export function isSeriesKey(event: CalendarEvent, key: OccurrenceKey, maxSteps = defaultMaxSteps): boolean | null {
  const found = seriesKeys(event, key, `${key}~`, maxSteps);
  if (found.keys.includes(key)) return true;
  return found.complete ? false : null;
}

/** Minutes of wall time from one key to another (both of the same form). */
export function keyMinutes(from: OccurrenceKey, to: OccurrenceKey): number {
  return Math.round((wallMillis(to) - wallMillis(from)) / 60_000);
}
