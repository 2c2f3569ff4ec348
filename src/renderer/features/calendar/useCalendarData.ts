/**
 * What the calendar screen reads from the cache: the calendars (own and shared), the events of
 * the visible ones, and their occurrences in the range on screen — expanded in the renderer
 * (issue #5 §2: "computed in the cache or a worker, not on the server"), memoised so a grid
 * re-render does not expand again.
 */
import { useMemo } from 'react';
import { expandOccurrences, type Occurrence } from '../../calendar/occurrences';
import { useCalendars, useEventsIn, type CalendarInfo } from '../../db/queries/calendar';

export interface CalendarData {
  calendars: CalendarInfo[] | undefined;
  byKey: Map<string, CalendarInfo>;
  occurrences: Occurrence[];
  /** False until the visible calendars' events were read once. */
  loaded: boolean;
}

const none: CalendarInfo[] = [];

export function useCalendarData(range: { start: number; end: number }, timeZone: string): CalendarData {
  const calendars = useCalendars();
  const visibleKeys = useMemo(
    () => (calendars ?? none).filter((calendar) => calendar.prefs.visible).map((calendar) => calendar.key),
    [calendars],
  );
  const events = useEventsIn(visibleKeys);
  const byKey = useMemo(() => new Map((calendars ?? none).map((calendar) => [calendar.key, calendar])), [calendars]);
  const occurrences = useMemo(() => {
    if (!events) return [];
    const shown = new Set(visibleKeys);
    // useEventsIn keeps its previous answer while new keys load: drop a hidden calendar at once.
    const rows = events.filter((row) => shown.has(`${row.accountId}|${row.folderPath}`));
    return expandOccurrences(rows, range, timeZone);
  }, [events, visibleKeys, range, timeZone]);
  return { calendars, byKey, occurrences, loaded: calendars !== undefined && events !== undefined };
}
