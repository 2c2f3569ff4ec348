/**
 * A folder index saved as it was at (epoch, rev), so a big folder opens without reading all of
 * its heads (issue #11 §4): at 1,000,000 messages the build reads ~10,000 heads (~22 MB with
 * modseqs, ~0.6–0.9 s in Chromium), while this record — the index's four columns and its page
 * sizes, ~18 MB — reads in ~50 ms. The index then catches up from `rev` like any other
 * catch-up (heads and tombstones newer than it).
 *
 * Synced-derived data, safe to drop: it holds nothing the heads do not, so losing it, or
 * ignoring it, only costs one build from the heads. It is used only when its epoch equals the
 * folder's counts row's and its rev is not above the row's (a UIDVALIDITY reset, a vanished
 * folder or pruned tombstones raise the epoch, pages/counters.ts and folderPages.ts), and only
 * when its columns agree in length and order — a stale or broken snapshot never shows rows.
 */
import type { FolderEntries } from './folderEntries';
import { compareOrder, OrderedEntries } from './orderedEntries';

export type SnapshotKey = [accountId: string, folderPath: string];

export interface IndexSnapshotRow {
  accountId: string;
  folderPath: string;
  /** The folder's epoch and revision (CountRow) the columns reflect. */
  epoch: number;
  rev: number;
  /** The index's columns in list order, exactly `uids.length` long (orderedEntries.ts). */
  dates: Float64Array;
  uids: Uint32Array;
  bits: Uint16Array;
  /** Each entry's page (startUid). */
  tags: Uint32Array;
  /** How many entries each page holds (what a catch-up needs to tell removals). */
  pageStarts: Uint32Array;
  pageSizes: Uint32Array;
}

/**
 * Folders smaller than this are not saved: ~200 heads of 100 build in a few tens of
 * milliseconds (the same as reading a snapshot), so a snapshot would only cost disk and writes.
 */
export const snapshotMinMessages = 20_000;

/**
 * A changed index is saved at most this often: what a snapshot lags behind is caught up from
 * the heads written since (a few pages, unless a big sync ran), and each save of a 1,000,000
 * index copies ~18 MB (a put measured at 90–130 ms in Chromium).
 */
export const snapshotEveryMs = 30_000;

/**
 * Besides, a changed index is saved once it has been quiet this long (a first sync or a burst of
 * new mail has ended): a window often closes soon after, and the next start should find the
 * state it left rather than one up to `snapshotEveryMs` older, which it would rebuild from the
 * heads (issue #11 §4: first rows of a cached Inbox).
 */
export const snapshotQuietMs = 3_000;

/** A copy of the index's columns (the live ones change in place while the put is under way). */
export function snapshotOf(folder: FolderEntries, accountId: string, folderPath: string, epoch: number, rev: number): IndexSnapshotRow {
  const { entries, pageCounts } = folder;
  const length = entries.length;
  const pageStarts = new Uint32Array(pageCounts.size);
  const pageSizes = new Uint32Array(pageCounts.size);
  let at = 0;
  for (const [start, size] of pageCounts) {
    pageStarts[at] = start;
    pageSizes[at++] = size;
  }
  return {
    accountId,
    folderPath,
    epoch,
    rev,
    dates: entries.dates.slice(0, length),
    uids: entries.uids.slice(0, length),
    bits: entries.bits.slice(0, length),
    tags: entries.tags.slice(0, length),
    pageStarts,
    pageSizes,
  };
}

/**
 * The index a snapshot holds, or undefined when the record is not whole: columns of the wrong
 * type or length, page sizes that do not add up, or entries out of list order.
 */
export function folderFromSnapshot(row: IndexSnapshotRow): FolderEntries | undefined {
  const { dates, uids, bits, tags, pageStarts, pageSizes } = row;
  const typed =
    dates instanceof Float64Array &&
    uids instanceof Uint32Array &&
    bits instanceof Uint16Array &&
    tags instanceof Uint32Array &&
    pageStarts instanceof Uint32Array &&
    pageSizes instanceof Uint32Array;
  if (!typed) return undefined;
  const length = uids.length;
  if (dates.length !== length || bits.length !== length || tags.length !== length || pageStarts.length !== pageSizes.length) return undefined;
  const pageCounts = new Map<number, number>();
  let total = 0;
  for (let at = 0; at < pageStarts.length; at++) {
    pageCounts.set(pageStarts[at] as number, pageSizes[at] as number);
    total += pageSizes[at] as number;
  }
  if (total !== length || pageCounts.size !== pageStarts.length) return undefined;
  // One pass (a few ms at 1,000,000): a list out of order would make every lookup wrong.
  for (let at = 1; at < length; at++) {
    if (compareOrder(dates[at - 1] as number, 0, uids[at - 1] as number, dates[at] as number, 0, uids[at] as number, false) >= 0) return undefined;
  }
  const entries = new OrderedEntries(false);
  entries.dates = dates;
  entries.uids = uids;
  entries.bits = bits;
  entries.tags = tags;
  entries.length = length;
  return { entries, pageCounts };
}

/**
 * Runs `task` once the renderer is idle after `delayMs` (requestIdleCallback where the browser
 * has it, so a save never delays a frame of the list), else after the delay. Returns a cancel.
 */
export function whenIdle(delayMs: number, task: () => void): () => void {
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(task, { timeout: 10_000 });
    else task();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
