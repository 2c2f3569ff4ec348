/** Days as people type them (issue #13 §2: dates in the user's locale and ISO). */
import { describe, expect, it } from 'vitest';
import { calendarDay, dayOrder, formatDay, isoDay, parseAge, parseCalendarDay, parseDay, startOfDay } from '../../../../src/shared/search/dates';

const now = Date.UTC(2026, 11, 7, 13);
const opts = (locale: string) => ({ locale, now, timeZone: 'Europe/Amsterdam' });

describe('dayOrder', () => {
  it.each([
    ['nl-NL', 'dmy'],
    ['nl', 'dmy'],
    ['en-GB', 'dmy'],
    ['en-US', 'mdy'],
    ['de-DE', 'dmy'],
    ['ja-JP', 'ymd'],
    ['!!', 'dmy'],
  ])('%s → %s', (locale, order) => {
    expect(dayOrder(locale)).toBe(order);
  });
});

describe('parseCalendarDay', () => {
  it.each([
    ['2026-12-07', 'en-US', { year: 2026, month: 12, day: 7 }],
    ['2026/12/7', 'nl-NL', { year: 2026, month: 12, day: 7 }],
    ['7-12-2026', 'nl-NL', { year: 2026, month: 12, day: 7 }],
    ['07/12/2026', 'en-GB', { year: 2026, month: 12, day: 7 }],
    ['12/7/2026', 'en-US', { year: 2026, month: 12, day: 7 }],
    ['7.12.26', 'de-DE', { year: 2026, month: 12, day: 7 }],
    ['29-2-2028', 'nl-NL', { year: 2028, month: 2, day: 29 }],
    ['15-3', 'nl-NL', { year: 2026, month: 3, day: 15 }],
    ['3/15', 'en-US', { year: 2026, month: 3, day: 15 }],
    ['Vandaag', 'nl-NL', { year: 2026, month: 12, day: 7 }],
    ['yesterday', 'en-US', { year: 2026, month: 12, day: 6 }],
    ['7 december 2026', 'nl-NL', { year: 2026, month: 12, day: 7 }],
    ['7-Dec-2026', 'en-US', { year: 2026, month: 12, day: 7 }],
    ['3 mrt', 'nl-NL', { year: 2026, month: 3, day: 3 }],
    ['1 okt. 2025', 'nl-NL', { year: 2025, month: 10, day: 1 }],
    ['Dec 7, 2026', 'en-US', { year: 2026, month: 12, day: 7 }],
    ['mei 5', 'nl-NL', { year: 2026, month: 5, day: 5 }],
  ])('%s in %s', (text, locale, day) => {
    expect(parseCalendarDay(text, opts(locale))).toEqual(day);
  });

  it.each(['7 ju 2026', '7 xyz 2026', '31 april', '7 december 20266', '29-2-2027', '0-1-2026', '13/13/2026', '12/7/2026/1', '7-12/2026', '2026-13-01', 'soon', '', '1e3', '７-12-2026'])(
    'refuses %s',
    (text) => {
      expect(parseCalendarDay(text, opts('nl-NL'))).toBeNull();
    },
  );

  it('reads the same digits per the locale: 12 July in en-US, 7 December in nl', () => {
    expect(parseCalendarDay('7/12/2026', opts('en-US'))).toEqual({ year: 2026, month: 7, day: 12 });
    expect(parseCalendarDay('7/12/2026', opts('nl'))).toEqual({ year: 2026, month: 12, day: 7 });
  });
});

describe('startOfDay / calendarDay', () => {
  it('gives local midnight in the zone, across daylight saving time', () => {
    expect(startOfDay({ year: 2026, month: 3, day: 29 }, 'Europe/Amsterdam')).toBe(Date.UTC(2026, 2, 28, 23));
    expect(startOfDay({ year: 2026, month: 3, day: 30 }, 'Europe/Amsterdam')).toBe(Date.UTC(2026, 2, 29, 22));
    expect(startOfDay({ year: 2026, month: 12, day: 7 }, 'America/New_York')).toBe(Date.UTC(2026, 11, 7, 5));
    expect(startOfDay({ year: 2026, month: 12, day: 7 }, 'UTC')).toBe(Date.UTC(2026, 11, 7));
  });

  it('falls back to the runtime zone for an unknown zone', () => {
    const local = new Date(2026, 11, 7).getTime();
    expect(startOfDay({ year: 2026, month: 12, day: 7 }, 'Nowhere/Else')).toBe(local);
    expect(startOfDay({ year: 2026, month: 12, day: 7 })).toBe(local);
  });

  it('names the day an instant falls on in the zone', () => {
    expect(calendarDay(Date.UTC(2026, 11, 6, 23, 30), 'Europe/Amsterdam')).toEqual({ year: 2026, month: 12, day: 7 });
    expect(calendarDay(Date.UTC(2026, 11, 6, 23, 30), 'UTC')).toEqual({ year: 2026, month: 12, day: 6 });
  });

  it('parseDay is the start of the named day', () => {
    expect(parseDay('8-12-2026', opts('nl'))).toBe(Date.UTC(2026, 11, 7, 23));
    expect(parseDay('nonsense', opts('nl'))).toBeNull();
  });
});

describe('parseAge', () => {
  it.each([
    ['2d', now - 2 * 86_400_000],
    ['1w', now - 7 * 86_400_000],
    ['1m', Date.UTC(2026, 10, 7, 13)],
    ['2y', Date.UTC(2024, 11, 7, 13)],
    ['1j', Date.UTC(2025, 11, 7, 13)],
    ['12M', Date.UTC(2025, 11, 7, 13)],
  ])('%s', (text, ms) => {
    expect(parseAge(text, now)).toBe(ms);
  });

  it('keeps to the end of a shorter month', () => {
    expect(parseAge('1m', Date.UTC(2026, 2, 31, 12))).toBe(Date.UTC(2026, 1, 28, 12));
  });

  it.each(['', 'd', '2', '2h', '-2d', '1.5d', '9999999d', '999999y'])('refuses %s', (text) => {
    expect(parseAge(text, now)).toBeNull();
  });
});

describe('formatDay', () => {
  it.each([
    ['nl-NL', '7-12-2026'],
    ['en-US', '12/7/2026'],
    ['en-GB', '7/12/2026'],
    ['ja-JP', '2026-12-07'],
  ])('writes %s as %s and reads it back', (locale, text) => {
    const ms = parseDay('2026-12-07', opts(locale)) ?? NaN;
    expect(formatDay(ms, locale, 'Europe/Amsterdam')).toBe(text);
    expect(parseDay(text, opts(locale))).toBe(ms);
  });

  it('isoDay writes the zone’s day', () => {
    expect(isoDay(Date.UTC(2026, 11, 6, 23, 30), 'Europe/Amsterdam')).toBe('2026-12-07');
  });
});
