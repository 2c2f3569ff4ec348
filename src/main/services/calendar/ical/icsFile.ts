/**
 * .ics files (RFC 5545) ⇄ CalendarEvents, for import/export (issue #5 §7) and invitations in mail
 * (§8, RFC 5546). ical.js writes the text here and parses it in icsParse.mjs (also run by the parse
 * worker); jcalModel maps its jCal (RFC 7265) to the model, exactly as the Kolab codec does.
 */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { CalendarEvent, JCalProperty } from '../../../../shared/model/calendar';
import { eventToJcal, jcalToEvent, type JCalComponent } from '../jcalModel';
import { parseCalendarText, type JCalendar, type ParsedCalendars } from './icsParse.mjs';
import { vtimezoneText, zoneResolver } from './icsZones';

export interface IcsParseResult {
  /** METHOD (RFC 5546 §1.4) in upper case, or null for a plain calendar file. */
  method: string | null;
  /** The first event's ORGANIZER address, `mailto:` stripped. */
  organizer: string | null;
  events: CalendarEvent[];
  /** Events that could not be read, with the reason (English technical detail). */
  failed: { summary: string; reason: string }[];
}

const prodid = '-//Postvak//Postvak Calendar//EN';

const propValue = (props: JCalProperty[], name: string): unknown => props.find((p) => p[0] === name)?.[3];
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reads a file: VEVENTs grouped by UID into master + overrides (RFC 5545 §3.8.4.4). */
export function parseIcs(text: string): IcsParseResult {
  return icsFromJcal(parseCalendarText(text));
}

/**
 * The model from parsed jCal (parseCalendarText, here or in the parse worker): linear in the
 * events; the text parsing, whose cost the sender decides, is icsParse.mjs's.
 */
export function icsFromJcal(parsed: ParsedCalendars): IcsParseResult {
  const result = emptyResult(parsed);
  for (const step of mapCalendars(parsed, result)) void step;
  return result;
}

/**
 * The same on main's event loop for mail (issue #10 §1): hundreds of events take 50–200 ms to
 * map, so the work yields to the loop every `sliceMs` and other calls keep being answered.
 */
export async function icsFromJcalSliced(parsed: ParsedCalendars, sliceMs = 8): Promise<IcsParseResult> {
  const result = emptyResult(parsed);
  let sliceStart = performance.now();
  for (const step of mapCalendars(parsed, result)) {
    void step;
    if (performance.now() - sliceStart < sliceMs) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
  return result;
}

const emptyResult = (parsed: ParsedCalendars): IcsParseResult => ({ method: null, organizer: null, events: [], failed: [...parsed.failed] });

/** Fills `result`, yielding after each event group (a point where the caller may pause). */
function* mapCalendars(parsed: ParsedCalendars, result: IcsParseResult): Generator<void> {
  for (const [, props, components] of parsed.calendars) {
    const method = propValue(props, 'method');
    if (typeof method === 'string' && result.method === null) result.method = method.trim().toUpperCase();
    const locations = new Map<string, string>();
    for (const zone of components.filter((c) => c[0] === 'vtimezone')) {
      const tzid = propValue(zone[1], 'tzid');
      if (typeof tzid === 'string') locations.set(tzid, String(propValue(zone[1], 'x-lic-location') ?? ''));
    }
    const zoneOf = zoneResolver(locations);
    const groups = new Map<string, JCalComponent[]>();
    for (const vevent of components.filter((c) => c[0] === 'vevent')) {
      let uid = String(propValue(vevent[1], 'uid') ?? '').trim();
      if (uid === '') {
        // RFC 5545 requires a UID; files from some exporters lack one. Derive a stable one.
        uid = `ics-${createHash('sha256').update(JSON.stringify(vevent)).digest('hex').slice(0, 32)}`;
        vevent[1].push(['uid', {}, 'text', uid]);
      }
      const group = groups.get(uid);
      if (group) group.push(vevent);
      else groups.set(uid, [vevent]);
      if (result.organizer === null) {
        const organizer = propValue(vevent[1], 'organizer');
        if (typeof organizer === 'string') result.organizer = organizer.replace(/^mailto:/i, '').trim() || null;
      }
    }
    yield;
    for (const group of groups.values()) {
      try {
        result.events.push(jcalToEvent(group, { zoneOf }));
      } catch (error) {
        result.failed.push({ summary: String(propValue(group[0]?.[1] ?? [], 'summary') ?? ''), reason: reason(error) });
      }
      yield;
    }
  }
}

function zonesUsed(components: JCalComponent[], into: Set<string>): void {
  for (const [, props, children] of components) {
    for (const [, params] of props) {
      const tzid = params.tzid;
      for (const zone of Array.isArray(tzid) ? tzid : tzid ? [tzid] : []) into.add(zone);
    }
    zonesUsed(children, into);
  }
}

/** A VCALENDAR with the events and a VTIMEZONE for every zone they use (§3.6.5). */
export function writeIcs(events: CalendarEvent[]): string {
  const vevents = events.flatMap(eventToJcal);
  const zones = new Set<string>();
  zonesUsed(vevents, zones);
  const vtimezones: JCalComponent[] = [];
  for (const zone of [...zones].sort()) {
    const text = vtimezoneText(zone);
    if (!text) continue;
    const parsed = ICAL.parse(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR`) as unknown as JCalendar;
    vtimezones.push(...parsed[2]);
  }
  const calendar: JCalendar = [
    'vcalendar',
    [['prodid', {}, 'text', prodid], ['version', {}, 'text', '2.0'], ['calscale', {}, 'text', 'GREGORIAN']],
    [...vtimezones, ...vevents],
  ];
  return new ICAL.Component(calendar as unknown as unknown[]).toString() + '\r\n';
}
