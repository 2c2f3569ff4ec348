/**
 * The person's calendar conventions (issue #5 §3): the first day of the week, the work week and
 * 12- or 24-hour time from their locale (src/renderer/calendar/locale; Dutch: Monday, 24-hour),
 * and their time zone.
 */
import { useMemo } from 'react';
import { uses12Hour, weekStartOf, workWeekDays } from '../../calendar/locale';
import type { Language } from '../../i18n/types';
import { useI18n } from '../../i18n/useI18n';

export interface CalendarLocale {
  /** 0 = Sunday, 1 = Monday … */
  weekStart: number;
  /** The work week's weekdays in week order (0 = Sunday …). */
  workDays: number[];
  hour12: boolean;
  /** IANA zone the views are drawn in. */
  timeZone: string;
}

export function calendarLocaleFor(language: Language, localeTag: string): CalendarLocale {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  // Dutch is always 24-hour in this app (as i18n/format), whatever region the system names.
  return { weekStart: weekStartOf(localeTag), workDays: workWeekDays(localeTag), hour12: language === 'nl' ? false : uses12Hour(localeTag), timeZone };
}

export function useCalendarLocale(): CalendarLocale {
  const { language, localeTag } = useI18n();
  return useMemo(() => calendarLocaleFor(language, localeTag), [language, localeTag]);
}
