/**
 * The list order of a view as columns of typed arrays (issue #11 §2): a few bytes per message
 * instead of an object per message, so a 1,000,000-message folder costs ~18 MB, not hundreds.
 *
 * Order: newest date first, then (unified views only) the folder's rank descending, then UID
 * descending — the order the old `[…+date]` IndexedDB indexes gave when walked backwards (equal
 * dates by primary key `[accountId, folderPath, uid]`, descending).
 *
 * `tags` is per entry: the page startUid in a folder index (not part of the order), the folder's
 * rank in a unified index (part of the order, `tieOnTag`).
 */

/** A date as the order sees it: a message without a usable date sorts last. */
export const orderDate = (date: number): number => (Number.isNaN(date) ? -Infinity : date);

/** Entries to insert or report, as parallel plain arrays (short-lived; a catch-up's worth). */
export interface EntryList {
  dates: number[];
  uids: number[];
  bits: number[];
  tags: number[];
}

export const emptyEntryList = (): EntryList => ({ dates: [], uids: [], bits: [], tags: [] });

export function pushEntry(list: EntryList, date: number, uid: number, bits: number, tag: number): void {
  list.dates.push(date);
  list.uids.push(uid);
  list.bits.push(bits);
  list.tags.push(tag);
}

/** Negative when (a) comes before (b) in the list. */
export function compareOrder(dateA: number, tagA: number, uidA: number, dateB: number, tagB: number, uidB: number, tieOnTag: boolean): number {
  if (dateA !== dateB) return dateA > dateB ? -1 : 1;
  if (tieOnTag && tagA !== tagB) return tagA > tagB ? -1 : 1;
  return uidA === uidB ? 0 : uidA > uidB ? -1 : 1;
}

/** Room kept for arrivals so that new mail rarely reallocates: 1/8 more, at least 64 entries. */
const grown = (needed: number) => needed + Math.max(64, needed >>> 3);

export class OrderedEntries {
  dates: Float64Array;
  uids: Uint32Array;
  bits: Uint16Array;
  tags: Uint32Array;
  length = 0;

  constructor(
    readonly tieOnTag: boolean,
    capacity = 0,
  ) {
    this.dates = new Float64Array(capacity);
    this.uids = new Uint32Array(capacity);
    this.bits = new Uint16Array(capacity);
    this.tags = new Uint32Array(capacity);
  }

  get capacity(): number {
    return this.uids.length;
  }

  /** Bytes held by the columns (what the bench and the memory check look at). */
  get byteLength(): number {
    return this.dates.byteLength + this.uids.byteLength + this.bits.byteLength + this.tags.byteLength;
  }

  /** Appends an entry that comes after every current one (building in order). */
  append(date: number, uid: number, bits: number, tag: number): void {
    if (this.length === this.capacity) this.resize(grown(this.length + 1));
    const at = this.length++;
    this.dates[at] = date;
    this.uids[at] = uid;
    this.bits[at] = bits;
    this.tags[at] = tag;
  }

  /** Position of the entry (date, tag, uid), or `-(insertion point) - 1` (binary search). */
  find(date: number, tag: number, uid: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const order = compareOrder(this.dates[mid] as number, this.tags[mid] as number, this.uids[mid] as number, date, tag, uid, this.tieOnTag);
      if (order === 0) return mid;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return -low - 1;
  }

  /**
   * Removes the entries at `positions` (ascending) and inserts `inserts` (any order) where they
   * belong: a compaction from the first removed position and a merge from the back down to the
   * first inserted position — linear in the entries that move, never a re-sort.
   */
  splice(positions: ArrayLike<number>, inserts: EntryList): void {
    if (positions.length > 0) this.compact(positions);
    if (inserts.uids.length > 0) this.mergeIn(inserts);
    // Give memory back after a large removal (a folder emptied by expunges).
    if (this.capacity > 1024 && this.length < this.capacity >>> 1) this.resize(grown(this.length));
  }

  /** Sets the number of entries after a caller filled the columns in order (a build). */
  fill(length: number): void {
    if (length > this.capacity) this.resize(length);
    this.length = length;
  }

  private compact(positions: ArrayLike<number>): void {
    let write = positions[0] as number;
    for (let at = 0; at < positions.length; at++) {
      const from = (positions[at] as number) + 1;
      const to = at + 1 < positions.length ? (positions[at + 1] as number) : this.length;
      if (to <= from) continue;
      this.copyWithin(write, from, to);
      write += to - from;
    }
    this.length = write;
  }

  /**
   * Inserts from the back: each insert's place is found by binary search among the entries not
   * yet moved, and the block after it moves up in one memmove per column.
   */
  private mergeIn(inserts: EntryList): void {
    const { dates, uids, bits, tags } = inserts;
    const order = Array.from(uids, (_, index) => index).sort((a, b) =>
      compareOrder(dates[a] as number, tags[a] as number, uids[a] as number, dates[b] as number, tags[b] as number, uids[b] as number, this.tieOnTag),
    );
    const total = this.length + order.length;
    if (total > this.capacity) this.resize(grown(total));
    let unmoved = this.length;
    let write = total;
    for (let next = order.length - 1; next >= 0; next--) {
      const at = order[next] as number;
      const date = dates[at] as number;
      const tag = tags[at] as number;
      const uid = uids[at] as number;
      const place = this.placeOf(date, tag, uid, unmoved);
      const block = unmoved - place;
      if (block > 0) this.copyWithin(write - block, place, unmoved);
      write -= block + 1;
      unmoved = place;
      this.dates[write] = date;
      this.uids[write] = uid;
      this.bits[write] = bits[at] as number;
      this.tags[write] = tag;
    }
    this.length = total;
  }

  /** How many of the first `end` entries come before (date, tag, uid). */
  private placeOf(date: number, tag: number, uid: number, end: number): number {
    let low = 0;
    let high = end;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareOrder(this.dates[mid] as number, this.tags[mid] as number, this.uids[mid] as number, date, tag, uid, this.tieOnTag) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private copyWithin(target: number, start: number, end: number): void {
    this.dates.copyWithin(target, start, end);
    this.uids.copyWithin(target, start, end);
    this.bits.copyWithin(target, start, end);
    this.tags.copyWithin(target, start, end);
  }

  private resize(capacity: number): void {
    const keep = Math.min(this.length, capacity);
    const dates = new Float64Array(capacity);
    const uids = new Uint32Array(capacity);
    const bits = new Uint16Array(capacity);
    const tags = new Uint32Array(capacity);
    dates.set(this.dates.subarray(0, keep));
    uids.set(this.uids.subarray(0, keep));
    bits.set(this.bits.subarray(0, keep));
    tags.set(this.tags.subarray(0, keep));
    this.dates = dates;
    this.uids = uids;
    this.bits = bits;
    this.tags = tags;
  }
}
