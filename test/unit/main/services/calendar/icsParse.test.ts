import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { icsFromJcalSliced, parseIcs } from '../../../../../src/main/services/calendar/ical/icsFile';
import { parseCalendarText } from '../../../../../src/main/services/calendar/ical/icsParse.mjs';
import { bigInvitationIcs } from '../../../../fixtures/heavyMessages.mjs';

afterEach(() => vi.restoreAllMocks());

describe('a calendar ical.js cannot read whole (issue #10 §1)', () => {
  it('reads every event of the heavy invitation, with its method and zone', () => {
    const result = parseIcs(bigInvitationIcs());
    expect(result.method).toBe('REQUEST');
    expect(result.events).toHaveLength(700);
    expect(result.events[3]).toMatchObject({ uid: 'heavy-3@partner.example', summary: 'Overleg 3', start: { timeZone: 'Europe/Berlin' } });
  });

  it('parses each VEVENT and each VTIMEZONE once: the text parsed stays linear in the file', () => {
    const text = bigInvitationIcs();
    const parse = vi.spyOn(ICAL, 'parse');
    parseIcs(text);
    const parsedChars = parse.mock.calls.reduce((sum, [input]) => sum + String(input).length, 0);
    // Before: every event was parsed with all 280 zones in front of it (~700 × 100 KB).
    expect(parsedChars).toBeLessThan(3 * text.length);
  });

  it('keeps the events it can read when one of them is broken', () => {
    const text = bigInvitationIcs({ zones: 2, events: 3 }).replace('SUMMARY:Overleg 1\r\n', 'SUMMARY:Overleg 1\r\nA BROKEN LINE\r\n');
    const result = parseIcs(text);
    expect(result.events.map((e) => e.summary)).toEqual(['Overleg 0', 'Overleg 2']);
    expect(result.failed).toEqual([expect.objectContaining({ summary: 'Overleg 1' })]);
  });

  it('maps the events on main in slices, letting other work run in between, to the same result', async () => {
    const parsed = parseCalendarText(bigInvitationIcs());
    let otherWorkRan = false;
    setImmediate(() => {
      otherWorkRan = true;
    });
    const sliced = await icsFromJcalSliced(structuredClone(parsed), 0);
    expect(otherWorkRan).toBe(true);
    expect(sliced.events.map((e) => e.uid)).toEqual(parseIcs(bigInvitationIcs()).events.map((e) => e.uid));
  });
});
