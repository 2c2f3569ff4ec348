import { describe, expect, it } from 'vitest';
import { applyChoices, mergeEvents, sameValue } from '../../../../src/shared/calendar/merge';
import type { CalendarEvent } from '../../../../src/shared/model/calendar';
import { calendarEvent, override, recurrence } from './eventFixtures';

const ams = 'Europe/Amsterdam';
const base = calendarEvent({ recurrence: recurrence({ freq: 'weekly' }), alarms: [{ minutesBefore: 15, description: null }] });
const edit = (extra: Partial<CalendarEvent>, by = 'alice@example.test'): CalendarEvent => ({ ...base, ...extra, lastModifiedBy: by });
const later = { start: { dateTime: '2026-03-02T11:00:00', timeZone: ams }, end: { dateTime: '2026-03-02T12:00:00', timeZone: ams } };

describe('mergeEvents', () => {
  it('takes each field from the side that changed it when they changed different fields', () => {
    const mine = edit({ summary: 'Planning', sequence: 1 });
    const theirs = edit({ location: 'Room 2', ...later, sequence: 1, lastModified: base.lastModified + 5 }, 'bob@example.test');
    const { merged, conflicts } = mergeEvents(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ summary: 'Planning', location: 'Room 2', ...later, alarms: base.alarms, sequence: 1, lastModified: base.lastModified + 5 });
  });

  it('reports a field both changed differently and keeps theirs until the person chooses', () => {
    const mine = edit({ summary: 'Mine', description: 'Agenda attached' });
    const theirs = edit({ summary: 'Theirs', alarms: [] }, 'bob@example.test');
    const { merged, conflicts } = mergeEvents(base, mine, theirs);
    expect(conflicts).toEqual(['summary']);
    expect(merged).toMatchObject({ summary: 'Theirs', description: 'Agenda attached', alarms: [] });
    expect(applyChoices(merged, mine, theirs, new Map([['summary', 'mine']]))).toMatchObject({ summary: 'Mine', description: 'Agenda attached', alarms: [] });
    expect(applyChoices(merged, mine, theirs, { summary: 'theirs' }).summary).toBe('Theirs');
  });

  it('treats start, end and all-day as one field: a different end on each side conflicts as time', () => {
    const mine = edit({ end: { dateTime: '2026-03-02T11:30:00', timeZone: ams } });
    const theirs = edit({ start: { dateTime: '2026-03-02T09:00:00', timeZone: ams } });
    const { merged, conflicts } = mergeEvents(base, mine, theirs);
    expect(conflicts).toEqual(['time']);
    expect(applyChoices(merged, mine, theirs, { time: 'mine' })).toMatchObject({ start: base.start, end: mine.end });
  });

  it('identical changes on both sides are no conflict, whatever the order of object keys', () => {
    const mine = edit({ summary: 'Same', recurrence: recurrence({ freq: 'weekly', count: 5 }) });
    const reordered = Object.fromEntries(Object.entries(recurrence({ freq: 'weekly', count: 5 })).reverse()) as CalendarEvent['recurrence'];
    const theirs = edit({ summary: 'Same', recurrence: reordered }, 'bob@example.test');
    expect(mergeEvents(base, mine, theirs).conflicts).toEqual([]);
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });

  it('deleting occurrences on both sides merges, the same one or different ones', () => {
    const mine = edit({ exceptions: { excluded: ['2026-03-09T10:00:00', '2026-03-16T10:00:00'], overrides: {} } });
    const theirs = edit({ exceptions: { excluded: ['2026-03-16T10:00:00', '2026-03-23T10:00:00'], overrides: {} } });
    const { merged, conflicts } = mergeEvents(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.exceptions.excluded).toEqual(['2026-03-09T10:00:00', '2026-03-16T10:00:00', '2026-03-23T10:00:00']);
  });

  it('changes of different occurrences merge; the same occurrence changed differently conflicts', () => {
    const key = '2026-03-09T10:00:00';
    const other = '2026-03-16T10:00:00';
    const mine = edit({ exceptions: { excluded: [], overrides: { [key]: override(base, key, { summary: 'Mine' }), [other]: override(base, other, { summary: 'Only mine' }) } } });
    const theirs = edit({ exceptions: { excluded: [], overrides: { [key]: override(base, key, { summary: 'Theirs' }) } } }, 'bob@example.test');
    const { merged, conflicts } = mergeEvents(base, mine, theirs);
    expect(conflicts).toEqual(['exceptions']);
    expect(Object.values(merged.exceptions.overrides).map((o) => o.summary)).toEqual(['Theirs', 'Only mine']);
    const withBase = applyChoices(merged, mine, theirs, { exceptions: 'mine' }, base);
    expect(Object.values(withBase.exceptions.overrides).map((o) => o.summary)).toEqual(['Mine', 'Only mine']);
  });

  it('one side deleting an occurrence the other changed is a conflict', () => {
    const key = '2026-03-09T10:00:00';
    const mine = edit({ exceptions: { excluded: [key], overrides: {} } });
    const theirs = edit({ exceptions: { excluded: [], overrides: { [key]: override(base, key, { summary: 'Moved' }) } } });
    const { merged, conflicts } = mergeEvents(base, mine, theirs);
    expect(conflicts).toEqual(['exceptions']);
    expect(merged.exceptions).toEqual(theirs.exceptions);
    expect(applyChoices(merged, mine, theirs, { exceptions: 'mine' }, base).exceptions).toEqual({ excluded: [key], overrides: {} });
  });

  it('keeps properties of other clients that one side changed, without asking', () => {
    const attendee: CalendarEvent['extraProperties'][number] = ['attendee', {}, 'cal-address', 'mailto:carol@example.test'];
    const mine = edit({ summary: 'Mine' });
    const theirs = edit({ extraProperties: [attendee] });
    const { merged, conflicts } = mergeEvents(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ summary: 'Mine', extraProperties: [attendee] });
  });
});
