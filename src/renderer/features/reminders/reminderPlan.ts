/**
 * When reminders fire (issue #5 §6), as pure functions the scheduler and its tests share.
 *
 * An alarm fires at its own time (`DueAlarm.alarmAt`, from the event's VALARM, RFC 5545 §3.6.6),
 * or at the end of the person's snooze; a dismissed alarm never fires again. Dismissals and
 * snoozes are the person's own (local `reminderState`), never written to the server.
 *
 * Each check covers a window (floor, now]: the floor is the last check the cache remembers from
 * before this start, so an alarm that fell due while the app was closed is found once on start
 * ("missed"), and not again after a reload, because every check moves the remembered time on.
 */
import { showAt, type DueAlarm } from '../../calendar/alarms';
import type { ReminderStateRow } from '../../db/rows';

/** How far back "missed while closed" looks: a long weekend, not a year of old alarms. */
export const missedLookbackMs = 7 * 24 * 60 * 60 * 1000;
/** The scheduler plans this far ahead, then plans again (keeps the expansion range small). */
export const planHorizonMs = 24 * 60 * 60 * 1000;
/** Browsers run a longer setTimeout at once (the delay is a signed 32-bit number). */
export const maxTimerMs = 0x7fffffff;

export const snoozeChoicesMinutes = [5, 15, 60] as const;
export type SnoozeMinutes = (typeof snoozeChoicesMinutes)[number];

export interface ReminderEntry {
  alarm: DueAlarm;
  /** When it fired: the alarm time, or the end of a snooze. */
  firedAt: number;
  /** Fell due while the app was closed (before this start). */
  missed: boolean;
}

/**
 * Issue #10 §7: an alarm of a shared mailbox's calendar keyed by that mailbox (its address and
 * folder), not by the account it is used through. When info@ moves from alice's account to
 * bob's (alice removed, a right revoked, the person's choice), its reminders keep what was shown,
 * dismissed or snoozed instead of firing again. `sharedAddressOf` gives the address for a
 * shared calendar's key and nothing for others, whose alarms stay as they are.
 */
export function byMailbox(alarm: DueAlarm, sharedAddressOf: (calendarKey: string) => string | undefined): DueAlarm {
  const key = alarm.occurrence.calendarKey;
  const address = sharedAddressOf(key);
  if (!address || !alarm.id.startsWith(`${key}|`)) return alarm;
  const folderPath = key.slice(key.indexOf('|') + 1);
  return { ...alarm, id: `${address.trim().toLowerCase()}|${folderPath}${alarm.id.slice(key.length)}` };
}

/** When an alarm fires given the person's state; null = dismissed. */
export function fireTime(alarm: DueAlarm, state: ReminderStateRow | undefined): number | null {
  return showAt(alarm, state);
}

/** One firing of one alarm: a snoozed alarm fires again under a new key. */
export function firingKey(alarmId: string, firedAt: number): string {
  return `${alarmId}@${firedAt}`;
}

/** The floor of this session's checks: the remembered last check, at most `missedLookbackMs` back; the start itself on the very first start. */
export function sessionFloor(lastCheckedAt: number | null, startedAt: number): number {
  if (lastCheckedAt === null) return startedAt;
  return Math.min(startedAt, Math.max(lastCheckedAt, startedAt - missedLookbackMs));
}

export interface PlanInput {
  now: number;
  /** Alarms fire when their time is after this (sessionFloor). */
  floor: number;
  /** When this app session started: earlier firings are "missed". */
  startedAt: number;
  /** Candidate alarms (duplicates by id are ignored). */
  alarms: readonly DueAlarm[];
  states: Readonly<Record<string, ReminderStateRow>>;
  /** firingKeys already shown in this session. */
  shown: ReadonlySet<string>;
}

export interface Plan {
  /** Firings to show now, oldest first. */
  due: ReminderEntry[];
  /** The next moment something fires (after now), or null. */
  nextAt: number | null;
}

export function planReminders({ now, floor, startedAt, alarms, states, shown }: PlanInput): Plan {
  const due: ReminderEntry[] = [];
  const seen = new Set<string>();
  let nextAt: number | null = null;
  for (const alarm of alarms) {
    if (seen.has(alarm.id)) continue;
    seen.add(alarm.id);
    const at = fireTime(alarm, states[alarm.id]);
    if (at === null) continue;
    if (at > now) {
      if (nextAt === null || at < nextAt) nextAt = at;
    } else if (at > floor && !shown.has(firingKey(alarm.id, at))) {
      due.push({ alarm, firedAt: at, missed: at < startedAt });
    }
  }
  due.sort((a, b) => a.firedAt - b.firedAt || a.alarm.occurrence.start - b.alarm.occurrence.start);
  return { due, nextAt };
}

/** The delay of the next timer: to the next firing, or to the end of the planned horizon. */
export function timerDelay(now: number, nextAt: number | null): number {
  const target = nextAt === null ? now + planHorizonMs : Math.min(nextAt, now + planHorizonMs);
  return Math.min(maxTimerMs, Math.max(0, target - now));
}

/** Snoozed alarms whose own time lies outside [from, to): the scheduler looks these up one by one. */
export function snoozedOutside(states: Readonly<Record<string, ReminderStateRow>>, from: number, to: number): ReminderStateRow[] {
  return Object.values(states).filter(
    (row) => row.dismissedAt == null && row.snoozedUntil != null && (row.alarmAt < from || row.alarmAt >= to),
  );
}
