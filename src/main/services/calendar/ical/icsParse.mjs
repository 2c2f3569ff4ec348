/**
 * iCalendar text (RFC 5545) to jCal (RFC 7265), with ical.js. Plain ESM so the parse worker
 * (mail/worker/parseWorker.mjs) can run it as it is in the built app and under Vitest; the
 * calendar code imports it too (icsParse.d.mts gives the types).
 *
 * A file that ical.js cannot read whole (one broken line) is read in pieces — each VTIMEZONE
 * once and each VEVENT once — and the pieces are put back into one VCALENDAR. Until issue #10
 * §1 every VEVENT was parsed with every VTIMEZONE in front of it: quadratic, 12–30 s on main for
 * a 300 KB invitation with many zones and hundreds of events.
 */
import ICAL from 'ical.js';

const reason = (error) => (error instanceof Error ? error.message : String(error));

/** `BEGIN:NAME` … `END:NAME` blocks at any depth, in order; unfolded text, one line per entry. */
function blocks(lines, name) {
  const out = [];
  let start = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i].toUpperCase();
    if (start < 0 && line === `BEGIN:${name}`) start = i;
    else if (start >= 0 && line === `END:${name}`) {
      out.push(lines.slice(start, i + 1).join('\r\n'));
      start = -1;
    }
  }
  return out;
}

function parseOne(text) {
  return ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${text}\r\nEND:VCALENDAR`)[2];
}

/**
 * @param {string} text
 * @returns {{ calendars: unknown[], failed: { summary: string, reason: string }[] }}
 */
export function parseCalendarText(text) {
  const failed = [];
  try {
    const parsed = ICAL.parse(text);
    return { calendars: typeof parsed[0] === 'string' ? [parsed] : parsed, failed };
  } catch (error) {
    // RFC 5545 §3.1: unfold first, so a block is found by whole lines.
    const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
    const events = blocks(lines, 'VEVENT');
    if (events.length === 0) {
      failed.push({ summary: '', reason: `Not an iCalendar file: ${reason(error)}` });
      return { calendars: [], failed };
    }
    const components = [];
    for (const zone of blocks(lines, 'VTIMEZONE')) {
      try {
        components.push(...parseOne(zone));
      } catch {
        // A broken zone costs only the events that use it (they fail to resolve their TZID).
      }
    }
    for (const event of events) {
      try {
        components.push(...parseOne(event));
      } catch (eventError) {
        failed.push({ summary: /^SUMMARY[^:]*:(.*)$/im.exec(event)?.[1]?.trim() ?? '', reason: reason(eventError) });
      }
    }
    const properties = [['version', {}, 'text', '2.0']];
    const method = lines.find((line) => /^METHOD:/i.test(line));
    if (method) properties.push(['method', {}, 'text', method.slice(7).trim()]);
    return { calendars: [['vcalendar', properties, components]], failed };
  }
}
