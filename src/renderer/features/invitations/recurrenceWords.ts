/**
 * A recurrence rule (RFC 5545 §3.3.10) in words for the invitation card: "Every 2 weeks on
 * Monday and Wednesday, 10 times" / "Elke 2 weken op maandag en woensdag, 10 keer". Covers the
 * rules people make in calendar apps; anything more exotic still reads as its frequency.
 */
import type { Recurrence, Weekday, WeekdayRule } from '../../../shared/model/calendar';
import { isAllDayTime } from '../../../shared/model/calendar';
import type { I18n } from '../../i18n/i18n';

const weekdayIndex: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };

/** 2024-01-01 was a Monday: a fixed week to ask Intl for weekday names. */
function weekdayName(day: Weekday, localeTag: string): string {
  return new Intl.DateTimeFormat(localeTag, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + weekdayIndex[day]));
}

function monthName(month: number, localeTag: string): string {
  return new Intl.DateTimeFormat(localeTag, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, month - 1, 1));
}

function list(items: string[], localeTag: string): string {
  return new Intl.ListFormat(localeTag, { style: 'long', type: 'conjunction' }).format(items);
}

function ordinalWord(n: number, i18n: I18n): string {
  if (n === -1) return i18n.t('invitation.repeat.last');
  if (n >= 1 && n <= 5) return i18n.t(`invitation.repeat.nth.${n as 1 | 2 | 3 | 4 | 5}`);
  return String(n);
}

function dayRule(rule: WeekdayRule, i18n: I18n): string {
  const name = weekdayName(rule.day, i18n.localeTag);
  return rule.ordinal === null ? name : i18n.t('invitation.repeat.ordinalDay', { ordinal: ordinalWord(rule.ordinal, i18n), day: name });
}

export function recurrenceWords(rule: Recurrence, i18n: I18n): string {
  const { t, localeTag } = i18n;
  const count = rule.interval;
  let words = t(`invitation.repeat.${rule.freq}`, { count });
  if (rule.byDay.length > 0) {
    words += ' ' + t('invitation.repeat.onDays', { days: list(rule.byDay.map((d) => dayRule(d, i18n)), localeTag) });
  } else if (rule.byMonthDay.length > 0) {
    words += ' ' + t('invitation.repeat.onMonthDays', { days: list(rule.byMonthDay.map((d) => (d < 0 ? t('invitation.repeat.last') : String(d))), localeTag) });
  }
  if (rule.byMonth.length > 0) words += ' ' + t('invitation.repeat.inMonths', { months: list(rule.byMonth.map((m) => monthName(m, localeTag)), localeTag) });
  if (rule.count !== null) words += t('invitation.repeat.times', { count: rule.count });
  else if (rule.until) {
    const until = isAllDayTime(rule.until) ? rule.until.date : rule.until.dateTime.slice(0, 10);
    const [y, m, d] = until.split('-').map(Number) as [number, number, number];
    const date = new Intl.DateTimeFormat(localeTag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
    words += t('invitation.repeat.until', { date });
  }
  return words;
}
