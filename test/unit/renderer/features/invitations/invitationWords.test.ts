import { describe, expect, it } from 'vitest';
import { eventWhen } from '../../../../../src/renderer/features/invitations/eventWhen';
import { recurrenceWords } from '../../../../../src/renderer/features/invitations/recurrenceWords';
import { importSummary } from '../../../../../src/renderer/features/settings/icsSummary';
import { i18nFor } from '../../../../../src/renderer/i18n/i18n';
import type { Recurrence } from '../../../../../src/shared/model/calendar';

const en = i18nFor('en', 'en-GB');
const nl = i18nFor('nl', 'nl-NL');

const rule = (change: Partial<Recurrence>): Recurrence => ({
  freq: 'weekly',
  interval: 1,
  count: null,
  until: null,
  byDay: [],
  byMonthDay: [],
  byMonth: [],
  bySetPos: [],
  weekStart: null,
  ...change,
});

describe('recurrenceWords', () => {
  it('says how a rule repeats, in English and Dutch', () => {
    const weekly = rule({ interval: 2, byDay: [{ day: 'MO', ordinal: null }, { day: 'WE', ordinal: null }], count: 10 });
    expect(recurrenceWords(weekly, en)).toBe('Every 2 weeks on Monday and Wednesday, 10 times');
    expect(recurrenceWords(weekly, nl)).toBe('Elke 2 weken op maandag en woensdag, 10 keer');
    const monthly = rule({ freq: 'monthly', byDay: [{ day: 'TU', ordinal: -1 }], until: { date: '2031-06-30' } });
    expect(recurrenceWords(monthly, en)).toBe('Every month on the last Tuesday, until 30 June 2031');
    expect(recurrenceWords(monthly, nl)).toBe('Elke maand op de laatste dinsdag, tot en met 30 juni 2031');
    expect(recurrenceWords(rule({ freq: 'daily' }), en)).toBe('Every day');
    expect(recurrenceWords(rule({ freq: 'yearly', byMonth: [3], byMonthDay: [11] }), nl)).toBe('Elk jaar op dag 11 in maart');
  });
});

describe('eventWhen', () => {
  it('shows a timed event in the reader’s zone and an all-day event as dates', () => {
    const timed = {
      start: { dateTime: '2030-03-11T10:00:00', timeZone: 'Europe/Amsterdam' },
      end: { dateTime: '2030-03-11T11:30:00', timeZone: 'Europe/Amsterdam' },
      allDay: false,
    };
    const dutch = eventWhen(timed, nl, 'Europe/Amsterdam');
    expect(dutch).toContain('11 maart 2030');
    expect(dutch).toMatch(/10:00\s*[–-]\s*11:30/);
    // Read in London, the same meeting is an hour earlier.
    expect(eventWhen(timed, en, 'Europe/London')).toMatch(/09:00\s*[–-]\s*10:30|9:00\s*[–-]\s*10:30/);
    const allDay = { start: { date: '2030-03-11' }, end: { date: '2030-03-12' }, allDay: true };
    expect(eventWhen(allDay, en, 'Europe/Amsterdam')).toMatch(/^Monday,? 11 March 2030$/);
  });
});

describe('importSummary', () => {
  it('counts the imported events and names what could not be read', () => {
    expect(importSummary({ imported: 500, failed: [] }, en.t)).toBe('500 events imported.');
    expect(
      importSummary({ imported: 498, failed: [{ summary: 'Lunch', reason: 'no DTSTART' }, { summary: '', reason: 'bad RRULE' }] }, en.t),
    ).toBe('498 events imported, 2 could not be read: Lunch (no DTSTART); (no title) (bad RRULE)');
    expect(importSummary({ imported: 1, failed: [] }, nl.t)).toBe('1 afspraak geïmporteerd.');
  });
});
