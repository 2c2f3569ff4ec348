/**
 * A unified view's order from its folders' indexes (issue #11 §2, issue #3): a k-way merge into
 * typed arrays with the folder's rank per entry, and the folders' deltas applied the same way a
 * folder applies its own — flags in place, arrivals and removals in one merge pass. Equal dates
 * order by folder (accountId, path) then UID, both descending, as the old IndexedDB index did.
 */
import { compareOrder, OrderedEntries, type EntryList } from './orderedEntries';

/** One member folder's entries; `rank` orders folders on equal dates (higher first). */
export interface RankedEntries {
  rank: number;
  entries: OrderedEntries;
}

export function mergeUnified(members: readonly RankedEntries[]): OrderedEntries {
  let total = 0;
  for (const member of members) total += member.entries.length;
  const merged = new OrderedEntries(true, total);
  if (members.length === 2) return mergeTwo(members[0] as RankedEntries, members[1] as RankedEntries, merged);
  // A binary heap of members by their next entry: O(n log k).
  const next = members.map(() => 0);
  const heap: number[] = [];
  const before = (a: number, b: number): boolean => {
    const x = members[a] as RankedEntries;
    const y = members[b] as RankedEntries;
    const i = next[a] as number;
    const j = next[b] as number;
    return compareOrder(x.entries.dates[i] as number, x.rank, x.entries.uids[i] as number, y.entries.dates[j] as number, y.rank, y.entries.uids[j] as number, true) < 0;
  };
  const swap = (i: number, j: number) => {
    const held = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = held;
  };
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let best = at;
      if (left < heap.length && before(heap[left] as number, heap[best] as number)) best = left;
      if (right < heap.length && before(heap[right] as number, heap[best] as number)) best = right;
      if (best === at) return;
      swap(at, best);
      at = best;
    }
  };
  members.forEach((member, index) => {
    if (member.entries.length > 0) heap.push(index);
  });
  for (let at = (heap.length >>> 1) - 1; at >= 0; at--) siftDown(at);
  while (heap.length > 0) {
    const index = heap[0] as number;
    const member = members[index] as RankedEntries;
    const at = next[index] as number;
    merged.append(member.entries.dates[at] as number, member.entries.uids[at] as number, member.entries.bits[at] as number, member.rank);
    next[index] = at + 1;
    if (at + 1 >= member.entries.length) {
      heap[0] = heap[heap.length - 1] as number;
      heap.pop();
    }
    siftDown(0);
  }
  return merged;
}

/** Two folders (a person's Inbox and one shared Inbox, the usual case): one comparison per entry, no heap. */
function mergeTwo(a: RankedEntries, b: RankedEntries, merged: OrderedEntries): OrderedEntries {
  const x = a.entries;
  const y = b.entries;
  let i = 0;
  let j = 0;
  let write = 0;
  const take = (from: OrderedEntries, at: number, rank: number) => {
    merged.dates[write] = from.dates[at] as number;
    merged.uids[write] = from.uids[at] as number;
    merged.bits[write] = from.bits[at] as number;
    merged.tags[write] = rank;
    write++;
  };
  while (i < x.length && j < y.length) {
    const order = compareOrder(x.dates[i] as number, a.rank, x.uids[i] as number, y.dates[j] as number, b.rank, y.uids[j] as number, true);
    if (order < 0) take(x, i++, a.rank);
    else take(y, j++, b.rank);
  }
  while (i < x.length) take(x, i++, a.rank);
  while (j < y.length) take(y, j++, b.rank);
  merged.fill(write);
  return merged;
}

/** A member folder's delta, applied to the unified entries with that folder's rank. */
export function applyMemberDelta(unified: OrderedEntries, rank: number, delta: { flags: EntryList; removed: EntryList; inserted: EntryList }): void {
  const { flags, removed, inserted } = delta;
  for (let at = 0; at < flags.uids.length; at++) {
    const position = unified.find(flags.dates[at] as number, rank, flags.uids[at] as number);
    if (position >= 0) unified.bits[position] = flags.bits[at] as number;
  }
  const positions: number[] = [];
  for (let at = 0; at < removed.uids.length; at++) {
    const position = unified.find(removed.dates[at] as number, rank, removed.uids[at] as number);
    if (position >= 0) positions.push(position);
  }
  positions.sort((a, b) => a - b);
  unified.splice(positions, { ...inserted, tags: inserted.uids.map(() => rank) });
}

