import { describe, expect, it } from 'vitest';
import {
  byMailbox,
  fireTime,
  firingKey,
  maxTimerMs,
  missedLookbackMs,
  planHorizonMs,
  planReminders,
  sessionFloor,
  snoozedOutside,
  timerDelay,
} from '../../../../../src/renderer/features/reminders/reminderPlan';
import type { ReminderStateRow } from '../../../../../src/renderer/db/rows';
import { dueAlarm } from './reminderTestAlarms';

const T = Date.UTC(2030, 2, 11, 8, 0, 0);
const min = 60_000;

const state = (id: string, alarmAt: number, change: Partial<ReminderStateRow>): ReminderStateRow => ({
  id,
  alarmAt,
  dismissedAt: null,
  snoozedUntil: null,
  ...change,
});

describe('fireTime', () => {
  it('is the alarm time, the end of a snooze, or never once dismissed', () => {
    const alarm = dueAlarm('a#0', T);
    expect(fireTime(alarm, undefined)).toBe(T);
    expect(fireTime(alarm, state('a#0', T, { snoozedUntil: T + 5 * min }))).toBe(T + 5 * min);
    expect(fireTime(alarm, state('a#0', T, { dismissedAt: T + min }))).toBeNull();
  });
});

describe('sessionFloor', () => {
  it('starts at the last check, at most a week back, and at the start on the very first start', () => {
    expect(sessionFloor(null, T)).toBe(T);
    expect(sessionFloor(T - 3 * min, T)).toBe(T - 3 * min);
    expect(sessionFloor(T - 30 * 24 * 60 * min, T)).toBe(T - missedLookbackMs);
    // A clock set back (or a check written by a later session): never beyond the start.
    expect(sessionFloor(T + min, T)).toBe(T);
  });
});

describe('planReminders', () => {
  const base = { floor: T - 60 * min, startedAt: T, states: {}, shown: new Set<string>() };

  it('fires what fell due since the floor and plans the next; earlier than the start is missed', () => {
    const missed = dueAlarm('missed#0', T - 30 * min);
    const tooOld = dueAlarm('old#0', T - 90 * min);
    const now = dueAlarm('now#0', T + 10 * min);
    const later = dueAlarm('later#0', T + 45 * min);
    const plan = planReminders({ ...base, now: T + 10 * min, alarms: [later, now, missed, tooOld] });
    expect(plan.due.map((entry) => [entry.alarm.id, entry.missed])).toEqual([
      ['missed#0', true],
      ['now#0', false],
    ]);
    expect(plan.nextAt).toBe(T + 45 * min);
  });

  it('skips dismissed alarms and firings already shown; a snooze fires again at its end', () => {
    const a = dueAlarm('a#0', T + min);
    const b = dueAlarm('b#0', T + 2 * min);
    const c = dueAlarm('c#0', T + 3 * min);
    const states = {
      'a#0': state('a#0', T + min, { dismissedAt: T + 2 * min }),
      'c#0': state('c#0', T + 3 * min, { snoozedUntil: T + 20 * min }),
    };
    const shown = new Set([firingKey('b#0', T + 2 * min)]);
    const before = planReminders({ ...base, now: T + 10 * min, alarms: [a, b, c], states, shown });
    expect(before.due).toEqual([]);
    expect(before.nextAt).toBe(T + 20 * min);
    const after = planReminders({ ...base, now: T + 20 * min, alarms: [a, b, c], states, shown });
    expect(after.due.map((entry) => [entry.alarm.id, entry.firedAt])).toEqual([['c#0', T + 20 * min]]);
    expect(after.nextAt).toBeNull();
  });

  it('counts an alarm listed twice once', () => {
    const a = dueAlarm('a#0', T + min);
    expect(planReminders({ ...base, now: T + 2 * min, alarms: [a, a] }).due).toHaveLength(1);
  });
});

describe('timerDelay', () => {
  it('waits for the next firing, at most the planning horizon, never negative', () => {
    expect(timerDelay(T, T + 5 * min)).toBe(5 * min);
    expect(timerDelay(T, null)).toBe(planHorizonMs);
    expect(timerDelay(T, T + 10 * planHorizonMs)).toBe(planHorizonMs);
    expect(timerDelay(T, T - min)).toBe(0);
    expect(planHorizonMs).toBeLessThanOrEqual(maxTimerMs);
  });
});

describe('snoozedOutside', () => {
  it('lists live snoozes whose alarm lies outside the planned window', () => {
    const states = {
      inside: state('inside', T, { snoozedUntil: T + min }),
      outside: state('outside', T - 5 * planHorizonMs, { snoozedUntil: T + min }),
      dismissed: state('dismissed', T - 5 * planHorizonMs, { dismissedAt: T }),
    };
    expect(snoozedOutside(states, T - min, T + planHorizonMs).map((row) => row.id)).toEqual(['outside']);
  });
});

describe('byMailbox (issue #10 §7)', () => {
  const through = (accountId: string) => {
    const alarm = dueAlarm(`${accountId}|shared/info@example.test/Calendar|visit@example.test||0`, T);
    return { ...alarm, occurrence: { ...alarm.occurrence, calendarKey: `${accountId}|shared/info@example.test/Calendar` } };
  };
  const shared = (key: string) => (key.endsWith('|shared/info@example.test/Calendar') ? 'Info@Example.test' : undefined);

  it('keys a shared calendar’s alarm by the mailbox, so it is the same whichever account info@ is used through', () => {
    expect(byMailbox(through('alice'), shared).id).toBe(byMailbox(through('bob'), shared).id);
    expect(byMailbox(through('alice'), shared).id).toBe('info@example.test|shared/info@example.test/Calendar|visit@example.test||0');
  });

  it('a reminder shown through alice does not fire again when info@ moves to bob’s account', () => {
    const shown = new Set([firingKey(byMailbox(through('alice'), shared).id, T)]);
    const plan = planReminders({ now: T + min, floor: T - min, startedAt: T - 10 * min, alarms: [byMailbox(through('bob'), shared)], states: {}, shown });
    expect(plan.due).toEqual([]);
  });

  it('leaves alarms of calendars that are not shared as they were', () => {
    const own = dueAlarm('alice|Calendar|dentist@example.test||0', T);
    expect(byMailbox(own, () => undefined)).toBe(own);
  });
});
