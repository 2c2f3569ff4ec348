/**
 * An event's fields in words, for the conflict choice and the form's "created by … last changed
 * by …" line: times in the event's own zone, repetition and reminders as sentences.
 */
import type { EventField } from '../../../shared/calendar/merge';
import type { CalendarEvent, EventAlarm, EventTime, Recurrence } from '../../../shared/model/calendar';
import { isAllDayTime } from '../../../shared/model/calendar';
import { utcMillis } from '../../../shared/calendar/zoneTime';
import type { Translate } from '../../i18n/types';
import { addDays } from './calendarDates';

function dateTimeText(time: EventTime, localeTag: string, hour12: boolean): string {
  if (isAllDayTime(time)) {
    return new Intl.DateTimeFormat(localeTag, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${time.date}T12:00:00Z`));
  }
  const format = new Intl.DateTimeFormat(localeTag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: time.timeZone,
    ...(hour12 ? { hour12: true } : { hourCycle: 'h23' as const }),
  });
  return format.format(new Date(utcMillis(time.dateTime, time.timeZone)));
}

export function timeText(event: Pick<CalendarEvent, 'start' | 'end' | 'allDay'>, localeTag: string, hour12: boolean, t: Translate): string {
  if (event.allDay && isAllDayTime(event.end)) {
    const last = { date: addDays(event.end.date, -1) };
    const from = dateTimeText(event.start, localeTag, hour12);
    const to = dateTimeText(last, localeTag, hour12);
    return from === to ? t('calendar.words.allDayOn', { date: from }) : `${from} – ${to}`;
  }
  const { start, end } = event;
  if (!isAllDayTime(start) && !isAllDayTime(end) && start.timeZone === end.timeZone) {
    // One zone: Intl writes the range compactly ("2 Mar 2026, 10:00 – 11:00").
    const format = new Intl.DateTimeFormat(localeTag, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: start.timeZone,
      ...(hour12 ? { hour12: true } : { hourCycle: 'h23' as const }),
    });
    const range = format.formatRange(new Date(utcMillis(start.dateTime, start.timeZone)), new Date(utcMillis(end.dateTime, end.timeZone)));
    return `${range} (${start.timeZone})`;
  }
  const zone = isAllDayTime(start) ? '' : ` (${start.timeZone})`;
  return `${dateTimeText(start, localeTag, hour12)} – ${dateTimeText(end, localeTag, hour12)}${zone}`;
}

export function recurrenceText(recurrence: Recurrence | null, t: Translate): string {
  if (!recurrence) return t('calendar.repeat.none');
  const every = t(`calendar.words.every.${recurrence.freq}`, { count: recurrence.interval });
  const days = recurrence.byDay.length ? ` (${recurrence.byDay.map((rule) => t(`calendar.weekday.${rule.day}`)).join(', ')})` : '';
  const end = recurrence.count
    ? t('calendar.words.times', { count: recurrence.count })
    : recurrence.until
      ? t('calendar.words.until', { date: 'date' in recurrence.until ? recurrence.until.date : recurrence.until.dateTime.slice(0, 10) })
      : '';
  return [every + days, end].filter(Boolean).join(', ');
}

export function reminderText(minutes: number | null, t: Translate): string {
  if (minutes === null) return t('calendar.reminder.none');
  if (minutes === 0) return t('calendar.reminder.atStart');
  if (minutes % 1440 === 0) return t('calendar.reminder.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('calendar.reminder.hours', { count: minutes / 60 });
  return t('calendar.reminder.minutes', { count: minutes });
}

function alarmsText(alarms: readonly EventAlarm[], t: Translate): string {
  return alarms.length === 0 ? reminderText(null, t) : alarms.map((alarm) => reminderText(alarm.minutesBefore, t)).join(', ');
}

/** One field of an event in words (what the conflict dialog shows for each side). */
export function fieldText(event: CalendarEvent, field: EventField, localeTag: string, hour12: boolean, t: Translate): string {
  switch (field) {
    case 'summary':
      return event.summary || t('calendar.untitled');
    case 'location':
    case 'description':
      return event[field] || t('calendar.words.empty');
    case 'time':
      return timeText(event, localeTag, hour12, t);
    case 'recurrence':
      return recurrenceText(event.recurrence, t);
    case 'alarms':
      return alarmsText(event.alarms, t);
    case 'exceptions': {
      const count = event.exceptions.excluded.length + Object.keys(event.exceptions.overrides).length;
      return t('calendar.words.exceptions', { count });
    }
  }
}

/** `createdBy` / `lastModifiedBy` for people: the address, or "someone" for other clients' events. */
export function personText(address: string | null, t: Translate): string {
  return address ?? t('calendar.words.someone');
}
