/**
 * What the calendar screen shows (issue #5 §3): the kind of view (remembered) and the day it is
 * anchored on. UI state only: events live in the Dexie cache, per-calendar choices in its
 * `calendarPrefs` table.
 */
import type { SliceCreator } from './types';

export const calendarViewModes = ['day', 'workWeek', 'week', 'month', 'agenda'] as const;
export type CalendarViewMode = (typeof calendarViewModes)[number];

/** One occurrence to show in the appointment dialog (a reminder was clicked); occurrenceKey null = not recurring. */
export interface OccurrenceRequest {
  calendarKey: string;
  eventUid: string;
  occurrenceKey: string | null;
}

export interface CalendarSlice {
  calendarView: CalendarViewMode;
  /** The day the view contains, `YYYY-MM-DD` in the person's zone; null = today (follows midnight). */
  calendarAnchor: string | null;
  setCalendarView(view: CalendarViewMode): void;
  /** Asked for by the reminders; the calendar screen opens it once its events are loaded, then clears it. */
  openOccurrence: OccurrenceRequest | null;
  setCalendarAnchor(day: string | null): void;
  setOpenOccurrence(request: OccurrenceRequest | null): void;
}

export const createCalendarSlice: SliceCreator<CalendarSlice> = (set) => ({
  calendarView: 'week',
  calendarAnchor: null,
  openOccurrence: null,
  setCalendarView: (calendarView) =>
    set({ calendarView: (calendarViewModes as readonly string[]).includes(calendarView) ? calendarView : 'week' }),
  setCalendarAnchor: (calendarAnchor) => set({ calendarAnchor }),
  setOpenOccurrence: (openOccurrence) => set({ openOccurrence }),
});
