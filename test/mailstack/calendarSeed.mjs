// The seed's shared calendars (issue #5): info@ and sales@ each get a `Calendar` folder typed
// with METADATA /shared/vendor/kolab/folder-type = event (RFC 5464), written straight into the
// owner's attribute dictionary, and info@'s calendar holds a few appointments of this week in
// Kolab v3 format (notes/calendar.md) — written here by hand, the way another Kolab client
// (Roundcube) writes them, so the demo looks lived-in and Postvak reads a foreign writer's events.
//
// Dovecot's file dict (mail_attribute_dict = file:%h/Maildir/dovecot-attributes) holds
// alternating key and value lines; a folder's shared entry is `shared/<mailbox GUID>/<entry>`,
// the GUID being the one in the folder's dovecot-uidlist header (seen with
// `doveadm mailbox metadata set` on the stack).

import crypto from 'node:crypto';

export const CALENDAR_FOLDER = 'Calendar';
/** Owners whose mailbox gets a shared calendar; the grants are those of ACL_MATRIX. */
export const CALENDAR_OWNERS = ['info@example.test', 'sales@example.test'];
export const SHARED_FOLDER_TYPE_KEY = 'vendor/kolab/folder-type';

/** The attribute dictionary lines typing these folder GUIDs as calendars. */
export function calendarAttributes(guids) {
  return guids.map((guid) => `shared/${guid}/${SHARED_FOLDER_TYPE_KEY}\nevent\n`).join('');
}

const ZONE = 'Europe/Amsterdam';

/** Local wall-clock date (YYYY-MM-DD) in Amsterdam of an instant. */
function localDate(ms) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

/** The Monday of the week holding `now` (Amsterdam), as YYYY-MM-DD, plus `days`. */
function weekDay(now, days) {
  const today = localDate(now);
  const d = new Date(`${today}T12:00:00Z`);
  const monday = d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday + days * 86_400_000).toISOString().slice(0, 10);
}

const utcStamp = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (name, value) => `<${name}><text>${esc(value)}</text></${name}>`;
const local = (name, date, time) => `<${name}><parameters><tzid><text>/kolab.org/${ZONE}</text></tzid></parameters><date-time>${date}T${time}</date-time></${name}>`;
const day = (name, date) => `<${name}><date>${date}</date></${name}>`;

function kolabXml(e, stamp) {
  const props = [
    text('uid', e.uid),
    `<created><date-time>${stamp}</date-time></created>`,
    `<dtstamp><date-time>${stamp}</date-time></dtstamp>`,
    '<sequence><integer>0</integer></sequence>',
    text('class', 'PUBLIC'),
    ...(e.allDay ? [day('dtstart', e.start), day('dtend', e.end)] : [local('dtstart', e.date, e.start), local('dtend', e.date, e.end)]),
    ...(e.weekly ? [`<rrule><recur><freq>WEEKLY</freq><byday>${e.weekly}</byday></recur></rrule>`] : []),
    text('summary', e.summary),
    ...(e.description ? [text('description', e.description)] : []),
    ...(e.location ? [text('location', e.location)] : []),
  ];
  const alarm = e.alarm
    ? `<components><valarm><properties>${text('action', 'DISPLAY')}${text('description', e.summary)}<trigger><parameters><related><text>START</text></related></parameters><duration>-PT${e.alarm}M</duration></trigger></properties></valarm></components>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n' +
    '<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><properties>' +
    `${text('prodid', 'Roundcube-libkolab-1.1 Libkolabxml-1.1')}${text('version', '2.0')}${text('x-kolab-version', '3.1.0')}` +
    `</properties><components><vevent><properties>${props.join('')}</properties>${alarm}</vevent></components></vcalendar></icalendar>\n`
  );
}

function kolabMessage(e, from, date) {
  const xml = Buffer.from(kolabXml(e, utcStamp(date.getTime())), 'utf8').toString('base64').match(/.{1,76}/g).join('\n');
  const boundary = `=_${crypto.createHash('sha1').update(e.uid).digest('hex')}`;
  return [
    'MIME-Version: 1.0',
    `From: ${from}`,
    `To: ${from}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Subject: ${e.uid}`,
    'User-Agent: Roundcube Webmail/1.6',
    'X-Kolab-Type: application/x-vnd.kolab.event',
    'X-Kolab-Mime-Version: 3.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=ISO-8859-1',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'This is a Kolab Groupware object.',
    '',
    `--${boundary}`,
    'Content-Type: application/calendar+xml; charset=UTF-8; name=kolab.xml',
    'Content-Disposition: attachment; filename=kolab.xml; size=0',
    'Content-Transfer-Encoding: base64',
    '',
    xml,
    `--${boundary}--`,
    '',
  ].join('\n');
}

/**
 * The appointments in info@'s calendar, relative to `now`: a weekly team meeting with a
 * reminder, a customer visit this Wednesday and an all-day trade fair next week.
 * @returns {{ user: string, folder: string, date: Date, raw: string, flags: string, uid: string, summary: string }[]}
 */
export function calendarSeed(now = Date.now()) {
  const t = typeof now === 'number' ? now : now.getTime();
  const created = new Date(t - 3 * 86_400_000);
  const events = [
    { uid: 'seed-weekoverleg@example.test', summary: 'Weekoverleg', location: 'Kantoor', date: weekDay(t, 0), start: '09:00:00', end: '09:30:00', weekly: 'MO', alarm: 15 },
    { uid: 'seed-jansen@example.test', summary: 'Offerte Jansen bespreken', location: 'Dorpsstraat 12, Utrecht', description: 'Badkamer en keuken; tekeningen meenemen.', date: weekDay(t, 2), start: '14:00:00', end: '15:00:00', alarm: 30 },
    { uid: 'seed-beurs@example.test', summary: 'Vakbeurs Bouw', allDay: true, start: weekDay(t, 10), end: weekDay(t, 12) },
  ];
  return events.map((e, i) => ({
    user: 'info@example.test',
    folder: CALENDAR_FOLDER,
    date: new Date(created.getTime() + i * 60_000),
    raw: kolabMessage(e, 'alice@example.test', new Date(created.getTime() + i * 60_000)),
    flags: 'S',
    uid: e.uid,
    summary: e.summary,
  }));
}
