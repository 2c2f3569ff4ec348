/**
 * One folder's upkeep in the search index (issue #13 §3): open (decide between "current",
 * reconcile and re-index from what the engine says it reflects), catch up from the heads and
 * tombstones written since, and fill in arrivals a batch at a time. Every step reads the cache in
 * its own short transaction and then writes the engine — never the other way round inside one.
 */
import type { PostvakDb } from '../../db/schema';
import type { HeadRow } from '../../db/pages/pageRows';
import type { FolderRef, FolderState, IndexOp, SearchEngine } from '../engine/engineTypes';
import { readAllHeads, readArrivals, readChanges, type ReadDocs } from './cacheReads';
import { FolderMirror, type FlagChange } from './mirror';

/** Arrivals still to be read and indexed, and the state the folder reflects once they are. */
interface Fill {
  state: FolderState;
  /** [startUid, UIDs] of the pages the arrivals were seen in, ascending. */
  pages: [number, number[]][];
  at: number;
  /** Arrivals not yet read (for the progress line). */
  left: number;
}

export interface Feed {
  ref: FolderRef;
  key: string;
  role: string | null;
  mailboxId: string;
  /** The counts row as last read. */
  target: FolderState;
  /** How many messages the cache holds in the folder (its counts row). */
  total: number;
  /** What the index holds of the folder; null until opened (or after the engine was emptied). */
  mirror: FolderMirror | null;
  /** The state the engine records for the folder, as far as the feeder knows (undefined: none). */
  engineState: FolderState | undefined;
  fill: Fill | null;
}

export const sameState = (a: FolderState | undefined, b: FolderState | undefined): boolean =>
  a !== undefined && b !== undefined && a.epoch === b.epoch && a.rev === b.rev;

export function needsWork(feed: Feed): boolean {
  return feed.fill !== null || feed.mirror === null || !sameState(feed.engineState, feed.target);
}

/** Messages of the folder still to be indexed, as far as can be told without reading it. */
export function messagesLeft(feed: Feed): number {
  if (feed.fill) return feed.fill.left;
  if (feed.mirror) return 0;
  // Not opened yet: all of it, unless the engine already reflects its epoch (then only a difference).
  const known = feed.engineState;
  return known && known.epoch === feed.target.epoch && known.rev >= 0 && known.rev <= feed.target.rev ? 0 : feed.total;
}

/** What a step did: how many documents it wrote, and arrivals it found (for the progress line). */
export interface StepOutcome {
  indexed: number;
  queued: number;
  /** The folder was re-indexed from scratch (its offline bodies must be indexed again). */
  rebuilt?: boolean;
}

/** Hits read per request when listing what the engine holds of a folder. */
const listChunk = 50_000;

export class FolderSteps {
  /** The next batch of a fill, already being read. */
  private ahead: { fill: Fill; at: number; read: Promise<ReadDocs> } | null = null;

  constructor(
    private readonly db: PostvakDb,
    private readonly engine: SearchEngine,
    private readonly batchSize: number,
  ) {}

  /** One step of work for `feed` (at most `batchSize` documents written). */
  async step(feed: Feed): Promise<StepOutcome> {
    if (feed.fill) return this.fillStep(feed, feed.fill);
    if (!feed.mirror) return this.open(feed);
    const changes = await readChanges(this.db, feed.ref, feed.engineState ?? { epoch: -1, rev: -1 });
    if (changes.kind === 'same') {
      feed.target = feed.engineState ?? feed.target;
      return { indexed: 0, queued: 0 };
    }
    if (changes.kind === 'rebuild') return this.rebuild(feed);
    const diff = feed.mirror.catchUp(changes.heads, changes.removedStarts);
    return this.settle(feed, changes.state, diff.flags, diff.removed, diff.added);
  }

  /**
   * First look at a folder: the engine already reflects its epoch at a revision not past the
   * cache's → only the difference is indexed (the same revision: nothing); otherwise (unknown,
   * another epoch, a revision the cache never reached — it was wiped) the folder is indexed again.
   */
  private async open(feed: Feed): Promise<StepOutcome> {
    const known = feed.engineState;
    const { state, heads } = await readAllHeads(this.db, feed.ref);
    if (!known || known.epoch !== state.epoch || known.rev < 0 || known.rev > state.rev) return this.rebuild(feed, { state, heads });
    const mirror = new FolderMirror(Math.max(64, heads.reduce((sum, head) => sum + head.uids.length, 0)));
    if (known.rev === state.rev) {
      for (const head of heads) mirror.put(Array.from(head.uids), Array.from(head.bits), new Array<number>(head.uids.length).fill(head.startUid));
      feed.mirror = mirror;
      feed.target = state;
      return { indexed: 0, queued: 0 };
    }
    // Behind (the app closed while the index caught up): compare with what the engine holds.
    const held = await this.listEngine(feed.ref);
    const flags: FlagChange[] = [];
    const added = new Map<number, number[]>();
    for (const head of heads) {
      const uids: number[] = [];
      const bits: number[] = [];
      for (let at = 0; at < head.uids.length; at++) {
        const uid = head.uids[at] as number;
        const now = head.bits[at] as number;
        const before = held.get(uid);
        if (before === undefined) {
          const list = added.get(head.startUid) ?? [];
          list.push(uid);
          added.set(head.startUid, list);
          continue;
        }
        held.delete(uid);
        if (before !== now) flags.push({ uid, bits: now });
        uids.push(uid);
        bits.push(now);
      }
      mirror.put(uids, bits, new Array<number>(uids.length).fill(head.startUid));
    }
    feed.mirror = mirror;
    return this.settle(feed, state, flags, [...held.keys()], added);
  }

  /** Drops what the index holds of the folder and indexes it again from its pages. */
  private async rebuild(feed: Feed, read?: { state: FolderState; heads: HeadRow[] }): Promise<StepOutcome> {
    const { state, heads } = read ?? (await readAllHeads(this.db, feed.ref));
    await this.engine.apply([{ op: 'dropFolder', folder: feed.ref }]);
    feed.engineState = undefined;
    feed.mirror = new FolderMirror(Math.max(64, heads.reduce((sum, head) => sum + head.uids.length, 0)));
    const added = new Map<number, number[]>();
    for (const head of heads) if (head.uids.length > 0) added.set(head.startUid, Array.from(head.uids));
    return { ...(await this.settle(feed, state, [], [], added)), rebuilt: true };
  }

  /** Writes flag changes and removals now; arrivals become a fill (the state is recorded after them). */
  private async settle(feed: Feed, state: FolderState, flags: FlagChange[], removed: number[], added: Map<number, number[]>): Promise<StepOutcome> {
    const ops: IndexOp[] = [];
    if (flags.length > 0) ops.push({ op: 'flags', folder: feed.ref, changes: flags });
    if (removed.length > 0) ops.push({ op: 'remove', folder: feed.ref, uids: removed });
    feed.target = state;
    if (added.size === 0) {
      ops.push({ op: 'state', folder: feed.ref, state });
      await this.engine.apply(ops);
      feed.engineState = state;
      return { indexed: 0, queued: 0 };
    }
    const pages = [...added].sort(([a], [b]) => a - b);
    const left = pages.reduce((sum, [, uids]) => sum + uids.length, 0);
    if (left <= this.batchSize) {
      // A few arrivals (the steady state: a sync batch): read and written in this step, one apply.
      const read = await this.readChunk(feed.ref, pages);
      if (read.docs.length > 0) ops.push({ op: 'upsert', folder: feed.ref, docs: read.docs });
      ops.push({ op: 'state', folder: feed.ref, state });
      await this.engine.apply(ops);
      feed.mirror?.put(read.uids, read.bits, read.starts);
      feed.engineState = state;
      return { indexed: left, queued: left };
    }
    if (ops.length > 0) await this.engine.apply(ops);
    feed.fill = { state, pages, at: 0, left };
    return { indexed: 0, queued: left };
  }

  /**
   * Indexes the next batch of arrivals. The batch after it is read while the engine writes this
   * one (the engine works in its Worker, the cache in IndexedDB: the two overlap) — each in its own
   * transaction, so nothing waits on the other.
   */
  private async fillStep(feed: Feed, fill: Fill): Promise<StepOutcome> {
    const { chunk, next, count } = this.chunkAt(fill, fill.at);
    const ahead = this.ahead?.fill === fill && this.ahead.at === fill.at ? this.ahead.read : undefined;
    this.ahead = null;
    const read = await (ahead ?? this.readChunk(feed.ref, chunk));
    fill.at = next;
    fill.left = Math.max(0, fill.left - count);
    const last = next >= fill.pages.length;
    if (!last) {
      const following = this.readChunk(feed.ref, this.chunkAt(fill, next).chunk);
      // Read early; a failure surfaces when the next step awaits it (or never, if it is dropped).
      following.catch(() => {});
      this.ahead = { fill, at: next, read: following };
    }
    const ops: IndexOp[] = [];
    if (read.docs.length > 0) ops.push({ op: 'upsert', folder: feed.ref, docs: read.docs });
    if (last) ops.push({ op: 'state', folder: feed.ref, state: fill.state });
    if (ops.length > 0) await this.engine.apply(ops);
    // Pages come in startUid order, so the UIDs ascend: the mirror appends.
    feed.mirror?.put(read.uids, read.bits, read.starts);
    if (last) {
      feed.fill = null;
      feed.engineState = fill.state;
    }
    return { indexed: count, queued: 0 };
  }

  private chunkAt(fill: Fill, from: number): { chunk: [number, number[]][]; next: number; count: number } {
    const chunk: [number, number[]][] = [];
    let count = 0;
    let at = from;
    while (at < fill.pages.length && (count === 0 || count + (fill.pages[at]?.[1].length ?? 0) <= this.batchSize)) {
      const page = fill.pages[at++] as [number, number[]];
      chunk.push(page);
      count += page[1].length;
    }
    return { chunk, next: at, count };
  }

  private readChunk(folder: FolderRef, chunk: [number, number[]][]): Promise<ReadDocs> {
    return chunk.length > 0 ? readArrivals(this.db, folder, chunk) : Promise.resolve({ docs: [], uids: [], bits: [], starts: [] });
  }

  /** Every UID the engine holds of a folder, with its bits (newest first, a chunk at a time). */
  private async listEngine(folder: FolderRef): Promise<Map<number, number>> {
    const held = new Map<number, number>();
    let below: number | undefined;
    for (;;) {
      const { hits } = await this.engine.search({ clauses: [], folders: [folder], limit: listChunk, ...(below !== undefined && { below }) });
      for (const hit of hits) held.set(hit.uid, hit.bits);
      const last = hits.at(-1);
      if (hits.length < listChunk || !last) return held;
      below = last.seq;
    }
  }
}
