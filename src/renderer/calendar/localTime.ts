/**
 * Arithmetic on wall-clock values without a zone: `YYYY-MM-DDTHH:mm:ss` date-times and
 * `YYYY-MM-DD` dates (the forms of src/shared/model/calendar.ts). Done on UTC numbers so no
 * DST rule applies: adding a day to 10:00 gives 10:00, whatever the zone does that night.
 */
const dayMs = 86_400_000;
const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/;

/** The wall value as if it were UTC, in ms. */
export function wallMillis(local: string): number {
  const m = pattern.exec(local);
  if (!m) throw new RangeError(`Not a local date or date-time: ${local}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

export function wallDateTime(millis: number): string {
  return new Date(millis).toISOString().slice(0, 19);
}

export function wallDate(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

/** Adds wall-clock minutes to a local date-time. */
export function addWallMinutes(local: string, minutes: number): string {
  return wallDateTime(wallMillis(local) + minutes * 60_000);
}

export function addDays(date: string, days: number): string {
  return wallDate(wallMillis(date) + days * dayMs);
}

/** Whole days from `a` to `b` (dates or date-times; the time of day is ignored). */
export function daysBetween(a: string, b: string): number {
  return Math.round((wallMillis(b.slice(0, 10)) - wallMillis(a.slice(0, 10))) / dayMs);
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function weekdayOf(local: string): number {
  return new Date(wallMillis(local.slice(0, 10))).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
