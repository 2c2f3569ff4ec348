/** Small DueAlarm values for the reminder tests (only what the reminder code reads). */
import type { DueAlarm } from '../../../../../src/renderer/calendar/alarms';

export function dueAlarm(id: string, alarmAt: number, start = alarmAt + 15 * 60_000, summary = id): DueAlarm {
  return {
    id,
    alarmAt,
    occurrence: {
      id: id.replace(/#\d+$/, ''),
      calendarKey: 'acc|shared/info@example.test/Calendar',
      start,
      end: start + 3_600_000,
      allDay: false,
      fields: { summary, location: '' },
    },
  } as unknown as DueAlarm;
}
