/** Synthetic calendar events for unit tests (no real person's appointments). */
import type { CalendarEvent, EventOverride, Recurrence, StoredEvent } from '../../../../src/shared/model/calendar';

const stamp = Date.UTC(2026, 0, 5, 9, 0, 0);

/** A one-hour 10:00 Europe/Amsterdam appointment on 2026-03-02 unless told otherwise. */
export function calendarEvent(extra: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'event-1',
    summary: 'Team meeting',
    location: 'Room 1',
    description: '',
    start: { dateTime: '2026-03-02T10:00:00', timeZone: 'Europe/Amsterdam' },
    end: { dateTime: '2026-03-02T11:00:00', timeZone: 'Europe/Amsterdam' },
    allDay: false,
    alarms: [],
    sequence: 0,
    created: stamp,
    lastModified: stamp,
    createdBy: 'alice@example.test',
    lastModifiedBy: 'alice@example.test',
    extraProperties: [],
    recurrence: null,
    exceptions: { excluded: [], overrides: {} },
    ...extra,
  };
}

export function recurrence(extra: Partial<Recurrence> = {}): Recurrence {
  return {
    freq: 'weekly',
    interval: 1,
    count: null,
    until: null,
    byDay: [],
    byMonthDay: [],
    byMonth: [],
    bySetPos: [],
    weekStart: null,
    ...extra,
  };
}

/** An override of `master` for the occurrence `recurrenceId`, with its fields changed by `extra`. */
export function override(master: CalendarEvent, recurrenceId: string, extra: Partial<EventOverride> = {}): EventOverride {
  const { uid: _uid, recurrence: _recurrence, exceptions: _exceptions, ...fields } = master;
  return { ...fields, recurrenceId, ...extra };
}

export function storedEvent(event: CalendarEvent | null, extra: Partial<StoredEvent> = {}): StoredEvent {
  return {
    accountId: 'acc-a',
    folderPath: 'Calendar',
    imapUid: 1,
    modseq: '10',
    event,
    error: event ? null : 'unreadable payload',
    ...extra,
  };
}
