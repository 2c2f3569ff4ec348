/**
 * How a reminder reads (issue #5 §6): "info@example.test — Klantbezoek Jansen at 10:00", in the
 * person's language, locale and time zone (Dutch: 24-hour clock).
 */
import { localDateTime } from '../../../shared/calendar/zoneTime';
import type { I18n } from '../../i18n/i18n';
import { viewZone } from '../invitations/eventWhen';
import type { ReminderEntry } from './reminderPlan';

export { viewZone };

function dayOf(epochMs: number, zone: string): string {
  return localDateTime(epochMs, zone).slice(0, 10);
}

export interface ReminderText {
  title: string;
  /** "10:00", "Mon 8 Dec, 10:00" when not today, or the date for an all-day event. */
  when: string;
  location: string;
}

export function reminderText(entry: ReminderEntry, i18n: I18n, now: number, zone = viewZone()): ReminderText {
  const { occurrence } = entry.alarm;
  // Dutch reads the 24-hour clock with two-digit hours (09:45), like the calendar.
  const dutchClock = i18n.language === 'nl' ? { hourCycle: 'h23' as const, hour: '2-digit' as const } : {};
  const title = occurrence.fields.summary.trim() || i18n.t('reminders.untitled');
  let when: string;
  if (occurrence.allDay) {
    // An all-day occurrence's start is midnight in the view zone; show the date only.
    when = new Intl.DateTimeFormat(i18n.localeTag, { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone }).format(occurrence.start);
  } else if (dayOf(occurrence.start, zone) === dayOf(now, zone)) {
    when = new Intl.DateTimeFormat(i18n.localeTag, { hour: 'numeric', minute: '2-digit', timeZone: zone, ...dutchClock }).format(occurrence.start);
  } else {
    when = new Intl.DateTimeFormat(i18n.localeTag, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
      ...dutchClock,
    }).format(occurrence.start);
  }
  return { title, when, location: occurrence.fields.location.trim() };
}
