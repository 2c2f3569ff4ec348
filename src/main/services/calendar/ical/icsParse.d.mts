import type { JCalProperty } from '../../../../shared/model/calendar';
import type { JCalComponent } from '../jcalModel';

export type JCalendar = [string, JCalProperty[], JCalComponent[]];

/** One VCALENDAR per element, and the events that could not be read. */
export interface ParsedCalendars {
  calendars: JCalendar[];
  failed: { summary: string; reason: string }[];
}

export function parseCalendarText(text: string): ParsedCalendars;
