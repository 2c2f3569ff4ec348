/**
 * Value conversions shared by xCal (RFC 6321 §3.6) and jCal (RFC 7265 §3.6), which write
 * DATE, DATE-TIME, DURATION and RECUR alike: `2026-03-29`, `2026-03-29T10:00:00[Z]`, `-PT15M`.
 */
import type { CalendarDateTime, EventTime } from '../../../shared/model/calendar';
import { localDateTime, utcMillis } from '../../../shared/calendar/zoneTime';

const dayMs = 86_400_000;
const datePattern = /^(\d{4})-?(\d{2})-?(\d{2})$/;
const dateTimePattern = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:\.\d+)?(Z)?$/;

export class ValueError extends Error {
  readonly code = 'calendarValue';
}

/** `YYYY-MM-DD` from DATE in either the jCal or the basic iCalendar form. */
export function parseDate(value: string): string {
  const m = datePattern.exec(value.trim());
  if (!m) throw new ValueError(`Not a DATE: ${value}`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** DATE-TIME → local `YYYY-MM-DDTHH:mm:ss` and whether it was UTC (§3.3.5 form 2). */
export function parseDateTime(value: string): { local: string; utc: boolean } {
  const m = dateTimePattern.exec(value.trim());
  if (!m) throw new ValueError(`Not a DATE-TIME: ${value}`);
  return { local: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`, utc: m[7] === 'Z' };
}

/** Epoch ms as a UTC DATE-TIME value, whole seconds (CREATED and DTSTAMP must be UTC, §3.8.7). */
export function utcValue(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** A DATE-TIME value that must be UTC (CREATED, DTSTAMP) → epoch ms; 0 when absent or unreadable. */
export function instantOf(value: unknown, zone: string): number {
  if (typeof value !== 'string') return 0;
  try {
    const { local, utc } = parseDateTime(value);
    return utcMillis(local, utc ? 'UTC' : zone);
  } catch {
    return 0;
  }
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The instant of a model time (all-day values at midnight UTC: only differences matter then). */
export function timeMillis(time: EventTime): number {
  return 'date' in time ? Date.parse(`${time.date}T00:00:00Z`) : utcMillis(time.dateTime, time.timeZone);
}

/**
 * DURATION (§3.3.6) in its two parts: nominal days (weeks and days follow wall-clock days across
 * DST, §3.3.6 "dur-day") and exact seconds.
 */
export function parseDuration(value: string): { days: number; seconds: number } {
  const m = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim());
  if (!m || value.trim().endsWith('P') || value.trim().endsWith('T')) throw new ValueError(`Not a DURATION: ${value}`);
  const sign = m[1] === '-' ? -1 : 1;
  const n = (s: string | undefined) => (s ? Number(s) : 0);
  return { days: sign * (n(m[2]) * 7 + n(m[3])), seconds: sign * (n(m[4]) * 3600 + n(m[5]) * 60 + n(m[6])) };
}

/** A whole-minute offset as DURATION, in the largest exact unit (`-PT15M`, `-P1D`, `PT0S`). */
export function minutesDuration(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  if (m % 1440 === 0) return `${sign}P${m / 1440}D`;
  if (m % 60 === 0) return `${sign}PT${m / 60}H`;
  return `${sign}PT${m}M`;
}

/** `start` plus a DURATION: days on the wall clock, seconds on the instant line. */
export function addDuration(start: EventTime, duration: { days: number; seconds: number }): EventTime {
  if ('date' in start) return { date: addDays(start.date, duration.days + Math.trunc(duration.seconds / 86_400)) };
  const wallDay = `${addDays(start.dateTime.slice(0, 10), duration.days)}${start.dateTime.slice(10)}`;
  const instant = utcMillis(wallDay, start.timeZone) + duration.seconds * 1000;
  return { dateTime: localDateTime(instant, start.timeZone), timeZone: start.timeZone };
}

/** A local time moved into another zone (same instant). */
export function inZone(time: CalendarDateTime, zone: string): string {
  return time.timeZone === zone ? time.dateTime : localDateTime(utcMillis(time.dateTime, time.timeZone), zone);
}
