/** Issue #12 §3: the list's multi-selection — ranges, toggles, "all" with exclusions — without a key per message. */
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../../../../src/renderer/db/rows';
import {
  anchorAt,
  emptySelection,
  extendTo,
  isSelected,
  rangeBounds,
  resolveKeys,
  selectAll,
  selectionCount,
  toggle,
  type Entry,
  type Positions,
} from '../../../../../../src/renderer/features/mail/selection/selectionModel';

/** A list of `length` messages in one folder, UID = 1000 - position, newest first; keyAt counts its reads. */
function list(length: number) {
  const reads = { count: 0 };
  const positions: Positions & { reads: typeof reads; at(position: number): Entry; length: number } = {
    length,
    reads,
    positionOf: (entry) => {
      const position = 1_000_000 - entry.key[2];
      return entry.key[1] === 'INBOX' && position >= 0 && position < positions.length ? position : -1;
    },
    keyAt: (position) => {
      reads.count++;
      return position >= 0 && position < positions.length ? (['acc', 'INBOX', 1_000_000 - position] as MessageKey) : undefined;
    },
    at: (position) => ({ key: ['acc', 'INBOX', 1_000_000 - position], date: 0 }),
  };
  return positions;
}

const uids = (keys: MessageKey[]) => keys.map((key) => 1_000_000 - key[2]);

describe('the message selection', () => {
  it('chooses nothing until asked: the open message is the selection', () => {
    const l = list(10);
    expect(selectionCount(anchorAt(l.at(3)), l)).toBe(0);
    expect(resolveKeys(anchorAt(l.at(3)), l)).toEqual([]);
  });

  it('Shift+click chooses the range from the anchor, in either direction', () => {
    const l = list(10);
    const down = extendTo(anchorAt(l.at(2)), l.at(5), null);
    expect(uids(resolveKeys(down, l))).toEqual([2, 3, 4, 5]);
    const up = extendTo(anchorAt(l.at(5)), l.at(2), null);
    expect(uids(resolveKeys(up, l))).toEqual([2, 3, 4, 5]);
    expect(selectionCount(up, l)).toBe(4);
    const bounds = rangeBounds(up, l);
    expect([1, 2, 5, 6].map((p) => isSelected(up, l.at(p).key, p, bounds))).toEqual([false, true, true, false]);
  });

  it('a second Shift+click replaces the range from the same anchor', () => {
    const l = list(10);
    const first = extendTo(anchorAt(l.at(4)), l.at(7), null);
    const second = extendTo(first, l.at(1), null);
    expect(uids(resolveKeys(second, l))).toEqual([1, 2, 3, 4]);
  });

  it('without an anchor the range starts at the open message', () => {
    const l = list(10);
    expect(uids(resolveKeys(extendTo(emptySelection, l.at(3), l.at(1)), l))).toEqual([1, 2, 3]);
  });

  it('Ctrl+click flips one message, and the first flip keeps the open message chosen', () => {
    const l = list(10);
    const one = toggle(emptySelection, l.at(4), l.at(1), l);
    expect(uids(resolveKeys(one, l))).toEqual([1, 4]);
    const two = toggle(one, l.at(7), l.at(1), l);
    expect(uids(resolveKeys(two, l))).toEqual([1, 4, 7]);
    const back = toggle(two, l.at(4), l.at(1), l);
    expect(uids(resolveKeys(back, l))).toEqual([1, 7]);
    expect(selectionCount(back, l)).toBe(2);
  });

  it('Ctrl+click inside a range takes that message out, outside adds it, in list order', () => {
    const l = list(10);
    const range = extendTo(anchorAt(l.at(3)), l.at(6), null);
    const flipped = toggle(toggle(range, l.at(4), null, l), l.at(9), null, l);
    const withFirst = toggle(flipped, l.at(0), null, l);
    expect(uids(resolveKeys(withFirst, l))).toEqual([0, 3, 5, 6, 9]);
    expect(selectionCount(withFirst, l)).toBe(5);
  });

  it('Shift+Ctrl+click keeps the Ctrl+clicked messages beside the new range', () => {
    const l = list(10);
    const flipped = toggle(toggle(anchorAt(l.at(0)), l.at(1), null, l), l.at(5), null, l);
    expect(uids(resolveKeys(flipped, l))).toEqual([1, 5]);
    expect(uids(resolveKeys(extendTo(flipped, l.at(7), null, l), l))).toEqual([1, 5, 6, 7]);
    // Without Ctrl the new range replaces them.
    expect(uids(resolveKeys(extendTo(flipped, l.at(7), null), l))).toEqual([5, 6, 7]);
  });

  it('Shift+arrows grow and shrink the range from where they started', () => {
    const l = list(10);
    let selection = anchorAt(l.at(5));
    selection = extendTo(selection, l.at(6), l.at(5));
    selection = extendTo(selection, l.at(7), l.at(6));
    expect(uids(resolveKeys(selection, l))).toEqual([5, 6, 7]);
    selection = extendTo(selection, l.at(6), l.at(7));
    selection = extendTo(selection, l.at(5), l.at(6));
    selection = extendTo(selection, l.at(4), l.at(5));
    expect(uids(resolveKeys(selection, l))).toEqual([4, 5]);
  });

  it('Ctrl+A in a million-message list reads no key until the keys are asked for, and excludes what was flipped', () => {
    const l = list(1_000_000);
    const all = toggle(toggle(selectAll(emptySelection), l.at(10), null, l), l.at(999_999), null, l);
    expect(selectionCount(all, l)).toBe(999_998);
    expect(isSelected(all, l.at(10).key, 10, null)).toBe(false);
    expect(isSelected(all, l.at(11).key, 11, null)).toBe(true);
    expect(l.reads.count).toBe(0);
    const keys = resolveKeys(all, l);
    expect(keys).toHaveLength(999_998);
    expect(uids(keys.slice(9, 11))).toEqual([9, 11]);
  });

  it('new mail at the top shifts positions, not what is chosen', () => {
    const l = list(10);
    const range = extendTo(anchorAt(l.at(2)), l.at(4), null);
    const before = resolveKeys(range, l);
    // Two new messages arrive above: every position moves down by two.
    const shifted: Positions = {
      length: 12,
      positionOf: (entry) => l.positionOf(entry) + 2,
      keyAt: (position) => l.keyAt(position - 2),
    };
    expect(resolveKeys(range, shifted)).toEqual(before);
  });

  it('a range whose end left the list chooses nothing rather than something else', () => {
    const l = list(10);
    const range = extendTo(anchorAt(l.at(2)), l.at(4), null);
    const gone: Positions = { ...l, positionOf: (entry) => (entry.key[2] === 1_000_000 - 4 ? -1 : l.positionOf(entry)) };
    expect(resolveKeys(range, gone)).toEqual([]);
  });
});
