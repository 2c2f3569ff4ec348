/**
 * The one codec between Postvak's CalendarEvent and Kolab v3 event objects (issue #5 §1; the
 * format as /work/shared/notes/calendar.md records it): one IMAP message per event, Subject = UID,
 * the event (master plus RECURRENCE-ID overrides) as xCal (RFC 6321) in a kolab.xml part.
 */
import type { CalendarEvent } from '../../../shared/model/calendar';
import { eventToJcal, jcalToEvent } from './jcalModel';
import { buildKolabMime, kolabEventType, readKolabMime } from './kolabMime';
import { readKolabXcal } from './xcalRead';
import { writeKolabXcal } from './xcalWrite';

export const kolabProdid = '-//Postvak//Postvak Calendar//EN';

/** A Kolab message or payload that cannot be read as an event; `message` says why (English, technical). */
export class CalendarFormatError extends Error {
  readonly code = 'calendarFormat';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CalendarFormatError';
  }
}

/** The xCal payload alone (what goes into kolab.xml). */
export function kolabEventXml(event: CalendarEvent): string {
  return writeKolabXcal(eventToJcal(event), kolabProdid);
}

/** The whole RFC 5322 message to APPEND to the calendar folder. `now` is the Date header. */
export function encodeKolabMessage(event: CalendarEvent, options: { from: string; now: number }): Buffer {
  return buildKolabMime({ uid: event.uid, from: options.from, date: new Date(options.now), xml: kolabEventXml(event) });
}

/** Reads a Kolab event message; anything unreadable throws CalendarFormatError, never another error. */
export function decodeKolabMessage(source: Buffer): CalendarEvent {
  try {
    const envelope = readKolabMime(source);
    if (envelope.kolabType !== null && envelope.kolabType !== kolabEventType) {
      throw new CalendarFormatError(`Not a Kolab event but ${envelope.kolabType}`);
    }
    return jcalToEvent(readKolabXcal(envelope.xml));
  } catch (error) {
    if (error instanceof CalendarFormatError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CalendarFormatError(`Unreadable Kolab event: ${reason}`, { cause: error });
  }
}
