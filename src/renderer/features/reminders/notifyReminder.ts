/**
 * Desktop notifications for reminders with the web Notification API — the same route as new-mail
 * notifications (src/renderer/sync/notifyNewMail.ts): Electron's renderer and the browser host
 * alike, only once the person allowed them in Settings. Clicking one focuses the app and opens
 * the event in the calendar.
 */
import { localDateTime } from '../../../shared/calendar/zoneTime';
import { isolate } from '../../../shared/text/bidi';
import type { Occurrence } from '../../calendar/occurrences';
import { currentI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { notificationsSupported } from '../../sync/notifyNewMail';
import type { ReminderEntry } from './reminderPlan';
import { reminderText, viewZone } from './reminderWords';

/** Shows the calendar on the occurrence's day with the occurrence open in the appointment dialog. */
export function openOccurrence(occurrence: Occurrence): void {
  window.focus();
  const store = useStore.getState();
  store.setCalendarAnchor(localDateTime(occurrence.start, viewZone()).slice(0, 10));
  store.setOpenOccurrence({ calendarKey: occurrence.calendarKey, eventUid: occurrence.master.uid, occurrenceKey: occurrence.occurrenceKey });
  store.showScreen({ name: 'calendar' });
}

/**
 * One notification per firing; missed ones (the app was closed) only in the panel, where they
 * are listed together instead of a burst of stale pop-ups.
 */
export function notifyReminders(entries: readonly ReminderEntry[], calendarName: (calendarKey: string) => string, now: number): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  const i18n = currentI18n();
  for (const entry of entries) {
    if (entry.missed) continue;
    const text = reminderText(entry, i18n, now);
    const title = i18n.t(entry.alarm.occurrence.allDay ? 'reminders.notify.titleAllDay' : 'reminders.notify.title', {
      // A stranger's text (an invitation's title, a shared calendar's name) as bidi isolates (issue #10 §3).
      calendar: isolate(calendarName(entry.alarm.occurrence.calendarKey)),
      title: isolate(text.title),
      time: text.when,
    });
    const notification = new Notification(title, {
      body: isolate(text.location),
      // A re-planned firing replaces its notification instead of stacking a copy.
      tag: `postvak-reminder:${entry.alarm.id}`,
    });
    notification.onclick = () => {
      openOccurrence(entry.alarm.occurrence);
      notification.close();
    };
  }
}

/**
 * Says it for screen readers through the app's one polite live region: the panel appears with its
 * content at once, which assistive technology does not reliably read out by itself.
 */
export function announceReminders(entries: readonly ReminderEntry[], now: number): void {
  if (entries.length === 0) return;
  const i18n = currentI18n();
  const current = entries.filter((entry) => !entry.missed);
  const missed = entries.length - current.length;
  const parts = current.map((entry) => {
    const text = reminderText(entry, i18n, now);
    return i18n.t('reminders.announce', { title: text.title, time: text.when });
  });
  if (missed > 0) parts.push(i18n.t('reminders.announceMissed', { count: missed }));
  useStore.getState().announce(parts.join(' '));
}
