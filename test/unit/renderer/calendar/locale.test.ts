import { describe, expect, it } from 'vitest';
import {
  fallbackWeekInfo,
  isoWeekNumber,
  localeWeekNumber,
  uses12Hour,
  weekInfoOf,
  weekNumber,
  weekStartOf,
  workWeekDays,
} from '../../../../src/renderer/calendar/locale';

describe('locale conventions', () => {
  it('starts the week on Monday for Dutch and British English, Sunday for American English', () => {
    expect(weekStartOf('nl')).toBe(1);
    expect(weekStartOf('nl-NL')).toBe(1);
    expect(weekStartOf('en-GB')).toBe(1);
    expect(weekStartOf('en-US')).toBe(0);
  });

  it('the fallback table agrees with the runtime’s data where both exist', () => {
    for (const tag of ['nl', 'en-US', 'en-GB', 'de-DE', 'ar-EG', 'he-IL', 'ja-JP']) {
      expect([tag, fallbackWeekInfo(tag).firstDay, fallbackWeekInfo(tag).weekend.sort()]).toEqual([tag, weekInfoOf(tag).firstDay, weekInfoOf(tag).weekend.sort()]);
    }
    expect(fallbackWeekInfo('not a tag!')).toEqual({ firstDay: 1, weekend: [6, 0], minimalDays: 4 });
  });

  it('24-hour clock for Dutch and British English, 12-hour for American', () => {
    expect(uses12Hour('nl')).toBe(false);
    expect(uses12Hour('en-GB')).toBe(false);
    expect(uses12Hour('en-US')).toBe(true);
  });

  it('the work week is Monday to Friday in week order, Sunday to Thursday in Egypt', () => {
    expect(workWeekDays('nl')).toEqual([1, 2, 3, 4, 5]);
    expect(workWeekDays('en-US')).toEqual([1, 2, 3, 4, 5]);
    expect(workWeekDays('ar-EG')).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('week numbers', () => {
  it('ISO 8601: week 1 holds the first Thursday; days around New Year belong to the neighbouring year', () => {
    expect(isoWeekNumber('2026-01-01')).toBe(1);
    expect(isoWeekNumber('2026-03-30')).toBe(14);
    expect(isoWeekNumber('2026-12-31')).toBe(53);
    expect(isoWeekNumber('2027-01-03')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2024-12-30')).toBe(1);
    expect(isoWeekNumber('2021-01-03')).toBe(53);
  });

  it('US: the week holding 1 January is week 1, weeks from Sunday', () => {
    expect(weekNumber('2026-01-01', 0, 1)).toBe(1);
    expect(weekNumber('2026-01-04', 0, 1)).toBe(2);
    expect(weekNumber('2026-12-31', 0, 1)).toBe(1);
    expect(localeWeekNumber('2026-12-26', 'en-US')).toBe(52);
    expect(localeWeekNumber('2026-12-31', 'nl')).toBe(53);
  });
});
