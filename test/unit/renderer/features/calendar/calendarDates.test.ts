import { describe, expect, it } from 'vitest';
import { addMonths, minutesInDay, stepAnchor, viewDays, viewRange } from '../../../../../src/renderer/features/calendar/calendarDates';

describe('the days a view shows', () => {
  it('starts a week on Monday or Sunday as the locale says', () => {
    // 2027-03-03 is a Wednesday.
    expect(viewDays('week', '2027-03-03', 1)).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06', '2027-03-07']);
    expect(viewDays('week', '2027-03-03', 0)[0]).toBe('2027-02-28');
  });

  it("shows the locale's working days of the week as the work week", () => {
    expect(viewDays('workWeek', '2027-03-07', 1)).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']);
    expect(viewDays('workWeek', '2027-03-03', 0, [1, 2, 3, 4, 5])[0]).toBe('2027-03-01');
    // A Sunday-to-Thursday work week (Israel).
    expect(viewDays('workWeek', '2027-03-03', 0, [0, 1, 2, 3, 4])).toEqual(['2027-02-28', '2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04']);
  });

  it('fills a month with whole weeks', () => {
    const days = viewDays('month', '2027-02-15', 1);
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(days).toHaveLength(28);
    expect(days[0]).toBe('2027-02-01');
    const march = viewDays('month', '2027-03-15', 1);
    expect(march[0]).toBe('2027-03-01');
    expect(march).toHaveLength(35);
  });

  it('steps a period, keeping the day of the month where it exists', () => {
    expect(stepAnchor('week', '2027-03-03', 1)).toBe('2027-03-10');
    expect(stepAnchor('month', '2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(stepAnchor('day', '2027-03-01', -1)).toBe('2027-02-28');
  });

  it("bounds a view by the zone's midnights, so a DST week is 167 hours long", () => {
    const range = viewRange('week', '2027-03-29', 1, 'Europe/Amsterdam');
    // The week of 2027-03-22 … 03-28 holds the change to summer time (Sunday 28 March).
    const before = viewRange('week', '2027-03-24', 1, 'Europe/Amsterdam');
    expect(range.start).toBe(Date.parse('2027-03-28T22:00:00Z'));
    expect((before.end - before.start) / 3_600_000).toBe(167);
  });

  it('measures minutes on the wall clock of the day', () => {
    const zone = 'Europe/Amsterdam';
    expect(minutesInDay(Date.parse('2027-03-01T09:00:00Z'), '2027-03-01', zone)).toBe(600);
    expect(minutesInDay(Date.parse('2027-02-28T12:00:00Z'), '2027-03-01', zone)).toBe(0);
    expect(minutesInDay(Date.parse('2027-03-02T12:00:00Z'), '2027-03-01', zone)).toBe(1440);
  });
});
