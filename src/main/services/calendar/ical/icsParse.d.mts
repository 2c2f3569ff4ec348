import type { JCalProperty } from '../../../../shared/model/calendar';
import type { JCalComponent } from '../jcalModel';

export type JCalendar = [string, JCalProperty[], JCalComponent[]];

export function parseCalendarText(text: string): { calendars: JCalendar[]; failed: { summary: string; reason: string }[] };
