/**
 * What the calendar screen shows (issue #5 §3): the kind of view (remembered) and the day it is
 * anchored on. UI state only: events live in the Dexie cache, per-calendar choices in its
 * `calendarPrefs` table.
 */
import type { SliceCreator } from './types';

export const calendarViewModes = ['day', 'workWeek', 'week', 'month', 'agenda'] as const;
export type CalendarViewMode = (typeof calendarViewModes)[number];

export interface CalendarSlice {
  calendarView: CalendarViewMode;
  /** The day the view contains, `YYYY-MM-DD` in the person's zone; null = today (follows midnight). */
  calendarAnchor: string | null;
  setCalendarView(view: CalendarViewMode): void;
  setCalendarAnchor(day: string | null): void;
}

export const createCalendarSlice: SliceCreator<CalendarSlice> = (set) => ({
  calendarView: 'week',
  calendarAnchor: null,
  setCalendarView: (calendarView) =>
    set({ calendarView: (calendarViewModes as readonly string[]).includes(calendarView) ? calendarView : 'week' }),
  setCalendarAnchor: (calendarAnchor) => set({ calendarAnchor }),
});
