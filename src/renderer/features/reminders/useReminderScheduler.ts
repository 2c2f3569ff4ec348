/**
 * Runs the reminder scheduler in the main window (issue #5 §6): reads every calendar with
 * reminders on (the person's own choice per calendar, default on) live from the cache and hands
 * its events to the scheduler, which plans again on every change.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { StoredEvent } from '../../../shared/model/calendar';
import { alarmsBetween } from '../../calendar/alarms';
import { db } from '../../db/db';
import { useCalendars, useEventsIn, type CalendarInfo } from '../../db/queries/calendar';
import { loadReminderState, pruneReminderState, setLastReminderCheck } from '../../db/queries/reminderState';
import { sessionStartedAt } from '../../sessionStart';
import { announceReminders, notifyReminders } from './notifyReminder';
import { useReminderPanel } from './reminderPanelStore';
import { byMailbox, missedLookbackMs } from './reminderPlan';
import { ReminderScheduler } from './reminderScheduler';
import { viewZone } from './reminderWords';

let active: ReminderScheduler | null = null;

/** Plans again now: after the person snoozed or dismissed. */
export function replanReminders(): void {
  active?.plan();
}

const noKeys: string[] = [];

/** Held by the one window that reminds (Web Locks API): two tabs of the browser host must not both notify. */
const lockName = 'postvak.reminders';

function createScheduler(calendarsRef: { current: CalendarInfo[] }): ReminderScheduler {
  return new ReminderScheduler({
    now: () => Date.now(),
    startedAt: sessionStartedAt,
    alarmsBetween: (list, from, to) => {
      const shared = new Map(calendarsRef.current.filter((calendar) => calendar.kind === 'shared').map((calendar) => [calendar.key, calendar.address]));
      return alarmsBetween([...list], from, to, viewZone()).map((alarm) => byMailbox(alarm, (key) => shared.get(key)));
    },
    loadState: () => loadReminderState(db),
    saveLastCheck: (at) => setLastReminderCheck(db, at),
    fire(entries) {
      useReminderPanel.getState().add(entries);
      const byKey = new Map(calendarsRef.current.map((calendar) => [calendar.key, calendar]));
      notifyReminders(entries, (key) => byKey.get(key)?.address || byKey.get(key)?.name || '', Date.now());
      announceReminders(entries, Date.now());
    },
    current: (alarms) => useReminderPanel.getState().refresh(alarms),
    onError: (error) => console.error('reminders', error),
  });
}

/** Returns the calendars it read (the panel names each reminder's calendar with them). */
export function useReminderScheduler(): CalendarInfo[] | undefined {
  const calendars = useCalendars();
  const keys = useMemo(
    () => (calendars ? calendars.filter((calendar) => calendar.prefs.reminders).map((calendar) => calendar.key) : noKeys),
    [calendars],
  );
  const events = useEventsIn(keys);
  const calendarsRef = useRef<CalendarInfo[]>([]);
  // Until the calendars are read, an empty list would look like "no events": null = not yet.
  const ready = calendars !== undefined && events !== undefined ? events : null;
  const eventsRef = useRef<StoredEvent[] | null>(null);

  useEffect(() => {
    calendarsRef.current = calendars ?? [];
  }, [calendars]);

  useEffect(() => {
    eventsRef.current = ready;
    if (ready) active?.setEvents(ready);
  }, [ready]);

  useEffect(() => {
    let scheduler: ReminderScheduler | null = null;
    let release: (() => void) | null = null;
    let stopped = false;
    const run = () => {
      scheduler = createScheduler(calendarsRef);
      active = scheduler;
      void pruneReminderState(db, Date.now() - 2 * missedLookbackMs).catch(() => undefined);
      if (eventsRef.current) scheduler.setEvents(eventsRef.current);
    };
    if (typeof navigator !== 'undefined' && navigator.locks) {
      // Granted at once in the only window; another tab waits and takes over when this one closes.
      void navigator.locks
        .request(lockName, () =>
          new Promise<void>((resolve) => {
            release = resolve;
            if (stopped) resolve();
            else run();
          }),
        )
        .catch((error: unknown) => console.error('reminders', error));
    } else {
      run();
    }
    return () => {
      stopped = true;
      scheduler?.stop();
      if (active === scheduler) active = null;
      release?.();
    };
  }, []);
  return calendars;
}
