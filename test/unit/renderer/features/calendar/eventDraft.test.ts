import { describe, expect, it } from 'vitest';
import { changeDraft, draftFields, draftFromEvent, draftRecurrence, newDraft, newEvent, stamped, validateDraft } from '../../../../../src/renderer/features/calendar/eventDraft';
import { calendarEvent, recurrence } from '../../../shared/calendar/eventFixtures';

const ams = 'Europe/Amsterdam';
const author = { by: 'alice@example.test', now: Date.UTC(2027, 0, 4, 8, 0) };

describe('the event form', () => {
  it('turns a new weekly appointment with a 15-minute reminder into an event', () => {
    const draft = { ...newDraft('acc|Calendar', '2027-03-01T10:00:00', '2027-03-01T11:00:00', ams), summary: ' Klantbezoek ', repeat: 'weekly' as const };
    expect(draft.byDay).toEqual(['MO']);
    const event = newEvent(draft, ams, author);
    expect(event).toMatchObject({
      summary: 'Klantbezoek',
      start: { dateTime: '2027-03-01T10:00:00', timeZone: ams },
      end: { dateTime: '2027-03-01T11:00:00', timeZone: ams },
      alarms: [{ minutesBefore: 15, description: null }],
      createdBy: 'alice@example.test',
      lastModifiedBy: 'alice@example.test',
      recurrence: { freq: 'weekly', interval: 1, count: null, until: null, byDay: [{ day: 'MO', ordinal: null }] },
    });
    expect(event.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows an event as it was saved and writes back only what the form holds', () => {
    const event = calendarEvent({
      alarms: [{ minutesBefore: 30, description: 'Leave now' }, { minutesBefore: 1440, description: null }],
      recurrence: recurrence({ freq: 'monthly', byMonthDay: [2], count: 5 }),
      extraProperties: [['categories', {}, 'text', 'Work']],
    });
    const draft = draftFromEvent('k', event, event.recurrence);
    expect(draft).toMatchObject({ startDate: '2026-03-02', startTime: '10:00', endTime: '11:00', timeZone: ams, repeat: 'monthly', ends: 'count', count: 5, reminder: 30 });
    const fields = draftFields({ ...draft, reminder: 10 }, ams, event.alarms);
    // The first alarm is the form's reminder; the second alarm and its text stay.
    expect(fields.alarms).toEqual([{ minutesBefore: 10, description: 'Leave now' }, { minutesBefore: 1440, description: null }]);
    expect(draftRecurrence(draft, event.recurrence, fields.start)?.byMonthDay).toEqual([2]);
  });

  it('stores an all-day range with DTEND the day after its last day', () => {
    const draft = { ...newDraft('k', '2027-03-04T00:00:00', '2027-03-06T00:00:00', ams, true), summary: 'Beurs' };
    expect(draft.endDate).toBe('2027-03-05');
    const event = newEvent(draft, ams, author);
    expect([event.start, event.end, event.allDay]).toEqual([{ date: '2027-03-04' }, { date: '2027-03-06' }, true]);
    expect(draftFromEvent('k', event, null).endDate).toBe('2027-03-05');
  });

  it('ends a series on a date at the end of that day in its zone', () => {
    const draft = { ...newDraft('k', '2027-03-01T10:00:00', '2027-03-01T11:00:00', ams), summary: 'x', repeat: 'daily' as const, ends: 'until' as const, untilDate: '2027-03-10' };
    expect(newEvent(draft, ams, author).recurrence?.until).toEqual({ dateTime: '2027-03-10T23:59:59', timeZone: ams });
  });

  it('names what is wrong', () => {
    const draft = newDraft('k', '2027-03-01T10:00:00', '2027-03-01T11:00:00', ams);
    expect(validateDraft(draft)).toEqual(['summaryMissing']);
    expect(validateDraft({ ...draft, summary: 'x', endTime: '09:00' })).toEqual(['endBeforeStart']);
    expect(validateDraft({ ...draft, summary: 'x', repeat: 'weekly', interval: 0, ends: 'until', untilDate: '2027-02-01' })).toEqual(['intervalInvalid', 'untilBeforeStart']);
  });

  it('stamps a change with a new sequence and who made it', () => {
    expect(stamped(calendarEvent({ sequence: 3 }), author)).toMatchObject({ sequence: 4, lastModified: author.now, lastModifiedBy: 'alice@example.test', createdBy: 'alice@example.test' });
  });
});

describe('changing the start date in the form', () => {
  it('moves the end date along and a weekly series to the new weekday', () => {
    const draft = { ...newDraft('k', '2027-03-01T10:00:00', '2027-03-02T11:00:00', ams), repeat: 'weekly' as const };
    const moved = changeDraft(draft, { startDate: '2027-03-03' });
    expect([moved.startDate, moved.endDate, moved.byDay]).toEqual(['2027-03-03', '2027-03-04', ['WE']]);
    const chosen = changeDraft({ ...draft, byDay: ['MO', 'TH'] }, { startDate: '2027-03-03' });
    expect(chosen.byDay).toEqual(['MO', 'TH']);
  });
});
