import { describe, expect, it } from 'vitest';
import {
  changeOccurrence,
  changeSeries,
  deleteOccurrence,
  moveOccurrence,
  occurrenceKeyAt,
  shiftTimes,
} from '../../../../src/renderer/calendar/editing';
import { expandOccurrences } from '../../../../src/renderer/calendar/occurrences';
import { localDateTime } from '../../../../src/shared/calendar/zoneTime';
import type { CalendarEvent } from '../../../../src/shared/model/calendar';
import { calendarEvent, recurrence, storedEvent } from '../../shared/calendar/eventFixtures';

const ams = 'Europe/Amsterdam';
const utc = (iso: string) => Date.parse(`${iso}Z`);
const march = { start: utc('2026-03-01T00:00'), end: utc('2026-04-01T00:00') };
const shown = (event: CalendarEvent) =>
  expandOccurrences([storedEvent(event)], march, ams).map((o) => `${localDateTime(o.start, ams).slice(5, 16)} ${o.fields.summary}`);

const weekly = calendarEvent({ recurrence: recurrence({ freq: 'weekly', byDay: [{ day: 'MO', ordinal: null }] }) });

describe('editing a series', () => {
  it('finds the key of an occurrence from its start', () => {
    const [, second] = expandOccurrences([storedEvent(weekly)], march, ams);
    expect(occurrenceKeyAt(weekly, second!.start, ams)).toBe('2026-03-09T10:00:00');
    expect(occurrenceKeyAt(calendarEvent({ start: { date: '2026-03-02' }, end: { date: '2026-03-03' } }), utc('2026-03-08T23:00'), ams)).toBe('2026-03-09');
  });

  it('deleting one occurrence adds an EXDATE and drops its override', () => {
    const changed = changeOccurrence(weekly, '2026-03-09T10:00:00', { summary: 'Changed' });
    expect(shown(changed)).toContain('03-09T10:00 Changed');
    const deleted = deleteOccurrence(changed, '2026-03-09T10:00:00');
    expect(deleted.exceptions).toEqual({ excluded: ['2026-03-09T10:00:00'], overrides: {} });
    expect(shown(deleted)).toEqual(['03-02T10:00 Team meeting', '03-16T10:00 Team meeting', '03-23T10:00 Team meeting', '03-30T10:00 Team meeting']);
  });

  it('changing one occurrence twice keeps the first change', () => {
    const once = changeOccurrence(weekly, '2026-03-16T10:00:00', { summary: 'Review' });
    const twice = changeOccurrence(once, '2026-03-16T10:00:00', shiftTimes(once.exceptions.overrides['2026-03-16T10:00:00']!, { startMinutes: 60, endMinutes: 60 }));
    expect(shown(twice)[2]).toBe('03-16T11:00 Review');
    expect(twice.exceptions.overrides['2026-03-16T10:00:00']?.recurrenceId).toBe('2026-03-16T10:00:00');
  });

  it('moving the whole series an hour later moves its exceptions along', () => {
    const base = changeOccurrence(deleteOccurrence(weekly, '2026-03-09T10:00:00'), '2026-03-16T10:00:00', { summary: 'Special' });
    const moved = changeSeries(base, shiftTimes(base, { startMinutes: 60, endMinutes: 60 }));
    expect(moved.exceptions.excluded).toEqual(['2026-03-09T11:00:00']);
    expect(Object.keys(moved.exceptions.overrides)).toEqual(['2026-03-16T11:00:00']);
    expect(shown(moved)).toEqual(['03-02T11:00 Team meeting', '03-16T10:00 Special', '03-23T11:00 Team meeting', '03-30T11:00 Team meeting']);
  });

  it('a new rule drops exceptions that no longer point at an occurrence', () => {
    const base = deleteOccurrence(deleteOccurrence(weekly, '2026-03-09T10:00:00'), '2026-03-16T10:00:00');
    const fortnightly = changeSeries(base, { recurrence: recurrence({ freq: 'weekly', interval: 2, byDay: [{ day: 'MO', ordinal: null }] }) });
    expect(fortnightly.exceptions.excluded).toEqual(['2026-03-16T10:00:00']);
    expect(changeSeries(base, { recurrence: null }).exceptions).toEqual({ excluded: [], overrides: {} });
  });

  it('dragging an occurrence to Tuesday changes that one, or the series with its weekday', () => {
    const [, second] = expandOccurrences([storedEvent(weekly)], march, ams);
    const day = { startMinutes: 1440, endMinutes: 1440 };
    expect(shown(moveOccurrence(second!, day, 'occurrence')).slice(0, 3)).toEqual(['03-02T10:00 Team meeting', '03-10T10:00 Team meeting', '03-16T10:00 Team meeting']);
    const series = moveOccurrence(second!, day, 'series');
    expect(series.recurrence?.byDay).toEqual([{ day: 'TU', ordinal: null }]);
    expect(shown(series)).toEqual(['03-03T10:00 Team meeting', '03-10T10:00 Team meeting', '03-17T10:00 Team meeting', '03-24T10:00 Team meeting', '03-31T10:00 Team meeting']);
  });

  it('resizing never puts the end before the start; a single event simply moves', () => {
    expect(shiftTimes(weekly, { startMinutes: 0, endMinutes: -120 }).end).toEqual(weekly.start);
    const allDay = { start: { date: '2026-03-02' }, end: { date: '2026-03-03' } };
    expect(shiftTimes(allDay, { startMinutes: 0, endMinutes: -1440 })).toEqual({ start: { date: '2026-03-02' }, end: { date: '2026-03-03' } });
    const [single] = expandOccurrences([storedEvent(calendarEvent())], march, ams);
    expect(moveOccurrence(single!, { startMinutes: 30, endMinutes: 30 }, 'series').start).toEqual({ dateTime: '2026-03-02T10:30:00', timeZone: ams });
  });
});
