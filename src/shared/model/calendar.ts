/**
 * The calendar model both processes share (issue #5). Plain JSON only, like the rest of
 * src/shared/model: it crosses IPC / WebSocket and lives in IndexedDB. The wire format (Kolab v3
 * xCal in an IMAP message) is known only to src/main/services/calendar/kolabCodec.ts.
 *
 * Section numbers refer to RFC 5545 (iCalendar).
 */

/** An all-day value: DATE (§3.3.4), `YYYY-MM-DD`. */
export interface CalendarDate {
  date: string;
}

/**
 * A moment as the person planned it: wall-clock DATE-TIME (§3.3.5 form 3, "with local time and
 * time zone reference") `YYYY-MM-DDTHH:mm:ss` plus an IANA zone id (`Europe/Amsterdam`, or `UTC`).
 * Kept local, not as an instant, so a weekly 10:00 stays at 10:00 across a DST change.
 */
export interface CalendarDateTime {
  dateTime: string;
  timeZone: string;
}

/** DTSTART / DTEND (§3.8.2.4, §3.8.2.2): a date for all-day events, a local date-time otherwise. */
export type EventTime = CalendarDate | CalendarDateTime;

/** Weekday codes of RECUR BYDAY / WKST (§3.3.10). */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const weekdays: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** One BYDAY entry (§3.3.10): `{day: 'TU', ordinal: 2}` is the 2nd Tuesday, ordinal -1 the last. */
export interface WeekdayRule {
  day: Weekday;
  /** null: every such weekday of the period. Only meaningful with monthly/yearly. */
  ordinal: number | null;
}

export type RecurrenceFrequency = 'daily' | 'weekly' | 'monthly' | 'yearly';

/** RRULE (§3.8.5.3, value §3.3.10). At most one of `count` / `until` is set. */
export interface Recurrence {
  freq: RecurrenceFrequency;
  /** INTERVAL, ≥ 1: every `interval` days/weeks/months/years. */
  interval: number;
  /** COUNT: the number of occurrences, counting the first. */
  count: number | null;
  /**
   * UNTIL, inclusive: the last moment an occurrence may start, in the event's own time zone
   * (a date for all-day events). Written as UTC for timed events, as §3.3.10 requires when
   * DTSTART carries a TZID.
   */
  until: EventTime | null;
  byDay: WeekdayRule[];
  /** BYMONTHDAY: 1..31 or -31..-1 (from the end of the month). */
  byMonthDay: number[];
  /** BYMONTH: 1..12. */
  byMonth: number[];
  /** BYSETPOS: picks from the set the other BY parts produce, e.g. -1 with weekdays = last workday. */
  bySetPos: number[];
  /** WKST: only matters for weekly rules with an interval > 1; null = Monday (§3.3.10 default). */
  weekStart: Weekday | null;
}

/**
 * An occurrence key: the original start of one occurrence of a series, as the local value in the
 * master's time zone (`YYYY-MM-DDTHH:mm:ss`) or, for all-day series, the date (`YYYY-MM-DD`).
 * EXDATE (§3.8.5.1) and RECURRENCE-ID (§3.8.4.4) values are normalised to this form on decode.
 */
export type OccurrenceKey = string;

/** VALARM (§3.6.6) with a TRIGGER relative to the start (§3.8.6.3). */
export interface EventAlarm {
  /** Minutes before the start; 0 = at the start, negative = after it. */
  minutesBefore: number;
  /** The alarm's DESCRIPTION; null = use the event's summary. */
  description: string | null;
}

/** The fields an event and one changed occurrence of it share. */
export interface EventFields {
  summary: string;
  location: string;
  description: string;
  start: EventTime;
  /** DTEND (exclusive; for all-day events the day after the last day, §3.6.1). */
  end: EventTime;
  allDay: boolean;
  alarms: EventAlarm[];
  /** SEQUENCE (§3.8.7.4): revision count, raised on changes others should notice. */
  sequence: number;
  /** CREATED (§3.8.7.1), epoch ms. */
  created: number;
  /** DTSTAMP, which Kolab v3 uses as the last-modified time (§3.8.7.2), epoch ms. */
  lastModified: number;
  /**
   * Who created / last changed the event: an email address (`alice@example.test`), stored as the
   * Kolab custom properties X-POSTVAK-CREATED-BY / X-POSTVAK-MODIFIED-BY (Kolab has no standard
   * field; ORGANIZER would turn the event into a meeting invitation, RFC 6638). null = unknown,
   * e.g. events written by other clients.
   */
  createdBy: string | null;
  lastModifiedBy: string | null;
  /**
   * Properties this model does not describe (attendees, categories, class, status …) as jCal
   * property arrays (RFC 7265 §3.4: `[name, params, type, ...values]`), kept so that saving an
   * event another client wrote does not drop them.
   */
  extraProperties: JCalProperty[];
}

/** A changed occurrence: a VEVENT with the master's UID and a RECURRENCE-ID (§3.8.4.4). */
export interface EventOverride extends EventFields {
  recurrenceId: OccurrenceKey;
}

export interface EventExceptions {
  /** EXDATE (§3.8.5.1): deleted occurrences. */
  excluded: OccurrenceKey[];
  /** Changed occurrences, keyed by their RECURRENCE-ID as an OccurrenceKey. */
  overrides: Record<OccurrenceKey, EventOverride>;
}

/** One calendar event, a series (with `recurrence`) or a single appointment. */
export interface CalendarEvent extends EventFields {
  /** UID (§3.8.4.7): globally unique; also the Subject of the Kolab message holding it. */
  uid: string;
  recurrence: Recurrence | null;
  exceptions: EventExceptions;
}

/** jCal property (RFC 7265 §3.4). */
export type JCalProperty = [string, Record<string, string | string[]>, string, ...unknown[]];

export function isAllDayTime(t: EventTime): t is CalendarDate {
  return 'date' in t;
}

/**
 * One event as the cache holds it: the decoded payload of one Kolab message in a calendar
 * folder (issue #5 §2). Rows arrive in `sync.batch` (`events`) with the message summaries.
 */
export interface StoredEvent {
  accountId: string;
  /** The calendar folder (Folder.role === 'calendar'). */
  folderPath: string;
  /** IMAP UID of the message holding the event: with `modseq`, the version a save swaps out. */
  imapUid: number;
  /** CONDSTORE modseq of that message (decimal string), for UNCHANGEDSINCE (RFC 7162 §3.1.3). */
  modseq: string;
  /** The event; null when the payload could not be read (then `error` says why). */
  event: CalendarEvent | null;
  error: string | null;
}

/** The version a save or delete replaces: what the person opened (compare-and-swap). */
export interface EventVersion {
  imapUid: number;
  modseq: string;
}

/**
 * `calendar.save` / `calendar.delete` (issue #5 §5). `conflict`: another member changed or
 * deleted the event after `base` was read; nothing was written. `current` is the server's
 * version now (null = deleted), for the field-by-field choice.
 */
export type CalendarWriteResult =
  | { status: 'saved'; imapUid: number | null }
  | { status: 'conflict'; current: StoredEvent | null };

export interface IcsImportResult {
  imported: number;
  /** Events that were not imported, with the reason (English technical detail). */
  failed: { summary: string; reason: string }[];
}

export interface IcsExport {
  filename: string;
  /** iCalendar text (RFC 5545), with VTIMEZONEs where ical.js has them. */
  ics: string;
}

/** An iTIP message found in a mail (RFC 5546 §1.4: METHOD:REQUEST, CANCEL, PUBLISH …). */
export interface CalendarInvitation {
  method: string;
  events: CalendarEvent[];
  /** ORGANIZER address (mailto: stripped), or null. */
  organizer: string | null;
}
