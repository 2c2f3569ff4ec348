/**
 * UID sets in IMAP `sequence-set` syntax (RFC 9051 §9: `1:4,7,9:12`), the compact form the sync
 * engine uses for `SyncBatch.presentUids`. Main builds them, the renderer reads them; both sides
 * need the same rules, hence here. Only numbers and `a:b` ranges: `*` has no meaning outside a
 * selected mailbox.
 */

/** Compresses UIDs (any order, duplicates allowed) into ascending ranges, e.g. `1:3,5`. */
export function compressUids(uids: Iterable<number>): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i] as number;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) {
      end += 1;
      i += 1;
    }
    parts.push(start === end ? String(start) : `${start}:${end}`);
    i += 1;
  }
  return parts.join(',');
}

/** Parsed ranges, ascending and merged: a membership test is a binary search. */
export type UidRanges = ReadonlyArray<readonly [number, number]>;

export class UidSetSyntaxError extends Error {
  readonly code = 'invalidUidSet';
}

/** Parses `1:4,7,12:9` (a reversed range means the same as `9:12`, RFC 9051 §9). */
export function parseUidSet(set: string): UidRanges {
  if (set === '') return [];
  const ranges: [number, number][] = [];
  for (const part of set.split(',')) {
    const match = /^(\d{1,10})(?::(\d{1,10}))?$/.exec(part);
    if (!match) throw new UidSetSyntaxError(`Not a UID set: ${set.slice(0, 80)}`);
    const a = Number(match[1]);
    const b = match[2] === undefined ? a : Number(match[2]);
    ranges.push(a <= b ? [a, b] : [b, a]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export function uidSetHas(ranges: UidRanges, uid: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid] as readonly [number, number];
    if (uid < start) hi = mid - 1;
    else if (uid > end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Number of UIDs in the set. */
export function uidSetSize(ranges: UidRanges): number {
  return ranges.reduce((sum, [a, b]) => sum + (b - a + 1), 0);
}
