import { describe, expect, it } from 'vitest';
import { fieldText, recurrenceText, reminderText, timeText } from '../../../../../src/renderer/features/calendar/eventWords';
import { createTranslator } from '../../../../../src/renderer/i18n/translate';
import { calendarEvent, recurrence } from '../../../shared/calendar/eventFixtures';

const en = createTranslator('en', 'en-GB');
const nl = createTranslator('nl', 'nl-NL');

describe('an event in words', () => {
  it('says how a series repeats and ends', () => {
    expect(recurrenceText(recurrence({ byDay: [{ day: 'MO', ordinal: null }, { day: 'TH', ordinal: null }] }), en)).toBe('Every week (Monday, Thursday)');
    expect(recurrenceText(recurrence({ freq: 'daily', interval: 2, count: 5 }), en)).toBe('Every 2 days, 5 times');
    expect(recurrenceText(recurrence({ freq: 'monthly', until: { date: '2027-12-31' } }), nl)).toBe('Elke maand, tot en met 2027-12-31');
    expect(recurrenceText(null, en)).toBe("Doesn't repeat");
  });

  it('says when a reminder comes', () => {
    expect([null, 0, 15, 60, 120, 1440].map((m) => reminderText(m, en))).toEqual([
      'No reminder',
      'At the start',
      '15 minutes before',
      '1 hour before',
      '2 hours before',
      '1 day before',
    ]);
    expect(reminderText(15, nl)).toBe('15 minuten van tevoren');
  });

  it('gives times in the event’s own zone and a one-day all-day event as its date', () => {
    expect(timeText(calendarEvent(), 'en-GB', false, en)).toBe('2 Mar 2026, 10:00–11:00 (Europe/Amsterdam)');
    expect(timeText(calendarEvent({ allDay: true, start: { date: '2026-03-02' }, end: { date: '2026-03-03' } }), 'en-GB', false, en)).toBe('2 Mar 2026, all day');
  });

  it('shows each conflicting field of one side', () => {
    const event = calendarEvent({ summary: 'Teamoverleg', location: '' });
    expect(fieldText(event, 'summary', 'en-GB', false, en)).toBe('Teamoverleg');
    expect(fieldText(event, 'location', 'en-GB', false, en)).toBe('(empty)');
    expect(fieldText(calendarEvent({ exceptions: { excluded: ['2026-03-09T10:00:00'], overrides: {} } }), 'exceptions', 'en-GB', false, en)).toBe('1 changed or removed occurrence');
  });
});
