/**
 * The in-app reminder panel (issue #5 §6): every reminder due now, each with Snooze (5 min,
 * 15 min, 1 h) and Dismiss, and Dismiss all. What the person does here is theirs alone: it goes
 * to the local `reminderState` table, never to the server, so other members keep their reminders.
 * A region (not a modal dialog): reminders must not take the keyboard from someone typing.
 */
import { useEffect, useState } from 'react';
import { db } from '../../db/db';
import { dismissReminder, snoozeReminder } from '../../db/queries/reminderState';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { openOccurrence } from './notifyReminder';
import { useReminderPanel } from './reminderPanelStore';
import { snoozeChoicesMinutes, type ReminderEntry, type SnoozeMinutes } from './reminderPlan';
import { reminderText } from './reminderWords';
import { replanReminders } from './useReminderScheduler';
import './reminders.css';

const minuteMs = 60_000;

async function act(entries: readonly ReminderEntry[], write: (entry: ReminderEntry, now: number) => Promise<void>): Promise<void> {
  const now = Date.now();
  await Promise.all(entries.map((entry) => write(entry, now)));
  useReminderPanel.getState().remove(entries.map((entry) => entry.alarm.id));
  replanReminders();
}

function useActions() {
  const { t } = useI18n();
  const fail = (error: unknown) =>
    useStore.getState().pushToast('error', t('reminders.failed', { error: describeError(t, toApiError(error)) }));
  return {
    dismiss: (entries: readonly ReminderEntry[]) =>
      act(entries, (entry, now) => dismissReminder(db, entry.alarm.id, entry.alarm.alarmAt, now)).catch(fail),
    snooze: (entry: ReminderEntry, minutes: SnoozeMinutes) =>
      act([entry], (e, now) => snoozeReminder(db, e.alarm.id, e.alarm.alarmAt, now + minutes * minuteMs)).catch(fail),
  };
}

/** Re-renders every minute so "today" and "not today" stay right while the panel is open. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), minuteMs);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function ReminderItem({ entry, calendarName, now }: { entry: ReminderEntry; calendarName: string; now: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const actions = useActions();
  const text = reminderText(entry, i18n, now);
  const snoozeLabel = (minutes: SnoozeMinutes) => t(`reminders.snooze.${minutes}`);
  return (
    <li className="reminder" aria-label={text.title}>
      <div className="reminder__head">
        <button type="button" className="reminder__title" onClick={() => openOccurrence(entry.alarm.occurrence)}>
          {text.title}
        </button>
        {entry.missed && <span className="badge badge--warning">{t('reminders.missed')}</span>}
      </div>
      <p className="reminder__meta">
        {[text.when, text.location, calendarName].filter(Boolean).join(' · ')}
      </p>
      <div className="reminder__actions" role="group" aria-label={t('reminders.snoozeGroup', { title: text.title })}>
        <span className="reminder__snooze" aria-hidden="true">
          {t('reminders.snooze')}
        </span>
        {snoozeChoicesMinutes.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="button button--small button--ghost"
            aria-label={t('reminders.snoozeFor', { title: text.title, duration: snoozeLabel(minutes) })}
            onClick={() => void actions.snooze(entry, minutes)}
          >
            {snoozeLabel(minutes)}
          </button>
        ))}
        <button
          type="button"
          className="button button--small"
          aria-label={t('reminders.dismissOne', { title: text.title })}
          onClick={() => void actions.dismiss([entry])}
        >
          {t('reminders.dismiss')}
        </button>
      </div>
    </li>
  );
}

export function ReminderPanel({ calendarName }: { calendarName(calendarKey: string): string }) {
  const { t } = useI18n();
  const entries = useReminderPanel((state) => state.entries);
  const actions = useActions();
  const now = useMinute();
  if (entries.length === 0) return null;
  return (
    <section className="reminders" role="region" aria-labelledby="reminders-title">
      <div className="reminders__head">
        <h2 id="reminders-title" className="reminders__title">
          {t('reminders.title')}
        </h2>
        <span className="reminders__count" aria-live="polite">
          {t('reminders.count', { count: entries.length })}
        </span>
        <button type="button" className="button button--small" onClick={() => void actions.dismiss(entries)}>
          {t('reminders.dismissAll')}
        </button>
      </div>
      <ul className="reminders__list">
        {entries.map((entry) => (
          <ReminderItem key={entry.alarm.id} entry={entry} calendarName={calendarName(entry.alarm.occurrence.calendarKey)} now={now} />
        ))}
      </ul>
    </section>
  );
}
