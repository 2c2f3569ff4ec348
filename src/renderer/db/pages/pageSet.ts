/**
 * The pages of one folder that a transaction touches (issue #11 §1), and the rules that keep
 * pages near their target size: a page past `max` is split evenly, a page under `min` merges
 * with its left neighbour (or, the folder's first page, its right one), an empty page is
 * removed. Loading goes through a `PageSource` so the rules are tested without IndexedDB.
 *
 * Only the UIDs given to `load` may be changed: the set holds, for each of them, the page that
 * covers it (the one with the highest `startUid` ≤ the UID). A UID below the folder's first
 * page gets a new page of its own, which merging then joins to its neighbour.
 */
import type { MessageSummary } from '../../../shared/model';
import { encodeFlags, isUnreadBits } from './flagBits';
import type { HeadRow, StoredSummary } from './pageRows';
import { WorkPage } from './workPage';

/**
 * Messages per page, chosen by measurement (test/bench/pageSize.mjs, Chromium on this machine,
 * 100,000 summaries of ~700 B, two runs each, under load from other jobs):
 *
 * | per page | write rows/s | read all heads | 50 rows from scattered pages | one page rewritten |
 * |---|---|---|---|---|
 * | 25  | 37–43k   | 350–560 ms | 5–6 ms   | 0.5–1 ms |
 * | 50  | 110–120k | 200–220 ms | 3.5–8 ms | 0.7–0.8 ms |
 * | 100 | 159–168k | 79–118 ms  | 6–17 ms  | 0.8 ms |
 * | 200 | 60–190k  | 50–87 ms   | 14–17 ms | 1.3–1.4 ms |
 * | 500 | 231–247k | 25–129 ms  | 42–45 ms | 1.9–2.2 ms |
 *
 * 100 writes fast enough that IndexedDB is no longer the limit (raw FETCH is 11–20k msg/s),
 * halves the head reads that build a list index against 50 (the first open of a big folder),
 * and keeps a screen of rows whose dates do not follow their UIDs (a unified view) cheap;
 * bigger pages make such screens slow. A flag change rewrites only the head either way.
 */
export const pageSizing = { target: 100, max: 160, min: 24 };

export interface PageSource {
  /** startUids of the pages whose range may hold a UID in [from, to]: the last ≤ from and all in (from, to]. */
  keysCovering(from: number, to: number): Promise<number[]>;
  heads(startUids: readonly number[]): Promise<(HeadRow | undefined)[]>;
  items(startUids: readonly number[]): Promise<(StoredSummary[] | undefined)[]>;
  /** The nearest stored page below / above `startUid` that is not in `skip`. */
  neighbour(startUid: number, side: 'left' | 'right', skip: ReadonlySet<number>): Promise<HeadRow | undefined>;
}

export interface CountDelta {
  total: number;
  unread: number;
}

export interface Removed {
  uid: number;
  flags: { bits: number; keywords: string[] | undefined; modseq: bigint };
  item: StoredSummary;
}

export function storedSummary(summary: MessageSummary): StoredSummary {
  const { accountId: _account, folderPath: _folder, uid: _uid, flags: _flags, modseq: _modseq, ...rest } = summary;
  return rest;
}

export const modseqOf = (value: string): bigint => BigInt(value || '0');

export class PageSet {
  /** Sorted by startUid; deleted pages stay (marked) until written. */
  private pages: WorkPage[] = [];
  readonly delta: CountDelta = { total: 0, unread: 0 };

  constructor(
    private readonly source: PageSource,
    private readonly sizing = pageSizing,
  ) {}

  /** Loads the pages covering `uids`; their items too when `withItems` (inserts and removals need them). */
  async load(uids: readonly number[], withItems: boolean): Promise<void> {
    if (uids.length === 0) return;
    let min = Infinity;
    let max = -Infinity;
    for (const uid of uids) {
      if (uid < min) min = uid;
      if (uid > max) max = uid;
    }
    const keys = await this.source.keysCovering(min, max);
    const needed = new Set<number>();
    let orphans = false;
    for (const uid of uids) {
      const key = floorKey(keys, uid);
      if (key === undefined) orphans = true;
      else needed.add(key);
    }
    const held = new Set(this.pages.map((page) => page.startUid));
    const fresh = [...needed].filter((key) => !held.has(key));
    const heads = await this.source.heads(fresh);
    const items = withItems ? await this.source.items(fresh) : [];
    fresh.forEach((key, index) => {
      const head = heads[index];
      if (head) this.add(new WorkPage(key, true, head, items[index] ?? null));
    });
    if (withItems) await this.ensureItems([...needed]);
    // UIDs below the first stored page: a new page from the lowest of them (merged later if small).
    if (orphans && !this.pages.some((page) => page.startUid <= min && !page.deleted)) this.add(new WorkPage(min, false));
  }

  private async ensureItems(keys: number[]): Promise<void> {
    const wanted = new Set(keys);
    const missing = this.pages.filter((page) => wanted.has(page.startUid) && page.items === null);
    if (missing.length === 0) return;
    const loaded = await this.source.items(missing.map((page) => page.startUid));
    missing.forEach((page, index) => {
      page.items = loaded[index] ?? [];
    });
  }

  private add(page: WorkPage): void {
    const last = this.pages.at(-1);
    if (!last || last.startUid < page.startUid) {
      this.pages.push(page);
      return;
    }
    const at = this.pages.findIndex((other) => other.startUid > page.startUid);
    this.pages.splice(at, 0, page);
  }

  /** The live page with the highest startUid ≤ uid (binary search, then back over removed pages). */
  private cover(uid: number): WorkPage | undefined {
    let low = 0;
    let high = this.pages.length - 1;
    let at = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if ((this.pages[mid] as WorkPage).startUid <= uid) {
        at = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    while (at >= 0 && (this.pages[at] as WorkPage).deleted) at--;
    return at >= 0 ? this.pages[at] : undefined;
  }

  /** The message's flags state, if the set holds it. */
  get(uid: number): { bits: number; keywords: string[] | undefined; modseq: bigint } | undefined {
    const page = this.cover(uid);
    const at = page ? page.find(uid) : -1;
    if (!page || at < 0) return undefined;
    return { bits: page.bits[at] as number, keywords: page.keywords.get(uid), modseq: page.modseqs[at] as bigint };
  }

  /** Writes a summary (a new message, or the server's current state of a known one). */
  upsert(summary: MessageSummary): void {
    const page = this.cover(summary.uid);
    if (!page) throw new Error(`uid ${summary.uid} was not loaded`);
    const { bits, keywords } = encodeFlags(summary.flags);
    const modseq = modseqOf(summary.modseq);
    const item = storedSummary(summary);
    const at = page.find(summary.uid);
    if (at >= 0) {
      const wasUnread = isUnreadBits(page.bits[at] as number);
      page.replaceAt(at, summary.date, bits, modseq, keywords, item);
      this.delta.unread += Number(isUnreadBits(bits)) - Number(wasUnread);
      return;
    }
    page.insertAt(-at - 1, summary.uid, summary.date, bits, modseq, keywords, item);
    this.delta.total += 1;
    this.delta.unread += Number(isUnreadBits(bits));
  }

  /** Puts back a message removed earlier (an undone optimistic delete). */
  restore(removed: Removed, date: number): void {
    const page = this.cover(removed.uid);
    if (!page) throw new Error(`uid ${removed.uid} was not loaded`);
    const at = page.find(removed.uid);
    if (at >= 0) return;
    page.insertAt(-at - 1, removed.uid, date, removed.flags.bits, removed.flags.modseq, removed.flags.keywords, removed.item);
    this.delta.total += 1;
    this.delta.unread += Number(isUnreadBits(removed.flags.bits));
  }

  remove(uid: number): Removed | undefined {
    const page = this.cover(uid);
    const at = page ? page.find(uid) : -1;
    if (!page || at < 0) return undefined;
    const flags = { bits: page.bits[at] as number, keywords: page.keywords.get(uid), modseq: page.modseqs[at] as bigint };
    const item = page.removeAt(at);
    this.delta.total -= 1;
    this.delta.unread -= Number(isUnreadBits(flags.bits));
    return { uid, flags, item };
  }

  /**
   * Sets a message's flags. With `modseq`, only when it is not older than the cached one (RFC
   * 7162 §3.1: modseq only grows, so an older change must not overwrite a newer one).
   */
  setFlags(uid: number, flags: readonly string[], modseq?: string): boolean {
    const page = this.cover(uid);
    const at = page ? page.find(uid) : -1;
    if (!page || at < 0) return false;
    const next = modseq === undefined ? undefined : modseqOf(modseq);
    if (next !== undefined && next < (page.modseqs[at] as bigint)) return false;
    const { bits, keywords } = encodeFlags(flags);
    this.delta.unread += Number(isUnreadBits(bits)) - Number(isUnreadBits(page.bits[at] as number));
    page.setFlagsAt(at, bits, keywords, next);
    return true;
  }

  /** Splits pages past `max`, merges pages under `min`, drops empty ones. */
  async normalize(): Promise<void> {
    for (const page of [...this.pages]) {
      if (!page.deleted && page.size > this.sizing.max) this.split(page);
    }
    for (const page of [...this.pages]) {
      if (page.deleted || page.size >= this.sizing.min) continue;
      if (page.size === 0) {
        page.deleted = true;
        continue;
      }
      await this.merge(page);
    }
  }

  private split(page: WorkPage): void {
    const parts = Math.ceil(page.size / this.sizing.target);
    const each = Math.ceil(page.size / parts);
    const tails: WorkPage[] = [];
    for (let part = parts - 1; part >= 1; part--) {
      if (part * each < page.size) tails.unshift(page.splitOff(part * each));
    }
    for (const tail of tails) this.add(tail);
  }

  private async merge(page: WorkPage): Promise<void> {
    const left = await this.neighbour(page, 'left');
    if (left) {
      left.absorb(page);
      page.deleted = true;
      if (left.size > this.sizing.max) this.split(left);
      return;
    }
    const right = await this.neighbour(page, 'right');
    if (!right) return;
    page.absorb(right);
    right.deleted = true;
    if (page.size > this.sizing.max) this.split(page);
  }

  /** The adjacent live page, from the set or else from the database (then with its items). */
  private async neighbour(page: WorkPage, side: 'left' | 'right'): Promise<WorkPage | undefined> {
    const deleted = new Set(this.pages.filter((other) => other.deleted).map((other) => other.startUid));
    const live = this.pages.filter((other) => !other.deleted && other !== page);
    const inSet = side === 'left' ? live.filter((other) => other.startUid < page.startUid).at(-1) : live.find((other) => other.startUid > page.startUid);
    const stored = await this.source.neighbour(page.startUid, side, deleted);
    // The set's page is the neighbour unless a stored page lies between the two.
    const storedIsCloser =
      stored !== undefined &&
      (inSet === undefined || (side === 'left' ? stored.startUid > inSet.startUid : stored.startUid < inSet.startUid));
    if (!storedIsCloser) {
      if (inSet) await this.ensureItems([inSet.startUid]);
      return inSet;
    }
    const [items] = await this.source.items([stored.startUid]);
    const loaded = new WorkPage(stored.startUid, true, stored, items ?? []);
    this.add(loaded);
    return loaded;
  }

  /** What to write: live pages changed, and the stored pages now gone. */
  changes(): { written: WorkPage[]; removed: number[] } {
    const written = this.pages.filter((page) => !page.deleted && (page.headDirty || page.itemsDirty));
    const removed = this.pages.filter((page) => page.deleted && page.stored).map((page) => page.startUid);
    return { written, removed };
  }
}

/** The highest key ≤ uid in sorted `keys`, else the first key when uid is below all (see load). */
function floorKey(keys: readonly number[], uid: number): number | undefined {
  let found: number | undefined;
  for (const key of keys) {
    if (key > uid) break;
    found = key;
  }
  return found;
}
