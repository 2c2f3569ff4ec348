/**
 * Kolab v3 xCal XML (RFC 6321) → jCal (RFC 7265), the form jcalModel reads. Reads what libkolabxml and
 * Roundcube write, and plain RFC 6321 where Kolab differs (UNTIL as text, non-Kolab TZIDs).
 */
import type { JCalProperty } from '../../../shared/model/calendar';
import { child, parseXml, XmlFormatError, type XmlElement } from './xmlTree';
import type { JCalComponent } from './jcalModel';

const numericRecurParts = new Set([
  'count', 'interval', 'bysecond', 'byminute', 'byhour', 'byyearday', 'bymonthday', 'byweekno', 'bymonth', 'bysetpos',
]);

function recurValue(recur: XmlElement): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const part of recur.children) {
    // Kolab wraps UNTIL in <date>/<date-time> (UntilRecurType); RFC 6321 Appendix A does not.
    const text = part.name === 'until' && part.children.length > 0 ? (part.children[0]?.text ?? '').trim() : part.text.trim();
    const item = numericRecurParts.has(part.name) ? Number(text) : text;
    const previous = value[part.name];
    if (previous === undefined) value[part.name] = item;
    else value[part.name] = Array.isArray(previous) ? [...previous, item] : [previous, item];
  }
  // ical.js (and jCal, RFC 7265 §3.6.10) keep BY* parts as arrays.
  for (const key of Object.keys(value)) {
    if (key.startsWith('by') && !Array.isArray(value[key])) value[key] = [value[key]];
  }
  return value;
}

/** `mailto:%3Ca%40b%3E` as libkolabxml writes a calendar user → `mailto:a@b` (RFC 5545 §3.3.3). */
function plainAddress(value: string): string {
  if (!/^mailto:/i.test(value)) return value;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value.slice(7));
  } catch {
    return value;
  }
  const angle = /<([^<>]*)>\s*$/.exec(decoded);
  return `mailto:${angle ? angle[1] : decoded}`;
}

function typedValue(element: XmlElement): unknown {
  const text = element.text.trim();
  switch (element.name) {
    case 'integer':
      return Number(text);
    case 'float':
      return Number(text);
    case 'boolean':
      return text === 'true' || text === '1';
    case 'recur':
      return recurValue(element);
    case 'period': {
      const start = child(element, 'start')?.text.trim() ?? '';
      const second = child(element, 'end') ?? child(element, 'duration');
      return `${start}/${second?.text.trim() ?? ''}`;
    }
    case 'cal-address':
      return plainAddress(text);
    case 'text':
    case 'unknown':
      // Text is data: keep inner whitespace (descriptions); XML §2.11 line ends are already \n.
      return element.text;
    default:
      return text;
  }
}

function readParameters(element: XmlElement | undefined): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const param of element?.children ?? []) {
    // TZIDs stay as written (`/kolab.org/Europe/Amsterdam`): jcalModel resolves them to IANA ids.
    const values = param.children.map((v) => {
      const text = v.text.trim();
      // jCal writes BOOLEAN parameters (RSVP) as the iCalendar text TRUE/FALSE (RFC 7265 §3.5.1).
      if (v.name === 'boolean') return text === 'true' || text === '1' ? 'TRUE' : 'FALSE';
      return v.name === 'cal-address' ? plainAddress(text) : text;
    });
    params[param.name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return params;
}

function readProperty(element: XmlElement): JCalProperty {
  if (element.name === 'x-custom') {
    const identifier = child(element, 'identifier')?.text.trim() ?? 'x-unnamed';
    return [identifier.toLowerCase(), {}, 'text', child(element, 'value')?.text ?? ''];
  }
  const params = readParameters(child(element, 'parameters'));
  const values = element.children.filter((c) => c.name !== 'parameters');
  const type = values[0]?.name ?? 'text';
  return [element.name, params, type, ...values.map(typedValue)];
}

function readComponent(element: XmlElement): JCalComponent {
  const properties = (child(element, 'properties')?.children ?? []).map(readProperty);
  const components = (child(element, 'components')?.children ?? []).map(readComponent);
  return [element.name, properties, components];
}

/** The VEVENTs of a Kolab event payload: the master first as written, then any overrides. */
export function readKolabXcal(xml: string): JCalComponent[] {
  const root = parseXml(xml);
  const vcalendar = root.name === 'icalendar' ? child(root, 'vcalendar') : undefined;
  const components = vcalendar ? child(vcalendar, 'components') : undefined;
  const vevents = (components?.children ?? []).filter((c) => c.name === 'vevent').map(readComponent);
  if (vevents.length === 0) throw new XmlFormatError('The Kolab payload holds no <vevent>');
  return vevents;
}
