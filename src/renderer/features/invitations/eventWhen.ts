/**
 * When an event takes place, in the person's language and time zone: "Monday 8 December 2026,
 * 10:00 – 11:00". All-day events (DATE values, RFC 5545 §3.6.1: DTEND is the day after the last
 * day) read as dates.
 */
import { utcMillis } from '../../../shared/calendar/zoneTime';
import { isAllDayTime, type EventFields, type EventTime } from '../../../shared/model/calendar';
import type { I18n } from '../../i18n/i18n';

/** The zone the person reads times in: the device's. */
export function viewZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function dateUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The instant of a value: a timed one in its own zone, a date at midnight UTC (only ever formatted in UTC). */
function instantOf(time: EventTime): number {
  return isAllDayTime(time) ? dateUtc(time.date) : utcMillis(time.dateTime, time.timeZone);
}

export function eventWhen(fields: Pick<EventFields, 'start' | 'end' | 'allDay'>, i18n: I18n, zone: string): string {
  const { localeTag, language } = i18n;
  const { start, end } = fields;
  if (isAllDayTime(start)) {
    const first = dateUtc(start.date);
    const last = isAllDayTime(end) ? Math.max(first, dateUtc(end.date) - 86_400_000) : first;
    const format = new Intl.DateTimeFormat(localeTag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    return last === first ? format.format(first) : format.formatRange(first, last);
  }
  const from = instantOf(start);
  const to = Math.max(from, instantOf(end));
  const format = new Intl.DateTimeFormat(localeTag, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    ...(language === 'nl' ? { hourCycle: 'h23' as const, hour: '2-digit' as const } : {}),
  });
  return to === from ? format.format(from) : format.formatRange(from, to);
}
