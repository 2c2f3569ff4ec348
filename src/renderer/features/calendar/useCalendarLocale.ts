/**
 * The person's calendar conventions (issue #5 §3): the first day of the week and 12- or 24-hour
 * time from their locale (Dutch: Monday, 24-hour), and their time zone.
 */
import { useMemo } from 'react';
import type { Language } from '../../i18n/types';
import { useI18n } from '../../i18n/useI18n';

export interface CalendarLocale {
  /** 0 = Sunday, 1 = Monday … */
  weekStart: number;
  hour12: boolean;
  /** IANA zone the views are drawn in. */
  timeZone: string;
}

interface WeekInfoLocale extends Intl.Locale {
  getWeekInfo?(): { firstDay: number };
  weekInfo?: { firstDay: number };
}

export function calendarLocaleFor(language: Language, localeTag: string): CalendarLocale {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  if (language === 'nl') return { weekStart: 1, hour12: false, timeZone };
  let weekStart = 1;
  try {
    const locale = new Intl.Locale(localeTag) as WeekInfoLocale;
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info) weekStart = info.firstDay % 7;
  } catch {
    // An unknown tag keeps ISO 8601's Monday.
  }
  const hour12 = new Intl.DateTimeFormat(localeTag, { hour: 'numeric' }).resolvedOptions().hour12 ?? false;
  return { weekStart, hour12, timeZone };
}

export function useCalendarLocale(): CalendarLocale {
  const { language, localeTag } = useI18n();
  return useMemo(() => calendarLocaleFor(language, localeTag), [language, localeTag]);
}
