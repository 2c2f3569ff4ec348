/**
 * The person's calendar conventions from their locale (issue #5 §3): the first day of the week
 * (Dutch and British: Monday; American: Sunday), 12- or 24-hour clock, the work week and week
 * numbers. From the runtime's CLDR data (Intl.Locale week info; `getWeekInfo()` in newer
 * engines, the `weekInfo` getter in older ones), with a small table where it has none.
 *
 * Days are numbered as Date#getDay: 0 = Sunday … 6 = Saturday.
 */
import { wallMillis, weekdayOf } from './localTime';

export interface WeekInfo {
  /** 0 = Sunday … 6 = Saturday. */
  firstDay: number;
  weekend: number[];
  /** Days of the new year the first week must hold (ISO 8601: 4, so week 1 holds the first Thursday). */
  minimalDays: number;
}

interface IntlWeekInfo {
  firstDay: number;
  weekend: number[];
  minimalDays: number;
}
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => IntlWeekInfo; weekInfo?: IntlWeekInfo };

/** Regions whose week does not start on Monday (CLDR supplemental weekData), for runtimes without week info. */
const sundayStart = new Set(['AG', 'AS', 'BR', 'BS', 'BT', 'BW', 'BZ', 'CA', 'CO', 'DM', 'DO', 'ET', 'GT', 'GU', 'HK', 'HN', 'ID', 'IL', 'IN', 'JM', 'JP', 'KE', 'KH', 'KR', 'LA', 'MH', 'MM', 'MO', 'MT', 'MX', 'MZ', 'NI', 'NP', 'PA', 'PE', 'PH', 'PK', 'PR', 'PT', 'PY', 'SA', 'SG', 'SV', 'TH', 'TT', 'TW', 'UM', 'US', 'VE', 'VI', 'WS', 'YE', 'ZA', 'ZW']);
const saturdayStart = new Set(['AE', 'AF', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LY', 'OM', 'QA', 'SD', 'SY']);
const fridaySaturdayWeekend = new Set(['AE', 'BH', 'DZ', 'EG', 'IL', 'IQ', 'JO', 'KW', 'LY', 'OM', 'QA', 'SA', 'SD', 'SY', 'YE']);

function region(localeTag: string): string {
  try {
    return new Intl.Locale(localeTag).maximize().region ?? '';
  } catch {
    return '';
  }
}

/** The table's answer (also what tests compare the runtime's data with). */
export function fallbackWeekInfo(localeTag: string): WeekInfo {
  const r = region(localeTag);
  const firstDay = sundayStart.has(r) ? 0 : saturdayStart.has(r) ? 6 : 1;
  const weekend = fridaySaturdayWeekend.has(r) ? [5, 6] : r === 'IR' ? [5] : [6, 0];
  // Most Monday-first regions (Europe) count weeks as ISO 8601 does; the others from 1 January's week.
  return { firstDay, weekend, minimalDays: firstDay === 1 ? 4 : 1 };
}

export function weekInfoOf(localeTag: string): WeekInfo {
  try {
    const locale = new Intl.Locale(localeTag) as LocaleWithWeek;
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    // Intl numbers days 1 = Monday … 7 = Sunday.
    if (info) return { firstDay: info.firstDay % 7, weekend: info.weekend.map((d) => d % 7), minimalDays: info.minimalDays };
  } catch {
    // An unusable tag: the table's default below.
  }
  return fallbackWeekInfo(localeTag);
}

export function weekStartOf(localeTag: string): number {
  return weekInfoOf(localeTag).firstDay;
}

/** Whether the locale writes times on a 12-hour clock (en-US 2:30 PM; nl and en-GB 14:30). */
export function uses12Hour(localeTag: string): boolean {
  try {
    const cycle = new Intl.DateTimeFormat(localeTag, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h11' || cycle === 'h12';
  } catch {
    return false;
  }
}

/** The work week's days in week order (nl: Monday … Friday). */
export function workWeekDays(localeTag: string): number[] {
  const { firstDay, weekend } = weekInfoOf(localeTag);
  return Array.from({ length: 7 }, (_, i) => (firstDay + i) % 7).filter((day) => !weekend.includes(day));
}

const dayMs = 86_400_000;

/**
 * The week number of a date (`YYYY-MM-DD`): week 1 is the first week (starting on `firstDay`)
 * with at least `minimalDays` days in the year. Monday and 4 are ISO 8601; Sunday and 1 the US
 * convention. Days before week 1 belong to the previous year's last week.
 */
export function weekNumber(date: string, firstDay: number, minimalDays: number): number {
  const weekStart = (day: string) => wallMillis(day) - ((weekdayOf(day) - firstDay + 7) % 7) * dayMs;
  const firstWeekStart = (year: number) => {
    const jan1 = `${String(year).padStart(4, '0')}-01-01`;
    const start = weekStart(jan1);
    // Days of the new year in the week holding 1 January.
    const inYear = 7 - (wallMillis(jan1) - start) / dayMs;
    return inYear >= minimalDays ? start : start + 7 * dayMs;
  };
  const year = +date.slice(0, 4);
  const own = weekStart(date);
  const next = firstWeekStart(year + 1);
  if (own >= next) return 1;
  const first = firstWeekStart(year);
  const from = own >= first ? first : firstWeekStart(year - 1);
  return Math.round((own - from) / (7 * dayMs)) + 1;
}

export function isoWeekNumber(date: string): number {
  return weekNumber(date, 1, 4);
}

/** The week number the locale shows: ISO 8601 where weeks start on Monday. */
export function localeWeekNumber(date: string, localeTag: string): number {
  const { firstDay, minimalDays } = weekInfoOf(localeTag);
  return firstDay === 1 ? isoWeekNumber(date) : weekNumber(date, firstDay, minimalDays);
}
