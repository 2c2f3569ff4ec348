/**
 * What the search index holds of one folder, in memory: every indexed UID with its flag bits and
 * the page (startUid) it was read from, as typed columns sorted by UID (~10 bytes a message, so
 * 10 MB at a million). It is what lets a catch-up from the heads and tombstones written since
 * the indexed revision tell arrivals, flag changes and removals apart (issue #13 §3), the way
 * the list index does (db/index/folderEntries.ts catchUpFolder) — pure, tested without IndexedDB.
 */
import type { HeadColumns } from '../../db/index/folderEntries';

export interface FlagChange {
  uid: number;
  bits: number;
}

/** A catch-up's outcome: what the index must change. Arrivals still need their summaries read. */
export interface MirrorDiff {
  flags: FlagChange[];
  removed: number[];
  /** New UIDs by the page they were seen in (ascending UIDs per page, pages ascending). */
  added: Map<number, number[]>;
  addedCount: number;
}

export class FolderMirror {
  uids: Uint32Array;
  bits: Uint16Array;
  starts: Uint32Array;
  length = 0;
  /** How many messages each page holds here: a catch-up scans for removals only when some went. */
  private readonly pageCounts = new Map<number, number>();

  constructor(capacity = 64) {
    this.uids = new Uint32Array(capacity);
    this.bits = new Uint16Array(capacity);
    this.starts = new Uint32Array(capacity);
  }

  /** Position of `uid`, or -(insertion point) - 1. */
  find(uid: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.uids[middle] as number;
      if (at < uid) low = middle + 1;
      else if (at > uid) high = middle - 1;
      else return middle;
    }
    return -low - 1;
  }

  has(uid: number): boolean {
    return this.find(uid) >= 0;
  }

  /** The page the UID was last seen in. */
  pageOf(uid: number): number | undefined {
    const position = this.find(uid);
    return position >= 0 ? this.starts[position] : undefined;
  }

  /** Adds or updates messages; `uids` ascending. Appends cheaply when they all come after the last. */
  put(uids: readonly number[], bits: readonly number[], starts: readonly number[]): void {
    if (uids.length === 0) return;
    const appendOnly = this.length === 0 || (uids[0] as number) > (this.uids[this.length - 1] as number);
    if (appendOnly) {
      this.reserve(this.length + uids.length);
      for (let at = 0; at < uids.length; at++) {
        this.uids[this.length] = uids[at] as number;
        this.bits[this.length] = bits[at] as number;
        this.starts[this.length] = starts[at] as number;
        this.length++;
        this.count(starts[at] as number, 1);
      }
      return;
    }
    const fresh: number[] = [];
    for (let at = 0; at < uids.length; at++) {
      const position = this.find(uids[at] as number);
      if (position >= 0) {
        this.bits[position] = bits[at] as number;
        this.moveTo(position, starts[at] as number);
      } else fresh.push(at);
    }
    if (fresh.length === 0) return;
    this.rewrite(
      new Set(),
      fresh.map((at) => uids[at] as number),
      fresh.map((at) => bits[at] as number),
      fresh.map((at) => starts[at] as number),
    );
  }

  /** Removes UIDs (any order; absent ones are ignored). */
  remove(uids: readonly number[]): void {
    const positions = new Set<number>();
    for (const uid of uids) {
      const position = this.find(uid);
      if (position >= 0) positions.add(position);
    }
    if (positions.size > 0) this.rewrite(positions, [], [], []);
  }

  setBits(uid: number, bits: number): void {
    const position = this.find(uid);
    if (position >= 0) this.bits[position] = bits;
  }

  /**
   * Compares the heads written and the pages removed since the indexed revision with what the
   * index holds: a UID of a changed head not held is new, one held with other bits changed flags;
   * what the changed and removed pages held and no changed head holds now is gone. Updates the
   * flags and pages of the messages that stay and drops the removed ones; the arrivals are
   * returned for the caller to read and `put` once indexed.
   */
  catchUp(heads: readonly HeadColumns[], removedStarts: readonly number[]): MirrorDiff {
    const diff: MirrorDiff = { flags: [], removed: [], added: new Map(), addedCount: 0 };
    const affected = new Set<number>([...removedStarts, ...heads.map((head) => head.startUid)]);
    const kept = new Set<number>();
    let before = 0;
    for (const start of affected) before += this.pageCounts.get(start) ?? 0;
    let keptBefore = 0;
    for (const head of heads) {
      for (let at = 0; at < head.uids.length; at++) {
        const uid = head.uids[at] as number;
        const bits = head.bits[at] as number;
        const position = this.find(uid);
        if (position < 0) {
          const list = diff.added.get(head.startUid) ?? [];
          list.push(uid);
          diff.added.set(head.startUid, list);
          diff.addedCount++;
          continue;
        }
        kept.add(position);
        if (affected.has(this.starts[position] as number)) keptBefore++;
        this.moveTo(position, head.startUid);
        if (this.bits[position] !== bits) {
          this.bits[position] = bits;
          diff.flags.push({ uid, bits });
        }
      }
    }
    // What the affected pages held before and no changed head holds now went; none: no scan.
    if (before > keptBefore) {
      const gone = new Set<number>();
      for (let position = 0; position < this.length; position++) {
        if (!kept.has(position) && affected.has(this.starts[position] as number)) gone.add(position);
      }
      for (const position of gone) diff.removed.push(this.uids[position] as number);
      if (gone.size > 0) this.rewrite(gone, [], [], []);
    }
    return diff;
  }

  /** Drops `drop` positions and merges in new UIDs (ascending, none held) in one pass. */
  private rewrite(drop: Set<number>, uids: readonly number[], bits: readonly number[], starts: readonly number[]): void {
    const length = this.length - drop.size + uids.length;
    const next = new FolderMirror(Math.max(64, length + (length >> 3)));
    let from = 0;
    let add = 0;
    while (from < this.length || add < uids.length) {
      if (from < this.length && drop.has(from)) {
        this.count(this.starts[from] as number, -1);
        from++;
        continue;
      }
      const takeOld = add >= uids.length || (from < this.length && (this.uids[from] as number) < (uids[add] as number));
      const write = next.length++;
      if (takeOld) {
        next.uids[write] = this.uids[from] as number;
        next.bits[write] = this.bits[from] as number;
        next.starts[write] = this.starts[from] as number;
        from++;
      } else {
        next.uids[write] = uids[add] as number;
        next.bits[write] = bits[add] as number;
        next.starts[write] = starts[add] as number;
        this.count(starts[add] as number, 1);
        add++;
      }
    }
    this.uids = next.uids;
    this.bits = next.bits;
    this.starts = next.starts;
    this.length = next.length;
  }

  private moveTo(position: number, start: number): void {
    const from = this.starts[position] as number;
    if (from === start) return;
    this.count(from, -1);
    this.count(start, 1);
    this.starts[position] = start;
  }

  private count(start: number, delta: number): void {
    const next = (this.pageCounts.get(start) ?? 0) + delta;
    if (next > 0) this.pageCounts.set(start, next);
    else this.pageCounts.delete(start);
  }

  private reserve(capacity: number): void {
    if (capacity <= this.uids.length) return;
    const size = Math.max(capacity, this.uids.length * 2);
    const grow = <T extends Uint32Array | Uint16Array>(from: T, to: T): T => (to.set(from.subarray(0, this.length) as never), to);
    this.uids = grow(this.uids, new Uint32Array(size));
    this.bits = grow(this.bits, new Uint16Array(size));
    this.starts = grow(this.starts, new Uint32Array(size));
  }
}
