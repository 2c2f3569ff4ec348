/**
 * Reminders in the main window (issue #5 §6): the scheduler plus the panel it fills. Mounted once
 * by App.tsx.
 */
import { useCallback } from 'react';
import { ReminderPanel } from './ReminderPanel';
import { useReminderScheduler } from './useReminderScheduler';

export function ReminderCenter() {
  const calendars = useReminderScheduler();
  const calendarName = useCallback(
    (key: string) => {
      const calendar = calendars?.find((candidate) => candidate.key === key);
      return calendar ? calendar.address || calendar.name : '';
    },
    [calendars],
  );
  return <ReminderPanel calendarName={calendarName} />;
}
