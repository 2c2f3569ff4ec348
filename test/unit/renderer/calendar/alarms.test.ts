import { describe, expect, it } from 'vitest';
import { alarmsBetween, dueNow, nextReminderAt, type AlarmState, type DueAlarm } from '../../../../src/renderer/calendar/alarms';
import { localDateTime } from '../../../../src/shared/calendar/zoneTime';
import type { CalendarEvent } from '../../../../src/shared/model/calendar';
import { calendarEvent, override, recurrence, storedEvent } from '../../shared/calendar/eventFixtures';

const ams = 'Europe/Amsterdam';
const utc = (iso: string) => Date.parse(`${iso}Z`);
const at = (alarm: DueAlarm) => localDateTime(alarm.alarmAt, ams);
const between = (events: CalendarEvent[], from: string, to: string) =>
  alarmsBetween(events.map((e, i) => storedEvent(e, { imapUid: i + 1 })), utc(from), utc(to), ams);

const weekly = calendarEvent({
  uid: 'standup',
  start: { dateTime: '2026-03-16T10:00:00', timeZone: ams },
  end: { dateTime: '2026-03-16T10:15:00', timeZone: ams },
  recurrence: recurrence({ freq: 'weekly' }),
  alarms: [{ minutesBefore: 15, description: null }],
});

describe('alarmsBetween', () => {
  it('fires 15 minutes before each occurrence, at 09:45 local on both sides of the DST change', () => {
    const found = between([weekly], '2026-03-16T00:00', '2026-04-07T00:00');
    expect(found.map(at)).toEqual(['2026-03-16T09:45:00', '2026-03-23T09:45:00', '2026-03-30T09:45:00', '2026-04-06T09:45:00']);
    expect(found.map((a) => a.alarmAt)).toEqual([utc('2026-03-16T08:45'), utc('2026-03-23T08:45'), utc('2026-03-30T07:45'), utc('2026-04-06T07:45')]);
    expect(found[0]?.id).toBe('acc-a|Calendar|standup|2026-03-16T10:00:00|0');
  });

  it('uses an override’s own alarms (and none when it has none), and skips deleted occurrences', () => {
    const master: CalendarEvent = { ...weekly, exceptions: { excluded: ['2026-03-30T10:00:00'], overrides: {} } };
    master.exceptions.overrides = {
      '2026-03-16T10:00:00': override(master, '2026-03-16T10:00:00', {
        start: { dateTime: '2026-03-16T14:00:00', timeZone: ams },
        end: { dateTime: '2026-03-16T15:00:00', timeZone: ams },
        alarms: [{ minutesBefore: 60, description: 'Prepare' }, { minutesBefore: 5, description: null }],
      }),
      '2026-03-23T10:00:00': override(master, '2026-03-23T10:00:00', { alarms: [] }),
    };
    const found = between([master], '2026-03-16T00:00', '2026-04-07T00:00');
    expect(found.map((a) => [at(a), a.id.split('|').slice(-2).join('|')])).toEqual([
      ['2026-03-16T13:00:00', '2026-03-16T10:00:00|0'],
      ['2026-03-16T13:55:00', '2026-03-16T10:00:00|1'],
      ['2026-04-06T09:45:00', '2026-04-06T10:00:00|0'],
    ]);
  });

  it('an all-day event’s alarm is relative to local midnight: the evening before, or 09:00 on the day', () => {
    const day = calendarEvent({
      uid: 'holiday',
      start: { date: '2026-03-29' },
      end: { date: '2026-03-30' },
      allDay: true,
      alarms: [{ minutesBefore: 15, description: null }, { minutesBefore: -540, description: null }],
    });
    expect(between([day], '2026-03-27T00:00', '2026-03-31T00:00').map(at)).toEqual(['2026-03-28T23:45:00', '2026-03-29T09:00:00']);
  });

  it('looks back far enough for an alarm a day before, and includes from but not to', () => {
    const early = calendarEvent({ uid: 'early', alarms: [{ minutesBefore: 1440, description: null }] });
    // The event is 2026-03-02 10:00 Amsterdam = 09:00 UTC; the alarm a day earlier.
    expect(between([early], '2026-03-01T09:00', '2026-03-01T09:01')).toHaveLength(1);
    expect(between([early], '2026-03-01T08:00', '2026-03-01T09:00')).toHaveLength(0);
    expect(between([calendarEvent()], '2026-03-01T00:00', '2026-04-01T00:00')).toEqual([]);
  });
});

describe('dueNow and nextReminderAt', () => {
  const alarms = between([weekly], '2026-03-16T00:00', '2026-03-31T00:00');
  const [first, second, third] = alarms as [DueAlarm, DueAlarm, DueAlarm];
  const inputs = (states: Record<string, AlarmState> = {}, lastCheckedAt: number | null = null, off: string[] = []) => ({
    states,
    lastCheckedAt,
    remindersOn: (key: string) => !off.includes(key),
  });

  it('shows what is due and not dismissed; a snooze shows again when it ends', () => {
    const now = third.alarmAt;
    const states = { [first.id]: { dismissedAt: first.alarmAt, snoozedUntil: null }, [second.id]: { dismissedAt: null, snoozedUntil: now + 300_000 } };
    expect(dueNow(alarms, inputs(states), now).show.map((a) => a.id)).toEqual([third.id]);
    expect(dueNow(alarms, inputs(states), now + 300_000).show.map((a) => a.id)).toEqual([second.id, third.id]);
    expect(nextReminderAt(alarms, inputs(states), now)).toBe(now + 300_000);
    expect(nextReminderAt(alarms, inputs(), first.alarmAt)).toBe(second.alarmAt);
  });

  it('shows nothing for a calendar whose reminders the person switched off', () => {
    expect(dueNow(alarms, inputs({}, null, ['acc-a|Calendar']), third.alarmAt).show).toEqual([]);
    expect(nextReminderAt(alarms, inputs({}, null, ['acc-a|Calendar']), 0)).toBeNull();
  });

  it('marks as missed what fell due after the last check and before the app started', () => {
    const started = third.alarmAt + 60_000;
    const due = dueNow(alarms, inputs({}, first.alarmAt), started, started);
    expect(due.show.map((a) => a.id)).toEqual([first.id, second.id, third.id]);
    expect(due.missed.map((a) => a.id)).toEqual([second.id, third.id]);
    expect(dueNow(alarms, inputs({}, null), started, started).missed).toEqual([]);
  });
});
