/**
 * When reminders are due (issue #5 §6). The event's VALARMs (RFC 5545 §3.6.6, TRIGGER relative
 * to the start, §3.8.6.3) are the team's default: each occurrence's alarm is its start minus
 * `minutesBefore` — an override's own alarms for a changed occurrence, and for all-day events
 * relative to local midnight in the person's zone. Whether to show one is the person's own
 * choice (calendar reminders on/off, dismiss, snooze), decided here as pure functions.
 */
import type { StoredEvent } from '../../shared/model/calendar';
import { isAllDayTime } from '../../shared/model/calendar';
import { instantIn } from './zoneCache';
import { addWallMinutes } from './localTime';
import { expandOccurrences, type Occurrence } from './occurrences';

export interface DueAlarm {
  /** `${occurrence.id}|${alarm index}`: the key of the person's dismissal/snooze. */
  id: string;
  occurrence: Occurrence;
  alarmAt: number;
}

const minuteMs = 60_000;
const dayMs = 86_400_000;

function hasAlarms(stored: StoredEvent): boolean {
  const event = stored.event;
  return !!event && (event.alarms.length > 0 || Object.values(event.exceptions.overrides).some((o) => o.alarms.length > 0));
}

/**
 * Timed: the start minus the minutes, as elapsed time (TRIGGER is a duration, §3.8.6.3). All-day:
 * wall-clock minutes from local midnight, so "09:00 on the day" is 09:00 even on a DST day.
 */
export function alarmTime(occurrence: Occurrence, minutesBefore: number, viewZone: string): number {
  const start = occurrence.fields.start;
  if (!isAllDayTime(start)) return occurrence.start - minutesBefore * minuteMs;
  return instantIn(addWallMinutes(`${start.date}T00:00:00`, -minutesBefore), viewZone);
}

/** Every alarm with `from <= alarmAt < to`, by time. */
export function alarmsBetween(events: StoredEvent[], from: number, to: number, viewZone: string): DueAlarm[] {
  const withAlarms = events.filter(hasAlarms);
  if (withAlarms.length === 0 || to <= from) return [];
  // alarmAt = start − before, so the starts to look at lie in [from + min(before), to + max(before)).
  const befores = withAlarms.flatMap((stored) => {
    const event = stored.event!;
    return [event, ...Object.values(event.exceptions.overrides)].flatMap((f) => f.alarms.map((a) => a.minutesBefore));
  });
  // A day's slack: all-day alarms count wall-clock minutes, which a DST change stretches by an hour.
  const range = { start: from + Math.min(...befores) * minuteMs - dayMs, end: to + Math.max(...befores) * minuteMs + dayMs };
  const due: DueAlarm[] = [];
  for (const occurrence of expandOccurrences(withAlarms, range, viewZone)) {
    occurrence.fields.alarms.forEach((alarm, index) => {
      const alarmAt = alarmTime(occurrence, alarm.minutesBefore, viewZone);
      if (alarmAt >= from && alarmAt < to) due.push({ id: `${occurrence.id}|${index}`, occurrence, alarmAt });
    });
  }
  return due.sort((a, b) => a.alarmAt - b.alarmAt || (a.id < b.id ? -1 : 1));
}

/** The person's state of one alarm (db/rows ReminderStateRow, without the table's bookkeeping). */
export interface AlarmState {
  dismissedAt: number | null;
  snoozedUntil: number | null;
}

export interface ReminderInputs {
  /** By DueAlarm.id. */
  states: Readonly<Record<string, AlarmState>>;
  /** Last time reminders were checked (previous run); null = never. */
  lastCheckedAt: number | null;
  /** Whether reminders are on for a calendar (`${accountId}|${folderPath}`); default on. */
  remindersOn: (calendarKey: string) => boolean;
}

export interface DueNow {
  /** To show now: not dismissed, due (or snooze over), reminders on for its calendar. */
  show: DueAlarm[];
  /** Those of `show` that fell due while the app was closed: after the last check, before start. */
  missed: DueAlarm[];
}

/** When an alarm should show given the person's state; null = dismissed. */
export function showAt(alarm: DueAlarm, state: AlarmState | undefined): number | null {
  if (state?.dismissedAt != null) return null;
  return state?.snoozedUntil ?? alarm.alarmAt;
}

export function dueNow(alarms: readonly DueAlarm[], inputs: ReminderInputs, now: number, startedAt: number = now): DueNow {
  const show = alarms.filter((alarm) => {
    const at = showAt(alarm, inputs.states[alarm.id]);
    return at !== null && at <= now && inputs.remindersOn(alarm.occurrence.calendarKey);
  });
  const last = inputs.lastCheckedAt;
  const missed = show.filter(
    (alarm) => last !== null && alarm.alarmAt > last && alarm.alarmAt < startedAt && inputs.states[alarm.id]?.snoozedUntil == null,
  );
  return { show, missed };
}

/** The next moment after `now` an alarm will want showing (for a timer); null = none pending. */
export function nextReminderAt(alarms: readonly DueAlarm[], inputs: ReminderInputs, now: number): number | null {
  let next: number | null = null;
  for (const alarm of alarms) {
    const at = showAt(alarm, inputs.states[alarm.id]);
    if (at === null || at <= now || !inputs.remindersOn(alarm.occurrence.calendarKey)) continue;
    if (next === null || at < next) next = at;
  }
  return next;
}
