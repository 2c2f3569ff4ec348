/**
 * Input schemas for the calendar (issue #5), used by the contract (api.ts). An event crosses
 * IPC as the plain model of ./model/calendar.ts; these schemas keep a hostile or buggy renderer
 * from writing what the model does not describe (limits are generous for people).
 */
import { z } from 'zod';
import type { CalendarEvent, EventOverride, EventTime, JCalProperty, Recurrence } from './model/calendar';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'local date-time YYYY-MM-DDTHH:mm:ss');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
export const timeZoneSchema = z.string().min(1).max(100).refine(isTimeZone, 'IANA time zone');

export const eventTimeSchema: z.ZodType<EventTime> = z.union([
  z.strictObject({ date }),
  z.strictObject({ dateTime: localDateTime, timeZone: timeZoneSchema }),
]);

const weekday = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
const occurrenceKey = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/, 'occurrence key');

export const recurrenceSchema: z.ZodType<Recurrence> = z.strictObject({
  freq: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
  interval: z.number().int().min(1).max(1000),
  count: z.number().int().min(1).max(10000).nullable(),
  until: eventTimeSchema.nullable(),
  byDay: z.array(z.strictObject({ day: weekday, ordinal: z.number().int().min(-53).max(53).nullable() })).max(7 * 6),
  byMonthDay: z.array(z.number().int().min(-31).max(31)).max(62),
  byMonth: z.array(z.number().int().min(1).max(12)).max(12),
  bySetPos: z.array(z.number().int().min(-366).max(366)).max(20),
  weekStart: weekday.nullable(),
});

const jcalProperty = z
  .tuple([z.string().min(1).max(100), z.record(z.string(), z.union([z.string(), z.array(z.string())])), z.string().max(40)], z.unknown())
  .refine((p) => JSON.stringify(p).length <= 100_000, 'property too large') as unknown as z.ZodType<JCalProperty>;

const text = (max: number) => z.string().max(max);
const email = z.string().trim().max(320);

const eventFields = {
  summary: text(1000),
  location: text(1000),
  description: text(100_000),
  start: eventTimeSchema,
  end: eventTimeSchema,
  allDay: z.boolean(),
  alarms: z.array(z.strictObject({ minutesBefore: z.number().int().min(-525_600).max(525_600), description: text(1000).nullable() })).max(10),
  sequence: z.number().int().min(0).max(1_000_000),
  created: z.number().int().min(0),
  lastModified: z.number().int().min(0),
  createdBy: email.nullable(),
  lastModifiedBy: email.nullable(),
  extraProperties: z.array(jcalProperty).max(500),
};

export const eventOverrideSchema: z.ZodType<EventOverride> = z.strictObject({ ...eventFields, recurrenceId: occurrenceKey });

export const calendarEventSchema: z.ZodType<CalendarEvent> = z.strictObject({
  ...eventFields,
  uid: z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'event UID (printable ASCII, no spaces)'),
  recurrence: recurrenceSchema.nullable(),
  exceptions: z.strictObject({
    excluded: z.array(occurrenceKey).max(5000),
    overrides: z.record(occurrenceKey, eventOverrideSchema),
  }),
});

export const eventVersionSchema = z.strictObject({
  imapUid: z.number().int().min(1).max(0xffffffff),
  modseq: z.string().regex(/^\d{1,20}$/),
});
