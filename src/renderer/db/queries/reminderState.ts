/**
 * The person's own reminder state (issue #5 §6): dismissals and snoozes per alarm (DueAlarm.id),
 * never shared with other members, and when reminders were last checked, so alarms that fell
 * due while the app was closed are shown once on start. Local tables: sync never clears them.
 */
import { lastReminderCheckId, type ReminderRow, type ReminderStateRow } from '../rows';
import type { PostvakDb } from '../schema';

export interface ReminderStateSnapshot {
  /** By DueAlarm.id. */
  alarms: Record<string, ReminderStateRow>;
  /** Epoch ms of the last check; null on the very first start. */
  lastCheckedAt: number | null;
}

function isStateRow(row: ReminderRow): row is ReminderStateRow {
  return row.id !== lastReminderCheckId;
}

export async function loadReminderState(database: PostvakDb): Promise<ReminderStateSnapshot> {
  const rows = await database.reminderState.toArray();
  const alarms: Record<string, ReminderStateRow> = {};
  let lastCheckedAt: number | null = null;
  for (const row of rows) {
    if (isStateRow(row)) alarms[row.id] = row;
    else lastCheckedAt = row.checkedAt;
  }
  return { alarms, lastCheckedAt };
}

export async function dismissReminder(database: PostvakDb, alarmId: string, alarmAt: number, now: number): Promise<void> {
  await database.reminderState.put({ id: alarmId, alarmAt, dismissedAt: now, snoozedUntil: null });
}

export async function snoozeReminder(database: PostvakDb, alarmId: string, alarmAt: number, until: number): Promise<void> {
  await database.reminderState.put({ id: alarmId, alarmAt, dismissedAt: null, snoozedUntil: until });
}

export async function setLastReminderCheck(database: PostvakDb, checkedAt: number): Promise<void> {
  await database.reminderState.put({ id: lastReminderCheckId, checkedAt });
}

/**
 * Notes the first time this profile's app ran, unless a check was ever noted: "missed while
 * closed" then counts from here even if the app closes before its reminders started. A noted
 * check is left alone, so alarms due since then are still shown by the scheduler.
 */
export async function noteFirstReminderCheck(database: PostvakDb, at: number): Promise<void> {
  await database.transaction('rw', database.reminderState, async () => {
    if (!(await database.reminderState.get(lastReminderCheckId))) await database.reminderState.put({ id: lastReminderCheckId, checkedAt: at });
  });
}

/** Forgets the state of alarms due before `before` whose snooze has also passed (keeps the table small). */
export async function pruneReminderState(database: PostvakDb, before: number): Promise<void> {
  await database.transaction('rw', database.reminderState, async () => {
    const old = (await database.reminderState.toArray())
      .filter(isStateRow)
      .filter((row) => row.alarmAt < before && (row.snoozedUntil ?? 0) < before);
    await database.reminderState.bulkDelete(old.map((row) => row.id));
  });
}
