/**
 * The message list's multi-selection (issue #12 §3), as a pure value. A list can hold a million
 * messages, so the selection is never a set of every chosen key: it is "all" or one range
 * (two messages, the ends), with the keys toggled by Ctrl/Cmd+click on top (exclusions when
 * "all" or inside the range, additions outside it). Positions are resolved through the list's
 * index only when they are needed — to draw a visible row, to count, or when an action runs —
 * so new mail arriving at the top shifts nothing. The ends are messages, not positions.
 *
 * Empty means "nothing chosen besides the open message": then the open message is the selection.
 */
import type { MessageKey } from '../../../db/rows';

/** A message as the list's index finds it (its key plus the date it is ordered by). */
export interface Entry {
  key: MessageKey;
  date: number;
}

/** What the model needs of the list's index. */
export interface Positions {
  readonly length: number;
  /** The entry's position, or -1 when the list no longer holds it. */
  positionOf(entry: Entry): number;
  keyAt(position: number): MessageKey | undefined;
}

export interface MessageSelection {
  all: boolean;
  range: { from: Entry; to: Entry } | null;
  /** Keys flipped against `all`/`range` (Ctrl/Cmd+click), by keyTag. */
  toggled: ReadonlyMap<string, Entry>;
  /** Where Shift+click and Shift+arrows extend from. */
  anchor: Entry | null;
}

export const emptySelection: MessageSelection = { all: false, range: null, toggled: new Map(), anchor: null };

export function keyTag(key: MessageKey): string {
  return `${key[0]}\u0000${key[1]}\u0000${key[2]}`;
}

export function sameKey(a: MessageKey | null | undefined, b: MessageKey | null | undefined): boolean {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

/** Nothing chosen beyond the open message; the anchor moves to `entry` (a plain click, an arrow key). */
export function anchorAt(entry: Entry | null): MessageSelection {
  return { ...emptySelection, anchor: entry };
}

/** The positions the range covers, lowest first; null without a range or when an end left the list. */
export function rangeBounds(selection: MessageSelection, positions: Positions): [number, number] | null {
  if (!selection.range) return null;
  const a = positions.positionOf(selection.range.from);
  const b = positions.positionOf(selection.range.to);
  if (a < 0 || b < 0) return null;
  return a <= b ? [a, b] : [b, a];
}

function baseSelected(selection: MessageSelection, position: number, bounds: [number, number] | null): boolean {
  return selection.all || (bounds !== null && position >= bounds[0] && position <= bounds[1]);
}

/** Whether the row at `position` with `key` is chosen; pass `bounds` from rangeBounds (once per draw). */
export function isSelected(selection: MessageSelection, key: MessageKey, position: number, bounds: [number, number] | null): boolean {
  return baseSelected(selection, position, bounds) !== selection.toggled.has(keyTag(key));
}

/** How many messages are chosen (0: only the open message counts). */
export function selectionCount(selection: MessageSelection, positions: Positions): number {
  const bounds = rangeBounds(selection, positions);
  let count = selection.all ? positions.length : bounds ? bounds[1] - bounds[0] + 1 : 0;
  for (const entry of selection.toggled.values()) {
    const position = positions.positionOf(entry);
    if (position < 0) continue;
    count += baseSelected(selection, position, bounds) ? -1 : 1;
  }
  return count;
}

/**
 * The chosen keys in list order. This is the only place "all" becomes a list of keys: when an
 * action runs on it.
 */
export function resolveKeys(selection: MessageSelection, positions: Positions): MessageKey[] {
  const bounds = rangeBounds(selection, positions);
  const keys: MessageKey[] = [];
  const extra: { position: number; key: MessageKey }[] = [];
  if (selection.all || bounds) {
    const [first, last] = selection.all ? [0, positions.length - 1] : bounds!;
    for (let position = first; position <= last; position++) {
      const key = positions.keyAt(position);
      if (key && !selection.toggled.has(keyTag(key))) keys.push(key);
    }
  }
  for (const entry of selection.toggled.values()) {
    const position = positions.positionOf(entry);
    if (position >= 0 && !baseSelected(selection, position, bounds)) extra.push({ position, key: entry.key });
  }
  if (extra.length === 0) return keys;
  // Additions outside the range: merge them in list order.
  extra.sort((a, b) => a.position - b.position);
  const first = bounds ? bounds[0] : Number.POSITIVE_INFINITY;
  const before = extra.filter((item) => item.position < first).map((item) => item.key);
  const after = extra.filter((item) => item.position >= first).map((item) => item.key);
  return [...before, ...keys, ...after];
}

/**
 * Ctrl/Cmd+click (or Ctrl+Space, Gmail's `x`): flips one message. The first flip with only a
 * message open starts from that message, as in Outlook and Thunderbird: the open one stays chosen.
 */
export function toggle(selection: MessageSelection, entry: Entry, open: Entry | null, positions: Positions): MessageSelection {
  const toggled = new Map(selection.toggled);
  if (selectionCount(selection, positions) === 0 && open && !sameKey(open.key, entry.key)) toggled.set(keyTag(open.key), open);
  const tag = keyTag(entry.key);
  if (toggled.has(tag)) toggled.delete(tag);
  else toggled.set(tag, entry);
  return { ...selection, toggled, anchor: entry };
}

/**
 * Shift+click / Shift+arrow: the range from the anchor to `entry` replaces what was chosen.
 * With Ctrl held too (`keepWith`: the list's positions) the Ctrl+clicked additions stay beside
 * the new range, as in Windows lists. Without an anchor the range starts at `from` (the open or
 * active message), else at `entry` itself.
 */
export function extendTo(selection: MessageSelection, entry: Entry, from: Entry | null, keepWith?: Positions): MessageSelection {
  const anchor = selection.anchor ?? from ?? entry;
  const range = { from: anchor, to: entry };
  const toggled = new Map<string, Entry>();
  if (keepWith) {
    const before = rangeBounds(selection, keepWith);
    const after = rangeBounds({ ...emptySelection, range }, keepWith);
    for (const [tag, kept] of selection.toggled) {
      const position = keepWith.positionOf(kept);
      const wasAdded = position >= 0 && !baseSelected(selection, position, before);
      const inRange = after !== null && position >= after[0] && position <= after[1];
      if (wasAdded && !inRange) toggled.set(tag, kept);
    }
  }
  return { all: false, range, toggled, anchor };
}

/** Ctrl+A: every message of the list, without reading one key. */
export function selectAll(selection: MessageSelection): MessageSelection {
  return { all: true, range: null, toggled: new Map(), anchor: selection.anchor };
}
