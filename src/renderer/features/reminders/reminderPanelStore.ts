/**
 * The reminders showing in the panel now (issue #5 §6). In-memory UI state of this window only:
 * what the person did with a reminder is kept in the cache's local `reminderState` table, and the
 * scheduler fills this list again from it. Kept apart from the app store because only the
 * reminder feature reads or writes it.
 */
import { create } from 'zustand';
import type { DueAlarm } from '../../calendar/alarms';
import type { ReminderEntry } from './reminderPlan';

interface ReminderPanelState {
  entries: ReminderEntry[];
  /** Adds firings; a newer firing of the same alarm replaces the older one. */
  add(entries: readonly ReminderEntry[]): void;
  remove(alarmIds: readonly string[]): void;
  /**
   * Keeps the list in step with the cache: an entry whose alarm is gone (event deleted or moved
   * later, reminders switched off for its calendar) leaves; one whose event changed shows the change.
   */
  refresh(current: ReadonlyMap<string, DueAlarm>): void;
}

export const useReminderPanel = create<ReminderPanelState>()((set) => ({
  entries: [],
  add: (added) =>
    set((state) => {
      if (added.length === 0) return state;
      const replaced = new Set(added.map((entry) => entry.alarm.id));
      return { entries: [...state.entries.filter((entry) => !replaced.has(entry.alarm.id)), ...added] };
    }),
  remove: (alarmIds) =>
    set((state) => {
      const gone = new Set(alarmIds);
      return { entries: state.entries.filter((entry) => !gone.has(entry.alarm.id)) };
    }),
  refresh: (current) =>
    set((state) => {
      if (state.entries.length === 0) return state;
      const entries = state.entries.flatMap((entry) => {
        const alarm = current.get(entry.alarm.id);
        return alarm ? [alarm === entry.alarm ? entry : { ...entry, alarm }] : [];
      });
      const same = entries.length === state.entries.length && entries.every((entry, i) => entry === state.entries[i]);
      return same ? state : { entries };
    }),
}));
