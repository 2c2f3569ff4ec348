/**
 * Wall-clock time in an IANA zone ⇄ instants, from the ICU data Node and Chromium ship (Intl),
 * so no VTIMEZONE tables are needed; and the TZID spellings Kolab uses.
 *
 * RFC 5545 §3.3.5: a local time that does not exist (the hour skipped when DST starts) is read
 * with the offset from before the gap; one that exists twice (the hour repeated when DST ends)
 * means the first of the two.
 */
import { AppError } from '../errors';

/** Kolab v3 writes Olson ids under this prefix and no VTIMEZONE (Kolab Format 3, "Timezones"). */
const kolabPrefix = '/kolab.org/';
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `/kolab.org/Europe/Amsterdam` for `Europe/Amsterdam`; ids that already carry a path stay. */
export function kolabTzid(timeZone: string): string {
  return timeZone.startsWith('/') ? timeZone : `${kolabPrefix}${timeZone}`;
}

/**
 * The IANA id inside a TZID: `/kolab.org/Europe/Amsterdam`, `/mozilla.org/20050126_1/Europe/Amsterdam`
 * or a bare id. Unknown ids are refused: guessing a zone would move the person's appointments.
 */
export function ianaFromTzid(tzid: string): string {
  const segments = tzid.split('/').filter((s) => s !== '');
  for (let i = 0; i < segments.length; i++) {
    const candidate = segments.slice(i).join('/');
    if (isKnownTimeZone(candidate)) return candidate;
  }
  throw new AppError('unsupported', `Unknown time zone ${tzid}`);
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** The local wall time `YYYY-MM-DDTHH:mm:ss` as if it were UTC, in ms (a pure calendar number). */
function wallMillis(local: string): number {
  const m = localPattern.exec(local);
  if (!m) throw new AppError('invalidInput', `Not a local date-time: ${local}`);
  const [, year, month, day, hour, minute, second] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
export function offsetAt(instant: number, timeZone: string): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) parts[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant (epoch ms) of a local date-time in a zone, resolving gaps and overlaps as RFC 5545 §3.3.5 says. */
export function utcMillis(local: string, timeZone: string): number {
  const wall = wallMillis(local);
  if (timeZone === 'UTC') return wall;
  const before = offsetAt(wall - dayMs, timeZone);
  const after = offsetAt(wall + dayMs, timeZone);
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  // Overlap: both valid, the earlier instant is the first occurrence. Gap: none valid, use the offset before it.
  return valid.length > 0 ? Math.min(...valid) : wall - before;
}

/** The local wall time `YYYY-MM-DDTHH:mm:ss` of an instant in a zone. */
export function localDateTime(instant: number, timeZone: string): string {
  const wall = new Date(instant + (timeZone === 'UTC' ? 0 : offsetAt(instant, timeZone)));
  return wall.toISOString().slice(0, 19);
}
