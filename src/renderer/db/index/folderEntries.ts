/**
 * A folder's list order from its page heads (issue #11 §2), pure so it is tested without
 * IndexedDB: the first build sorts once; every later change is a catch-up from the heads written
 * and the pages removed since (store-api: heads and tombstones newer than the seen revision),
 * applied as a delta — flag changes in place, arrivals and removals in one merge pass.
 */
import type { HeadRow } from '../pages/pageRows';
import { compareOrder, emptyEntryList, orderDate, OrderedEntries, pushEntry, type EntryList } from './orderedEntries';

export type HeadColumns = Pick<HeadRow, 'startUid' | 'uids' | 'dates' | 'bits'>;

/** A folder's entries and how many each page holds (to tell a catch-up what it removed). */
export interface FolderEntries {
  entries: OrderedEntries;
  pageCounts: Map<number, number>;
}

/**
 * Collects heads (read in chunks, in startUid order) into flat columns, then orders them once.
 * Mail mostly arrives in date order, so UID order is nearly list order reversed: the messages
 * that break it are sorted apart and merged back in (all of them, at worst).
 */
export class FolderEntriesBuilder {
  private uids: Uint32Array;
  private dates: Float64Array;
  private bits: Uint16Array;
  private starts: Uint32Array;
  private length = 0;
  private readonly pageCounts = new Map<number, number>();

  constructor(sizeHint: number) {
    const capacity = Math.max(16, sizeHint);
    this.uids = new Uint32Array(capacity);
    this.dates = new Float64Array(capacity);
    this.bits = new Uint16Array(capacity);
    this.starts = new Uint32Array(capacity);
  }

  add(head: HeadColumns): void {
    const count = head.uids.length;
    if (this.length + count > this.uids.length) this.grow(Math.max(this.length + count, this.uids.length * 2));
    this.uids.set(head.uids, this.length);
    this.dates.set(head.dates, this.length);
    this.bits.set(head.bits, this.length);
    this.starts.fill(head.startUid, this.length, this.length + count);
    this.length += count;
    this.pageCounts.set(head.startUid, (this.pageCounts.get(head.startUid) ?? 0) + count);
  }

  finish(): FolderEntries {
    const { uids, bits, starts, length } = this;
    const dates = this.dates;
    for (let at = 0; at < length; at++) dates[at] = orderDate(dates[at] as number);
    const listOrder = (a: number, b: number) => compareOrder(dates[a] as number, 0, uids[a] as number, dates[b] as number, 0, uids[b] as number, false);
    // Walking UIDs upwards, the messages that each come before (newer than) all so far form one
    // run already in order; only the others (late arrivals, odd Date headers) need sorting.
    const run: number[] = [];
    const rest: number[] = [];
    for (let at = 0; at < length; at++) {
      const last = run.at(-1);
      if (last === undefined || listOrder(at, last) < 0) run.push(at);
      else rest.push(at);
    }
    rest.sort(listOrder);
    const entries = new OrderedEntries(false, length);
    let fromRun = run.length - 1;
    let fromRest = 0;
    for (let write = 0; write < length; write++) {
      const takeRun = fromRest >= rest.length || (fromRun >= 0 && listOrder(run[fromRun] as number, rest[fromRest] as number) < 0);
      const at = (takeRun ? run[fromRun--] : rest[fromRest++]) as number;
      entries.dates[write] = dates[at] as number;
      entries.uids[write] = uids[at] as number;
      entries.bits[write] = bits[at] as number;
      entries.tags[write] = starts[at] as number;
    }
    entries.fill(length);
    return { entries, pageCounts: this.pageCounts };
  }

  private grow(capacity: number): void {
    const copy = <T extends Uint32Array | Float64Array | Uint16Array>(from: T, to: T): T => (to.set(from.subarray(0, this.length) as never), to);
    this.uids = copy(this.uids, new Uint32Array(capacity));
    this.dates = copy(this.dates, new Float64Array(capacity));
    this.bits = copy(this.bits, new Uint16Array(capacity));
    this.starts = copy(this.starts, new Uint32Array(capacity));
  }
}

export function buildFolderEntries(heads: Iterable<HeadColumns>, sizeHint = 0): FolderEntries {
  const builder = new FolderEntriesBuilder(sizeHint);
  for (const head of heads) builder.add(head);
  return builder.finish();
}

export interface FolderDelta {
  flags: EntryList;
  removed: EntryList;
  inserted: EntryList;
}

/**
 * Applies the heads written and the pages removed since the last catch-up. Every message of a
 * changed page is looked up by (date, uid): found, it stays (flags and page updated in place);
 * not found, it is new (or its date changed). What the changed and removed pages held before
 * and no head holds now is gone: counted from the page sizes, so a flag-only change never walks
 * the folder. Returns `undefined` when the index and the heads disagree (rebuild instead).
 */
export function catchUpFolder(folder: FolderEntries, heads: readonly HeadColumns[], removedStarts: readonly number[]): FolderDelta | undefined {
  const { entries, pageCounts } = folder;
  const delta: FolderDelta = { flags: emptyEntryList(), removed: emptyEntryList(), inserted: emptyEntryList() };
  const affected = new Set<number>([...removedStarts, ...heads.map((head) => head.startUid)]);
  let before = 0;
  for (const start of affected) before += pageCounts.get(start) ?? 0;
  const kept: number[] = [];
  for (const head of heads) {
    for (let at = 0; at < head.uids.length; at++) {
      const date = orderDate(head.dates[at] as number);
      const uid = head.uids[at] as number;
      const bits = head.bits[at] as number;
      const position = entries.find(date, 0, uid);
      if (position < 0) {
        pushEntry(delta.inserted, date, uid, bits, head.startUid);
        continue;
      }
      kept.push(position);
      entries.tags[position] = head.startUid;
      if (entries.bits[position] !== bits) {
        entries.bits[position] = bits;
        pushEntry(delta.flags, date, uid, bits, head.startUid);
      }
    }
  }
  for (const start of affected) pageCounts.delete(start);
  for (const head of heads) if (head.uids.length > 0) pageCounts.set(head.startUid, head.uids.length);
  const removedCount = before - kept.length;
  if (removedCount < 0) return undefined;
  const removedAt = removedCount > 0 ? removedPositions(entries, affected, kept, removedCount) : [];
  if (removedAt === undefined) return undefined;
  for (const position of removedAt) {
    pushEntry(delta.removed, entries.dates[position] as number, entries.uids[position] as number, entries.bits[position] as number, entries.tags[position] as number);
  }
  entries.splice(removedAt, delta.inserted);
  return delta;
}

/** The positions of entries in affected pages that no head holds any more: one pass. */
function removedPositions(entries: OrderedEntries, affected: Set<number>, kept: number[], expected: number): number[] | undefined {
  const keptSorted = Int32Array.from(kept).sort();
  const removed: number[] = [];
  let next = 0;
  for (let position = 0; position < entries.length; position++) {
    if (next < keptSorted.length && keptSorted[next] === position) {
      next++;
      continue;
    }
    if (affected.has(entries.tags[position] as number)) removed.push(position);
  }
  return removed.length === expected ? removed : undefined;
}
