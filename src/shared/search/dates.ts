/**
 * Days as people type them in a search (issue #13 §2: "dates in the user's locale and ISO").
 * `before:` / `after:` name a calendar day; the query holds the start of that day in the
 * person's time zone, so "after:7-12-2026" means from local midnight on, as Gmail reads it.
 *
 * The numeric order of day, month and year comes from the locale (Intl): nl and en-GB read
 * `7/12/2026` as 7 December, en-US as 12 July. A leading four-digit year is always ISO order
 * (`2026-12-07`, Gmail's `2026/12/07`). Pure: no clock of its own, `now` comes from the caller.
 */

export interface DayOptions {
  locale: string;
  now: number;
  /** IANA zone; default (or when the runtime does not know it) the runtime's own zone. */
  timeZone?: string;
}

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export type DayOrder = 'dmy' | 'mdy' | 'ymd';

const msPerDay = 86_400_000;
/** ECMAScript's time value range (ECMA-262 §21.4.1.1). */
const maxTime = 8.64e15;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A cached formatter giving a zone's wall clock, or null when the zone is unknown to Intl. */
function wallClock(timeZone: string): Intl.DateTimeFormat | null {
  let fmt = formatters.get(timeZone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      fmt = null;
    }
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

function zoneParts(ms: number, fmt: Intl.DateTimeFormat): CalendarDay & { hour: number; minute: number; second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of fmt.formatToParts(ms)) if (Object.hasOwn(out, p.type)) out[p.type as keyof typeof out] = Number(p.value);
  return out;
}

/** The zone's offset from UTC at instant `ms`, in ms (positive east of Greenwich). */
function offsetAt(ms: number, fmt: Intl.DateTimeFormat): number {
  const p = zoneParts(ms, fmt);
  const wall = utc(p.year, p.month, p.day) + ((p.hour * 60 + p.minute) * 60 + p.second) * 1000;
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Date.UTC without its 0–99 → 1900s quirk. */
function utc(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

function validZone(timeZone: string | undefined): Intl.DateTimeFormat | null {
  return timeZone ? wallClock(timeZone) : null;
}

/** Epoch ms of local midnight starting the day, in `timeZone` (default the runtime's zone). */
export function startOfDay(day: CalendarDay, timeZone?: string): number {
  const fmt = validZone(timeZone);
  if (!fmt) {
    const d = new Date(0);
    d.setFullYear(day.year, day.month - 1, day.day);
    d.setHours(0, 0, 0, 0);
    return d.getTime();
  }
  const guess = utc(day.year, day.month, day.day);
  const first = guess - offsetAt(guess, fmt);
  const second = offsetAt(first, fmt);
  // A DST change between the guess and the answer: the offset at the answer is the right one.
  return guess - second === first ? first : guess - second;
}

/** The calendar day instant `ms` falls on in `timeZone` (default the runtime's zone). */
export function calendarDay(ms: number, timeZone?: string): CalendarDay {
  const fmt = validZone(timeZone);
  if (!fmt) {
    const d = new Date(ms);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  }
  const p = zoneParts(ms, fmt);
  return { year: p.year, month: p.month, day: p.day };
}

const orders = new Map<string, DayOrder>();

/** The order of day, month and year in the locale's numeric dates; dmy where Intl does not know the locale. */
export function dayOrder(locale: string): DayOrder {
  let order = orders.get(locale);
  if (!order) {
    order = 'dmy';
    try {
      const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
        .formatToParts(utc(2026, 12, 7))
        .map((p) => p.type)
        .filter((t) => t === 'day' || t === 'month' || t === 'year');
      const found = parts.map((t) => t[0]).join('');
      if (found === 'dmy' || found === 'mdy' || found === 'ymd') order = found;
    } catch {
      // An unknown or malformed locale tag: keep the European order.
    }
    orders.set(locale, order);
  }
  return order;
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 1) - msPerDay).getUTCDate();
}

function valid(day: CalendarDay): CalendarDay | null {
  const { year, month } = day;
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return null;
  if (day.day < 1 || day.day > daysInMonth(year, month)) return null;
  return day;
}

const wordsBack: Record<string, number> = { today: 0, vandaag: 0, yesterday: 1, gisteren: 1, eergisteren: 2 };

/**
 * The calendar day a typed date names, or null: ISO `2026-12-07` / `2026/12/07`, the locale's
 * numeric order with `-`, `/` or `.` (`7-12-2026`, `12/7/2026`, two-digit years as 20xx), a
 * day and month without year (this year), a month by name in English or Dutch (`7 dec 2026`,
 * `7-okt`, `Dec 7, 2026`), and `today` / `yesterday` (also Dutch).
 */
export function parseCalendarDay(text: string, options: DayOptions): CalendarDay | null {
  const t = text.trim().toLowerCase();
  const back = wordsBack[t];
  if (back !== undefined) {
    const today = calendarDay(options.now, options.timeZone);
    const d = new Date(utc(today.year, today.month, today.day) - back * msPerDay);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (iso) return valid({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) });
  const m = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(t);
  if (!m) return namedMonth(t, options);
  const year = m[4] === undefined ? calendarDay(options.now, options.timeZone).year : m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  const a = Number(m[1]);
  const b = Number(m[3]);
  return dayOrder(options.locale) === 'mdy' ? valid({ year, month: a, day: b }) : valid({ year, month: b, day: a });
}

const monthNames = [
  ['january', 'januari'],
  ['february', 'februari'],
  ['march', 'maart', 'mrt'],
  ['april'],
  ['may', 'mei'],
  ['june', 'juni'],
  ['july', 'juli'],
  ['august', 'augustus'],
  ['september', 'sept'],
  ['october', 'oktober', 'okt'],
  ['november'],
  ['december'],
];

/** The month a word names in English or Dutch (`dec`, `december`, `mrt`, `okt`), or 0. */
function monthOf(word: string): number {
  const w = word.replace(/\.$/, '');
  if (w.length < 3) return 0;
  const hits = new Set<number>();
  monthNames.forEach((names, i) => {
    if (names.some((name) => name.startsWith(w))) hits.add(i + 1);
  });
  return hits.size === 1 ? [...hits][0] ?? 0 : 0;
}

/** `7 december 2026`, `7-dec-2026` (also IMAP's form), `dec 7, 2026`, `7 dec` (this year). */
function namedMonth(t: string, options: DayOptions): CalendarDay | null {
  const thisYear = (): number => calendarDay(options.now, options.timeZone).year;
  const dm = /^(\d{1,2})[-/. ]*([a-z]+\.?)[-/., ]*(\d{4})?$/.exec(t);
  if (dm) {
    const month = monthOf(dm[2] ?? '');
    return month ? valid({ year: dm[3] ? Number(dm[3]) : thisYear(), month, day: Number(dm[1]) }) : null;
  }
  const md = /^([a-z]+\.?)[-/. ]*(\d{1,2})(?:(?:,\s*|[-/. ]+)(\d{4}))?$/.exec(t);
  if (md) {
    const month = monthOf(md[1] ?? '');
    return month ? valid({ year: md[3] ? Number(md[3]) : thisYear(), month, day: Number(md[2]) }) : null;
  }
  return null;
}

/** Start of the day a typed date names (see parseCalendarDay), or null. */
export function parseDay(text: string, options: DayOptions): number | null {
  const day = parseCalendarDay(text, options);
  return day ? startOfDay(day, options.timeZone) : null;
}

/**
 * Gmail's `older_than:` / `newer_than:` amounts: `2d`, `3w`, `1m`, `1y` (also Dutch `j` for
 * jaar), counted back from `now`. Months and years are calendar months and years.
 */
export function parseAge(text: string, now: number): number | null {
  const m = /^(\d{1,6})([dwmyj])$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'd').toLowerCase();
  let ms: number;
  if (unit === 'd' || unit === 'w') {
    ms = now - n * (unit === 'w' ? 7 : 1) * msPerDay;
  } else {
    const d = new Date(now);
    const months = unit === 'm' ? n : n * 12;
    const total = d.getUTCFullYear() * 12 + d.getUTCMonth() - months;
    const year = Math.floor(total / 12);
    const month = total - year * 12 + 1;
    const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
    ms = utc(year, month, day) + (now - utc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  }
  ms = Math.floor(ms);
  return Number.isFinite(ms) && Math.abs(ms) <= maxTime ? ms : null;
}

/** True for what parseAge reads (so the canonical text can say `older_than:` again). */
export const isAgeText = (text: string): boolean => /^\d{1,6}[dwmyj]$/i.test(text.trim());

/** A day as the locale writes it with digits (`7-12-2026` nl, `12/7/2026` en-US), which parseDay reads back. */
export function formatDay(ms: number, locale: string, timeZone?: string): string {
  const { year, month, day } = calendarDay(ms, timeZone);
  const order = dayOrder(locale);
  if (order === 'ymd') return isoDay(ms, timeZone);
  const sep = locale.toLowerCase().startsWith('nl') ? '-' : '/';
  return order === 'mdy' ? `${month}${sep}${day}${sep}${year}` : `${day}${sep}${month}${sep}${year}`;
}

/** `2026-12-07` for the day instant `ms` falls on. */
export function isoDay(ms: number, timeZone?: string): string {
  const { year, month, day } = calendarDay(ms, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
