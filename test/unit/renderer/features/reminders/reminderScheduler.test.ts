/**
 * The scheduler with a fake clock (as the e2e drives it with Playwright's page.clock): fires at
 * the alarm time, shows a missed alarm once on start and not again after a reload, re-fires a
 * snooze, plans again when the events change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DueAlarm } from '../../../../../src/renderer/calendar/alarms';
import type { ReminderStateRow } from '../../../../../src/renderer/db/rows';
import type { ReminderEntry } from '../../../../../src/renderer/features/reminders/reminderPlan';
import { ReminderScheduler } from '../../../../../src/renderer/features/reminders/reminderScheduler';
import type { StoredEvent } from '../../../../../src/shared/model/calendar';
import { dueAlarm } from './reminderTestAlarms';

const T = Date.UTC(2030, 2, 11, 8, 0, 0);
const min = 60_000;

/** The cache as the scheduler sees it: alarms stand in for events, state survives "reloads". */
function world(options: { failSaves?: number } = {}) {
  let failSaves = options.failSaves ?? 0;
  const stored = { alarms: {} as Record<string, ReminderStateRow>, lastCheckedAt: null as number | null };
  let alarms: DueAlarm[] = [];
  const fired: ReminderEntry[] = [];
  const start = (startedAt?: number) => {
    const scheduler = new ReminderScheduler({
      now: () => Date.now(),
      ...(startedAt === undefined ? {} : { startedAt }),
      alarmsBetween: (_events, from, to) => alarms.filter((alarm) => alarm.alarmAt >= from && alarm.alarmAt < to),
      loadState: async () => ({ alarms: { ...stored.alarms }, lastCheckedAt: stored.lastCheckedAt }),
      saveLastCheck: async (at) => {
        if (failSaves-- > 0) throw new Error('DatabaseClosedError');
        stored.lastCheckedAt = at;
      },
      fire: (entries) => fired.push(...entries),
      current: () => undefined,
      onError: () => undefined,
    });
    scheduler.setEvents([] as StoredEvent[]);
    return scheduler;
  };
  return {
    stored,
    fired,
    start,
    setAlarms(list: DueAlarm[]) {
      alarms = list;
    },
  };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('ReminderScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T);
  });
  afterEach(() => vi.useRealTimers());

  it('fires at the alarm time, not before', async () => {
    const w = world();
    w.setAlarms([dueAlarm('visit#0', T + 45 * min)]);
    const scheduler = w.start();
    await settle();
    await vi.advanceTimersByTimeAsync(45 * min - 1000);
    expect(w.fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.fired.map((entry) => [entry.alarm.id, entry.missed])).toEqual([['visit#0', false]]);
    scheduler.stop();
  });

  it('fires an alarm that fell due after the app started but before its scheduler mounted, not as missed', async () => {
    const w = world();
    w.stored.lastCheckedAt = T; // noted when the app started
    w.setAlarms([dueAlarm('visit#0', T + 45 * min)]);
    vi.setSystemTime(T + 46 * min); // the scheduler mounts late (a busy first sync, a tab taking over)
    const scheduler = w.start(T);
    await settle();
    expect(w.fired.map((entry) => [entry.alarm.id, entry.missed])).toEqual([['visit#0', false]]);
    scheduler.stop();
  });

  it('shows an alarm that fell due while closed once, as missed, and not after a reload', async () => {
    const w = world();
    w.setAlarms([dueAlarm('visit#0', T + 45 * min)]);
    const first = w.start();
    await settle();
    first.stop();
    expect(w.stored.lastCheckedAt).toBe(T);

    vi.setSystemTime(T + 2 * 60 * min); // closed over the alarm time
    const second = w.start();
    await settle();
    expect(w.fired.map((entry) => [entry.alarm.id, entry.missed])).toEqual([['visit#0', true]]);
    second.stop();

    vi.setSystemTime(T + 2 * 60 * min + 5000); // reload
    const third = w.start();
    await settle();
    expect(w.fired).toHaveLength(1);
    third.stop();
  });

  it('fires a snoozed alarm again when the snooze ends; a dismissed one never', async () => {
    const w = world();
    w.setAlarms([dueAlarm('a#0', T + min), dueAlarm('b#0', T + min)]);
    const scheduler = w.start();
    await settle();
    await vi.advanceTimersByTimeAsync(min);
    expect(w.fired.map((entry) => entry.alarm.id)).toEqual(['a#0', 'b#0']);
    w.stored.alarms['a#0'] = { id: 'a#0', alarmAt: T + min, dismissedAt: null, snoozedUntil: T + 6 * min };
    w.stored.alarms['b#0'] = { id: 'b#0', alarmAt: T + min, dismissedAt: T + min, snoozedUntil: null };
    scheduler.plan();
    await settle();
    await vi.advanceTimersByTimeAsync(5 * min - 1000);
    expect(w.fired).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.fired.map((entry) => [entry.alarm.id, entry.firedAt])).toEqual([
      ['a#0', T + min],
      ['b#0', T + min],
      ['a#0', T + 6 * min],
    ]);
    await vi.advanceTimersByTimeAsync(3 * 60 * min);
    expect(w.fired).toHaveLength(3);
    scheduler.stop();
  });

  it('plans again when the events change: an alarm moved earlier fires at its new time', async () => {
    const w = world();
    w.setAlarms([dueAlarm('visit#0', T + 60 * min)]);
    const scheduler = w.start();
    await settle();
    w.setAlarms([dueAlarm('visit#0', T + 10 * min)]);
    scheduler.setEvents([]);
    await settle();
    await vi.advanceTimersByTimeAsync(10 * min);
    expect(w.fired.map((entry) => entry.alarm.alarmAt)).toEqual([T + 10 * min]);
    scheduler.stop();
  });

  it('keeps reminding when recording a check fails', async () => {
    const w = world({ failSaves: 3 });
    w.setAlarms([dueAlarm('visit#0', T + 45 * min)]);
    const scheduler = w.start();
    await settle();
    await vi.advanceTimersByTimeAsync(45 * min);
    expect(w.fired.map((entry) => entry.alarm.id)).toEqual(['visit#0']);
    scheduler.stop();
  });
});
