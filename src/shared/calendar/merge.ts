/**
 * Three-way merge of two edits of one event (issue #5 §5). When a save loses the
 * compare-and-swap (UNCHANGEDSINCE, RFC 7162 §3.1.3) because another member saved first, the
 * person's version (`mine`) and the server's (`theirs`) are merged against the version both
 * started from (`base`), one field group at a time: a group only one side changed comes from
 * that side; a group both changed to different values is a conflict, which the merge fills with
 * theirs until the person chooses. Changing a group to the same value on both sides is no
 * conflict.
 *
 * Exceptions merge per occurrence: EXDATEs (RFC 5545 §3.8.5.1) as sets, so both people deleting
 * (different or the same) occurrences merges; overrides (§3.8.4.4) per RECURRENCE-ID, a conflict
 * only where both changed the same occurrence differently.
 */
import type { CalendarEvent, EventExceptions, EventOverride, OccurrenceKey } from '../model/calendar';

/** The groups a person chooses between; `time` is start, end and all-day together. */
export type EventField = 'summary' | 'location' | 'description' | 'time' | 'recurrence' | 'alarms' | 'exceptions';
export const eventFieldNames: readonly EventField[] = ['summary', 'location', 'description', 'time', 'recurrence', 'alarms', 'exceptions'];

export type FieldSide = 'mine' | 'theirs';

export interface MergeResult {
  merged: CalendarEvent;
  /** Groups both changed differently, in eventFieldNames order. */
  conflicts: EventField[];
}

/** Deep equality for JSON values, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.length === kb.length && ka.every((key) => key in rb && sameValue(ra[key], rb[key]));
}

type Group = Exclude<EventField, 'exceptions'>;
const groupProperties: Record<Group, readonly (keyof CalendarEvent)[]> = {
  summary: ['summary'],
  location: ['location'],
  description: ['description'],
  time: ['start', 'end', 'allDay'],
  recurrence: ['recurrence'],
  alarms: ['alarms'],
};

function pick(event: CalendarEvent, properties: readonly (keyof CalendarEvent)[]): Partial<CalendarEvent> {
  return Object.fromEntries(properties.map((p) => [p, event[p]]));
}

/** The three-way rule for one value: [result, conflict]. */
function merge3<T>(base: T, mine: T, theirs: T): [T, boolean] {
  if (sameValue(mine, theirs) || sameValue(mine, base)) return [theirs, false];
  if (sameValue(theirs, base)) return [mine, false];
  return [theirs, true];
}

/** An occurrence's state on one side: deleted, changed (its override), or as the series says. */
type OccurrenceState = 'deleted' | EventOverride | null;

function stateOf(exceptions: EventExceptions, key: OccurrenceKey): OccurrenceState {
  if (exceptions.excluded.includes(key)) return 'deleted';
  return exceptions.overrides[key] ?? null;
}

/** Per occurrence three-way; `prefer` wins where both changed one differently. */
export function mergeExceptions(
  base: EventExceptions,
  mine: EventExceptions,
  theirs: EventExceptions,
  prefer: FieldSide = 'theirs',
): { exceptions: EventExceptions; conflict: boolean } {
  const keys = new Set<OccurrenceKey>();
  for (const side of [base, mine, theirs]) {
    side.excluded.forEach((key) => keys.add(key));
    Object.keys(side.overrides).forEach((key) => keys.add(key));
  }
  const excluded: OccurrenceKey[] = [];
  const overrides: Record<OccurrenceKey, EventOverride> = {};
  let conflict = false;
  for (const key of [...keys].sort()) {
    const [theirsFirst, clash] = merge3(stateOf(base, key), stateOf(mine, key), stateOf(theirs, key));
    conflict ||= clash;
    const state = clash && prefer === 'mine' ? stateOf(mine, key) : theirsFirst;
    if (state === 'deleted') excluded.push(key);
    else if (state) overrides[key] = state;
  }
  return { exceptions: { excluded, overrides }, conflict };
}

export function mergeEvents(base: CalendarEvent, mine: CalendarEvent, theirs: CalendarEvent): MergeResult {
  const merged: CalendarEvent = { ...theirs };
  const conflicts: EventField[] = [];
  for (const field of eventFieldNames) {
    if (field === 'exceptions') {
      const { exceptions, conflict } = mergeExceptions(base.exceptions, mine.exceptions, theirs.exceptions);
      merged.exceptions = exceptions;
      if (conflict) conflicts.push(field);
      continue;
    }
    const properties = groupProperties[field];
    const [value, conflict] = merge3(pick(base, properties), pick(mine, properties), pick(theirs, properties));
    Object.assign(merged, value);
    if (conflict) conflicts.push(field);
  }
  // Properties this app does not edit (attendees, categories … of other clients): the same rule,
  // but never a question the person could not judge; theirs stands.
  merged.extraProperties = merge3(base.extraProperties, mine.extraProperties, theirs.extraProperties)[0];
  merged.sequence = Math.max(mine.sequence, theirs.sequence);
  merged.lastModified = Math.max(mine.lastModified, theirs.lastModified);
  return { merged, conflicts };
}

/**
 * The merge after the person chose a side for each conflicting group. Exceptions with `mine`:
 * with `base`, only the occurrences both changed take mine (the others stay merged); without
 * it, all of mine.
 */
export function applyChoices(
  merged: CalendarEvent,
  mine: CalendarEvent,
  theirs: CalendarEvent,
  choices: ReadonlyMap<EventField, FieldSide> | Partial<Record<EventField, FieldSide>>,
  base?: CalendarEvent,
): CalendarEvent {
  const result: CalendarEvent = { ...merged };
  const entries: [EventField, FieldSide][] =
    choices instanceof Map ? [...(choices as ReadonlyMap<EventField, FieldSide>).entries()] : (Object.entries(choices) as [EventField, FieldSide][]);
  for (const [field, side] of entries) {
    const source = side === 'mine' ? mine : theirs;
    if (field === 'exceptions') {
      result.exceptions = base ? mergeExceptions(base.exceptions, mine.exceptions, theirs.exceptions, side).exceptions : source.exceptions;
    } else {
      Object.assign(result, pick(source, groupProperties[field]));
    }
  }
  return result;
}
