import { describe, expect, it } from 'vitest';
import { CalendarFormatError, decodeKolabMessage, encodeKolabMessage, kolabEventXml } from '../../../../../src/main/services/calendar/kolabCodec';
import { samples } from './eventSamples';

const options = { from: 'alice@example.test', now: Date.UTC(2026, 2, 1, 12, 0, 0) };

describe('Kolab codec round trip', () => {
  for (const [name, event] of Object.entries(samples)) {
    it(`keeps every field of ${name}`, () => {
      expect(decodeKolabMessage(encodeKolabMessage(event, options))).toEqual(event);
    });
  }
});

describe('Kolab message format', () => {
  const source = encodeKolabMessage(samples.exceptions!, options).toString('utf8');
  const head = source.slice(0, source.indexOf('\r\n\r\n'));

  it('names the event by Subject and the Kolab headers', () => {
    expect(head).toMatch(/^Subject: weekly-exceptions-1$/m);
    expect(head).toMatch(/^X-Kolab-Type: application\/x-vnd\.kolab\.event$/m);
    expect(head).toMatch(/^X-Kolab-Mime-Version: 3\.0$/m);
    expect(head).toMatch(/^Content-Type: multipart\/mixed; boundary=/m);
    expect(head).toMatch(/^From: alice@example\.test$/m);
  });

  it('puts a text/plain explanation first and kolab.xml second', () => {
    const plain = source.indexOf('Content-Type: text/plain');
    const xml = source.indexOf('Content-Type: application/calendar+xml; charset=UTF-8; name="kolab.xml"');
    expect(plain).toBeGreaterThan(head.length);
    expect(xml).toBeGreaterThan(plain);
    expect(source).toContain('Content-Disposition: attachment; filename="kolab.xml"');
  });

  it('writes x-kolab-version, /kolab.org/ TZIDs and the XSD property order', () => {
    const xml = kolabEventXml(samples.exceptions!);
    expect(xml).toContain('<x-kolab-version>\n');
    expect(xml).toMatch(/<text>3\.1\.0<\/text>/);
    expect(xml).toContain('<text>/kolab.org/Europe/Amsterdam</text>');
    expect(xml).not.toContain('<vtimezone>');
    const master = xml.slice(xml.indexOf('<vevent>'), xml.indexOf('</vevent>'));
    const order = ['<uid>', '<created>', '<dtstamp>', '<sequence>', '<dtstart>', '<dtend>', '<rrule>', '<exdate>', '<summary>', '<description>', '<location>', '<x-custom>'];
    const positions = order.map((tag) => master.indexOf(tag));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml.match(/<vevent>/g)).toHaveLength(2);
    expect(xml).toContain('<recurrence-id>');
  });

  it('escapes XML-special text so the payload stays well-formed', () => {
    const xml = kolabEventXml(samples.text!);
    expect(xml).toContain('&lt;klant&gt; &amp; "partner"');
    expect(xml).not.toContain(']]> </location>');
  });
});

describe('hostile and malformed messages', () => {
  const valid = kolabEventXml(samples.timedZoned!);
  const wrap = (xml: string, extraHeaders = '') =>
    Buffer.from(
      `Subject: x\r\nX-Kolab-Type: application/x-vnd.kolab.event\r\n${extraHeaders}Content-Type: multipart/mixed; boundary="b"\r\n\r\n` +
        `--b\r\nContent-Type: text/plain\r\n\r\nKolab\r\n--b\r\nContent-Type: application/calendar+xml; name="kolab.xml"\r\n\r\n${xml}\r\n--b--\r\n`,
    );
  const cases: Record<string, Buffer> = {
    empty: Buffer.alloc(0),
    'plain mail': Buffer.from('Subject: hello\r\n\r\nJust text.\r\n'),
    'no closing tag': wrap(valid.slice(0, valid.length - 30)),
    'not XML': wrap('BEGIN:VCALENDAR\r\nEND:VCALENDAR'),
    'entity expansion': wrap('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><icalendar>&lol2;</icalendar>'),
    'no vevent': wrap('<icalendar xmlns="urn:ietf:params:xml:ns:icalendar-2.0"><vcalendar><properties/></vcalendar></icalendar>'),
    'no dtstart': wrap(valid.replace(/<dtstart>[\s\S]*?<\/dtstart>/, '')),
    'no uid': wrap(valid.replace(/<uid>[\s\S]*?<\/uid>/, '')),
    'bad date': wrap(valid.replace('2026-03-02T10:00:00', '2026-13-45Tnoon')),
    'unknown zone': wrap(valid.replaceAll('/kolab.org/Europe/Amsterdam', '/kolab.org/Mars/Olympus_Mons')),
    'bad duration': wrap(valid.replace(/<dtend>[\s\S]*?<\/dtend>/, '<duration><duration>P1X</duration></duration>')),
    'deep nesting': Buffer.from(
      `Content-Type: multipart/mixed; boundary="a"\r\n\r\n` +
        Array.from({ length: 10 }, (_, i) => `--${'a'.repeat(i + 1)}\r\nContent-Type: multipart/mixed; boundary="${'a'.repeat(i + 2)}"\r\n\r\n`).join(''),
    ),
    'deeply nested XML': wrap(`<icalendar>${'<a>'.repeat(200_000)}${'</a>'.repeat(200_000)}</icalendar>`),
    'XML with undeclared namespace prefix': wrap('<icalendar><x:vcalendar/></icalendar>'),
    'larger than 20 MB': Buffer.alloc(21 * 1024 * 1024, 0x41),
    'a contact, not an event': wrap(valid, '').toString('latin1').replace('x-vnd.kolab.event', 'x-vnd.kolab.contact') as unknown as Buffer,
  };
  for (const [name, source] of Object.entries(cases)) {
    it(`refuses ${name} with CalendarFormatError`, () => {
      const buffer = Buffer.isBuffer(source) ? source : Buffer.from(source as string, 'latin1');
      expect(() => decodeKolabMessage(buffer)).toThrow(CalendarFormatError);
      try {
        decodeKolabMessage(buffer);
      } catch (error) {
        expect((error as CalendarFormatError).code).toBe('calendarFormat');
      }
    });
  }
});
