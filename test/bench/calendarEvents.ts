/**
 * Synthetic calendars for timing (issue #5 "Figures: time to render a month with 1,000 events").
 * Deterministic (seeded), no real person's appointments: a month's worth of single events, a
 * share of weekly/daily/monthly series started years earlier with EXDATEs and overrides, and
 * all-day events, spread over a few calendars. Used by test/bench/calendarExpand.mjs and by any
 * render benchmark that wants the same data (`monthOfEvents` + `timeRuns`).
 */
import type { CalendarEvent, Recurrence, StoredEvent } from '../../src/shared/model/calendar';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 0x100000000;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const rule = (freq: Recurrence['freq'], extra: Partial<Recurrence> = {}): Recurrence => ({
  freq, interval: 1, count: null, until: null, byDay: [], byMonthDay: [], byMonth: [], bySetPos: [], weekStart: null, ...extra,
});

/**
 * `count` events touching `month` (`YYYY-MM`) in `zone`: 80 % single timed, 10 % all-day, 10 %
 * series (weekly with an exception, daily on workdays, monthly on a weekday ordinal).
 */
export function monthOfEvents(count: number, month: string, zone = 'Europe/Amsterdam', calendars = 4, seed = 5): StoredEvent[] {
  const random = prng(seed);
  const events: StoredEvent[] = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + Math.floor(random() * 28);
    const hour = 8 + Math.floor(random() * 10);
    const date = `${month}-${pad(day)}`;
    const kind = random();
    const stamp = Date.UTC(2026, 0, 1);
    const event: CalendarEvent = {
      uid: `bench-${seed}-${i}`,
      summary: `Appointment ${i}`,
      location: i % 3 === 0 ? `Room ${i % 7}` : '',
      description: '',
      start: { dateTime: `${date}T${pad(hour)}:00:00`, timeZone: zone },
      end: { dateTime: `${date}T${pad(hour + 1)}:00:00`, timeZone: zone },
      allDay: false,
      alarms: i % 2 === 0 ? [{ minutesBefore: 15, description: null }] : [],
      sequence: 0,
      created: stamp,
      lastModified: stamp,
      createdBy: 'alice@example.test',
      lastModifiedBy: 'alice@example.test',
      extraProperties: [],
      recurrence: null,
      exceptions: { excluded: [], overrides: {} },
    };
    if (kind < 0.1) {
      Object.assign(event, { start: { date }, end: { date: `${month}-${pad(Math.min(day + 1, 28))}` }, allDay: true });
    } else if (kind < 0.14) {
      const start = `2023-01-${pad(2 + (i % 5))}T${pad(hour)}:00:00`;
      Object.assign(event, { start: { dateTime: start, timeZone: zone }, end: { dateTime: `${start.slice(0, 11)}${pad(hour + 1)}:00:00`, timeZone: zone }, recurrence: rule('weekly') });
      event.exceptions.excluded.push(`${month}-${pad(8 + (i % 7))}T${pad(hour)}:00:00`);
    } else if (kind < 0.17) {
      const start = `2024-06-03T${pad(hour)}:30:00`;
      const workdays = (['MO', 'TU', 'WE', 'TH', 'FR'] as const).map((d) => ({ day: d, ordinal: null }));
      Object.assign(event, { start: { dateTime: start, timeZone: zone }, end: { dateTime: `2024-06-03T${pad(hour + 1)}:00:00`, timeZone: zone }, recurrence: rule('daily', { byDay: workdays }) });
    } else if (kind < 0.2) {
      Object.assign(event, { recurrence: rule('monthly', { byDay: [{ day: 'TU', ordinal: 2 }] }), start: { dateTime: `2025-01-14T${pad(hour)}:00:00`, timeZone: zone }, end: { dateTime: `2025-01-14T${pad(hour + 1)}:00:00`, timeZone: zone } });
    }
    events.push({ accountId: 'bench', folderPath: `Calendar${i % calendars}`, imapUid: i + 1, modseq: '1', event, error: null });
  }
  return events;
}

export interface RunFigures {
  label: string;
  runs: number;
  firstMs: number;
  medianMs: number;
  maxMs: number;
}

/** Times `fn` `runs` times (the first run separately: cold caches, JIT). Figures only, never asserted. */
export function timeRuns(label: string, fn: () => unknown, runs = 20, now: () => number = () => performance.now()): RunFigures {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    fn();
    times.push(now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { label, runs, firstMs: times[0] ?? 0, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, maxMs: sorted[sorted.length - 1] ?? 0 };
}
