/**
 * jCal (RFC 7265, ical.js's native form) → Kolab v3 xCal XML (RFC 6321 restricted by Kolab's
 * XSD, libkolabxml 1.2). The schema is strict about what may appear and in which order; anything
 * it does not declare makes the reference parser throw, so this writer orders and filters.
 */
import type { JCalProperty } from '../../../shared/model/calendar';
import { escapeXml } from './xmlTree';
import { kolabTzid } from '../../../shared/calendar/zoneTime';
import type { JCalComponent } from './jcalModel';

/** KolabEvent property sequence, as libkolabxml 1.2.1 writes and validates it. */
export const eventPropertyOrder = [
  'uid', 'created', 'dtstamp', 'sequence', 'class', 'categories', 'dtstart', 'dtend', 'duration',
  'transp', 'rrule', 'rdate', 'exdate', 'recurrence-id', 'summary', 'description', 'comment',
  'priority', 'status', 'location', 'organizer', 'url', 'attendee', 'attach', 'x-custom',
] as const;
/** Kolab's ValarmType sequence (RFC 5545 §3.6.6 properties, in the XSD's order). */
const alarmPropertyOrder = ['action', 'summary', 'description', 'attendee', 'attach', 'trigger', 'duration', 'repeat'];
/** RECUR parts in the order of the xCal schema's RecurType (RFC 6321 Appendix A). */
const recurOrder = [
  'freq', 'until', 'count', 'interval', 'bysecond', 'byminute', 'byhour', 'byday', 'byyearday',
  'bymonthday', 'byweekno', 'bymonth', 'bysetpos', 'wkst',
];
/** Properties the XSD allows once, holding several values (RFC 6321 §3.4.1.1 multi-values). */
const mergedProperties = new Set(['exdate', 'rdate', 'categories']);
export const kolabXmlVersion = '3.1.0';

interface Node {
  name: string;
  children?: Node[];
  text?: string;
}

function serialize(node: Node, indent: string): string {
  if (node.children === undefined) return `${indent}<${node.name}>${escapeXml(node.text ?? '').replace(/\r/g, '&#13;')}</${node.name}>\n`;
  const inner = node.children.map((c) => serialize(c, `${indent}  `)).join('');
  return `${indent}<${node.name}>\n${inner}${indent}</${node.name}>\n`;
}

function recurNode(value: Record<string, unknown>): Node {
  const parts: Node[] = [];
  for (const key of recurOrder) {
    const raw = value[key];
    if (raw === undefined || raw === null) continue;
    if (key === 'until') {
      const until = String(raw);
      // Kolab's UntilRecurType wraps the value in <date> or <date-time>.
      parts.push({ name: 'until', children: [{ name: until.includes('T') ? 'date-time' : 'date', text: until }] });
      continue;
    }
    for (const item of Array.isArray(raw) ? raw : [raw]) parts.push({ name: key, text: String(item) });
  }
  return { name: 'recur', children: parts };
}

function valueNodes(type: string, values: unknown[]): Node[] {
  return values.map((value) => {
    if (type === 'recur') return recurNode(value as Record<string, unknown>);
    if (type === 'period') {
      const [start = '', endOrDuration = ''] = String(value).split('/');
      const second = /^[+-]?P/.test(endOrDuration) ? 'duration' : 'end';
      return { name: 'period', children: [{ name: 'start', text: start }, { name: second, text: endOrDuration }] };
    }
    // RFC 6321 §3.6: the value element is named after the value type; unknown → text.
    return { name: type === 'unknown' ? 'text' : type, text: String(value) };
  });
}

/** Parameters Kolab's XSD declares (RFC 5545 §3.2, RFC 6638 scheduling); any other fails the schema. */
const kolabParameters = new Set([
  'altrep', 'cn', 'cutype', 'delegated-from', 'delegated-to', 'dir', 'encoding', 'fmttype', 'fbtype', 'language',
  'member', 'partstat', 'related', 'reltype', 'role', 'rsvp', 'sent-by', 'tzid',
  'schedule-agent', 'schedule-force-send', 'schedule-status',
]);
const addressParameters = new Set(['delegated-from', 'delegated-to', 'member', 'sent-by']);
const uriParameters = new Set(['altrep', 'dir']);

/**
 * libkolabxml stores a calendar user as `mailto:` + the percent-encoded `<address>` (its
 * ContactReference URI); a plain `mailto:a@b` reads back as the address `mailto:a@b` with a
 * warning. Written its way, read back to the plain RFC 5545 form by xcalRead.
 */
export function kolabAddress(value: string): string {
  const address = value.replace(/^mailto:/i, '');
  return /^mailto:/i.test(value) && !address.startsWith('%3C') ? `mailto:${encodeURIComponent(`<${address}>`)}` : value;
}

/** RFC 6321 §3.5: `<parameters>`, each value element typed as the XSD wants. */
function parameterNode(params: Record<string, string | string[]>): Node | null {
  const entries = Object.entries(params).filter(([name]) => kolabParameters.has(name));
  if (entries.length === 0) return null;
  return {
    name: 'parameters',
    children: entries.map(([name, raw]) => {
      const values = Array.isArray(raw) ? raw : [raw];
      if (name === 'rsvp') return { name, children: [{ name: 'boolean', text: String(values[0]).toLowerCase() === 'true' ? 'true' : 'false' }] };
      if (addressParameters.has(name)) return { name, children: values.map((v) => ({ name: 'cal-address', text: kolabAddress(v) })) };
      const type = uriParameters.has(name) ? 'uri' : 'text';
      return { name, children: values.map((v) => ({ name: type, text: name === 'tzid' ? kolabTzid(v) : v })) };
    }),
  };
}

function propertyNode([name, params, type, ...values]: JCalProperty): Node {
  if (name.startsWith('x-')) {
    // Kolab's CustomType (kolabformat-xcal.xsd): identifier + value, no parameters.
    return {
      name: 'x-custom',
      children: [{ name: 'identifier', text: name.toUpperCase() }, { name: 'value', text: values.map(String).join(',') }],
    };
  }
  const parameters = parameterNode(params);
  const written = type === 'cal-address' ? values.map((v) => kolabAddress(String(v))) : values;
  return { name, children: [...(parameters ? [parameters] : []), ...valueNodes(type, written)] };
}

/** Properties the XSD allows more than once; of any other the first is kept (the model's come first). */
const repeatable = new Set(['attendee', 'attach', 'x-custom']);

/**
 * Merges repeated EXDATE/RDATE/CATEGORIES (RFC 6321 §3.4.1.1 multi-values), drops what the XSD
 * forbids (unknown properties, a second SUMMARY, inline binary ATTACH), and orders.
 */
function orderedProperties(properties: JCalProperty[], order: readonly string[]): JCalProperty[] {
  const kept: JCalProperty[] = [];
  for (const property of properties) {
    const slot = property[0].startsWith('x-') ? 'x-custom' : property[0];
    if (!order.includes(slot) || (slot === 'attach' && property[2] !== 'uri')) continue;
    const same = kept.find((k) => k[0] === property[0]);
    if (same && mergedProperties.has(property[0]) && same[2] === property[2] && JSON.stringify(same[1]) === JSON.stringify(property[1])) {
      same.push(...property.slice(3));
    } else if (!same || repeatable.has(slot)) {
      kept.push([...property] as JCalProperty);
    }
  }
  const rank = (p: JCalProperty) => order.indexOf(p[0].startsWith('x-') ? 'x-custom' : p[0]);
  return kept.sort((a, b) => rank(a) - rank(b));
}

function componentNode([name, properties, components]: JCalComponent): Node {
  const order = name === 'valarm' ? alarmPropertyOrder : eventPropertyOrder;
  const children: Node[] = [{ name: 'properties', children: orderedProperties(properties, order).map(propertyNode) }];
  const alarms = name === 'vevent' ? components.filter((c) => c[0] === 'valarm') : [];
  // The XSD's <components> needs at least one child when present.
  if (alarms.length > 0) children.push({ name: 'components', children: alarms.map(componentNode) });
  return { name, children };
}

/** Writes a VCALENDAR holding one event (master plus overrides) as a Kolab xCal document. */
export function writeKolabXcal(vevents: JCalComponent[], prodid: string): string {
  const calendarProperties: Node[] = [
    { name: 'prodid', children: [{ name: 'text', text: prodid }] },
    { name: 'version', children: [{ name: 'text', text: '2.0' }] },
    { name: 'x-kolab-version', children: [{ name: 'text', text: kolabXmlVersion }] },
  ];
  const root: Node = {
    name: 'vcalendar',
    children: [{ name: 'properties', children: calendarProperties }, { name: 'components', children: vevents.map(componentNode) }],
  };
  const body = serialize(root, '  ');
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0">\n${body}</icalendar>\n`;
}
