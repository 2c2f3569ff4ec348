/**
 * Fires reminders at each occurrence's alarm time (issue #5 §6): one timer (setTimeout) to the
 * next firing, planned again whenever the cached events change (another member moved or added an
 * event), after every firing, and after the person snoozes or dismisses. Timers and Date.now()
 * only, so a test clock (Playwright's page.clock) drives it like real time.
 *
 * The rules (which alarm fires when, what counts as missed) are in reminderPlan.ts; this class
 * only gathers their inputs and keeps the timer.
 */
import type { StoredEvent } from '../../../shared/model/calendar';
import type { DueAlarm } from '../../calendar/alarms';
import type { ReminderStateSnapshot } from '../../db/queries/reminderState';
import {
  firingKey,
  planHorizonMs,
  planReminders,
  sessionFloor,
  snoozedOutside,
  timerDelay,
  type ReminderEntry,
} from './reminderPlan';

/** After a failed check (the cache busy or closing), the next try. */
const retryMs = 30_000;

export interface SchedulerDeps {
  now(): number;
  /**
   * When this app session (the page) started: alarms due before it are "missed while closed".
   * Not when the scheduler was made — it mounts a moment later, or takes over from a closed tab,
   * and an alarm due in between fell while the app was open. Defaults to now().
   */
  startedAt?: number;
  /** Alarms of these events due in [from, to) (src/renderer/calendar/alarms.ts). */
  alarmsBetween(events: readonly StoredEvent[], from: number, to: number): DueAlarm[];
  loadState(): Promise<ReminderStateSnapshot>;
  saveLastCheck(at: number): Promise<void>;
  /** Shows firings (panel and notifications). */
  fire(entries: ReminderEntry[]): void;
  /** Every alarm this session may show now or later, by id: what is showing is kept in step with it. */
  current(alarms: ReadonlyMap<string, DueAlarm>): void;
  onError(error: unknown): void;
}

export class ReminderScheduler {
  private events: readonly StoredEvent[] | null = null;
  private readonly startedAt: number;
  private floor: number | null = null;
  private readonly shown = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {
    this.startedAt = deps.startedAt ?? deps.now();
  }

  /** The events of every calendar with reminders on, as the cache holds them now. */
  setEvents(events: readonly StoredEvent[]): void {
    this.events = events;
    this.plan();
  }

  /** Plans again now (after a snooze or dismissal). */
  plan(): void {
    if (this.stopped || this.events === null) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.evaluate()
      .catch((error: unknown) => {
        this.deps.onError(error);
        // The cache may be busy or closing: try again soon rather than stop reminding.
        this.arm(retryMs);
      })
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.plan();
        }
      });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async evaluate(): Promise<void> {
    const events = this.events ?? [];
    const state = await this.deps.loadState();
    if (this.stopped) return;
    const now = this.deps.now();
    this.floor ??= sessionFloor(state.lastCheckedAt, this.startedAt);
    const from = this.floor;
    const to = now + planHorizonMs;
    const alarms = this.deps.alarmsBetween(events, from, to);
    // A snooze can outlive the window its alarm belongs to (snoozed yesterday until today).
    for (const row of snoozedOutside(state.alarms, from, to)) {
      if ((row.snoozedUntil ?? 0) <= from) continue;
      const found = this.deps.alarmsBetween(events, row.alarmAt, row.alarmAt + 1).find((alarm) => alarm.id === row.id);
      if (found) alarms.push(found);
    }
    this.deps.current(new Map(alarms.map((alarm) => [alarm.id, alarm])));
    const plan = planReminders({ now, floor: from, startedAt: this.startedAt, alarms, states: state.alarms, shown: this.shown });
    for (const entry of plan.due) this.shown.add(firingKey(entry.alarm.id, entry.firedAt));
    if (plan.due.length > 0) this.deps.fire(plan.due);
    // Armed before the write below, so a failing write cannot leave the scheduler without a timer.
    this.arm(timerDelay(now, plan.nextAt));
    await this.deps.saveLastCheck(now);
  }

  private arm(delay: number): void {
    if (this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.plan();
    }, delay);
  }
}
