/**
 * Opens the occurrence the reminders asked for (store `openOccurrence`: a reminder's notification
 * or its entry in the panel was clicked) in the appointment dialog, once the calendar screen has
 * its events. Right after the screen opens, the events of the calendars may still be loading while
 * an earlier (empty) answer shows (useEventsIn keeps it), so a request not found yet waits for the
 * next answer; one for a hidden calendar is dropped (the person still sees the calendar on its day).
 */
import { useEffect } from 'react';
import type { Occurrence } from '../../calendar/occurrences';
import { useStore } from '../../store';
import type { CalendarInfo } from '../../db/queries/calendar';
import type { OccurrenceRequest } from '../../store/calendarSlice';

export function findRequested(occurrences: readonly Occurrence[], request: OccurrenceRequest): Occurrence | undefined {
  return occurrences.find(
    (occurrence) =>
      occurrence.calendarKey === request.calendarKey &&
      occurrence.master.uid === request.eventUid &&
      occurrence.occurrenceKey === request.occurrenceKey,
  );
}

export function useRequestedOccurrence(
  occurrences: readonly Occurrence[],
  calendars: readonly CalendarInfo[] | undefined,
  loaded: boolean,
  open: (occurrence: Occurrence) => void,
): void {
  const request = useStore((state) => state.openOccurrence);
  useEffect(() => {
    if (!request || !loaded || !calendars) return;
    const occurrence = findRequested(occurrences, request);
    const shown = calendars.some((calendar) => calendar.key === request.calendarKey && calendar.prefs.visible);
    if (occurrence || !shown) useStore.getState().setOpenOccurrence(null);
    if (occurrence) open(occurrence);
  }, [request, loaded, calendars, occurrences, open]);
}
