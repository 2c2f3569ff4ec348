/**
 * The search index's feeder (issue #13 §3): keeps the engine equal to the cache, in the
 * background behind the sync. It follows every folder's counts row (epoch, revision) the way the
 * list index does (db/index/FolderIndex.ts): a Dexie liveQuery over the counts, folders,
 * mailboxes and bodies — which also sees other windows' writes — wakes one loop that does one
 * step (at most `batchSize` documents) at a time and yields between steps, the folder on screen
 * first, then Inboxes, then the rest; bodies after the summaries. Vanished folders and removed
 * accounts leave the index; a folder whose epoch changed or whose cache went back (wiped), or an
 * engine emptied, is indexed again from the cache.
 */
import { observeCache } from '../../db/observe';
import type { PostvakDb } from '../../db/schema';
import { folderRefKey, type FolderRef, type FolderState, type IndexOp, type SearchEngine } from '../engine/engineTypes';
import { bodiesPending, bodiesStep, offlineStep, type OfflineTextsApi } from './bodyFeed';
import { bodiesAt, readCacheState, type CacheState } from './cacheReads';
import { FolderSteps, messagesLeft, needsWork, sameState, type Feed } from './folderFeed';
import { setIndexingProgress } from './progress';
import { feederMemory, type FeederMemory } from './memory';

export interface FeederOptions {
  /** The folder on screen, indexed first. */
  focus?: () => FolderRef | null;
  /** Documents per engine write (~2,000: issue #13 §3). */
  batchSize?: number;
  /** Where the bodies' progress is kept between starts (default: localStorage, per database). */
  memory?: FeederMemory;
  /** How often folders kept offline are asked again for texts main stored meanwhile. */
  offlineRecheckMs?: number;
  /**
   * Whether a sync pass is bringing mail now. Meanwhile the feeder works at most a quarter of the
   * time (after a step of t ms it rests 3t): on two cores the index's writes otherwise take the
   * CPU the sync needs (bench: a first sync of 100,000 ran at half speed with indexing on).
   * What is not indexed yet is found through the server meanwhile (issue #13 §3).
   */
  busy?: () => boolean;
  /** Clock and rest, for tests. */
  now?: () => number;
  rest?: (ms: number) => Promise<void>;
}

/** The feeder's share of the time while the sync is busy: rest this many times each step's length. */
export const restFactorWhileBusy = 3;
/** The longest rest between two steps (a step that took long still lets the index move). */
const maxRestMs = 2_000;

/** Below this many messages behind, no progress is shown (an arrival is not "indexing"). */
const progressFrom = 2_000;

const isAfter = (a: FolderState, b: FolderState): boolean => a.epoch > b.epoch || (a.epoch === b.epoch && a.rev > b.rev);

/** While building, how often the engine's states are compared with what the feeder wrote. */
const verifyEveryMs = 1_000;

/** After a failed step the feeder tries again later, waiting longer each time it fails again. */
const firstRetryMs = 5_000;
const maxRetryMs = 5 * 60_000;

/** Lets the renderer paint and the sync's transactions run between steps. */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class SearchFeeder {
  private readonly feeds = new Map<string, Feed>();
  private readonly steps: FolderSteps;
  private readonly memory: FeederMemory;
  /** What the engine reported at the last look (states()); null: look again. */
  private engineStates: Map<string, FolderState> | null = null;
  private verifyWanted = false;
  private lookedAt = -Infinity;
  /** The cache's folders and counts as last read, with the version of the cache they were read at. */
  private cache: (CacheState & { version: number }) | null = null;
  /** Raised by every change the live query reports (and by whenCurrent). */
  private cacheVersion = 0;
  private offlineMailboxes = new Set<string>();
  private readonly offlineWanted = new Set<string>();
  /** Messages indexed since the index was last current (the progress line's "done"). */
  private indexedSinceBehind = 0;
  private wanted = false;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Bumped by every wake; a waiter is served by an idle pass that started after it. */
  private generation = 0;
  private waiters: { generation: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private readonly cleanups: (() => void)[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryMs = firstRetryMs;

  constructor(
    private readonly db: PostvakDb,
    private readonly engine: SearchEngine,
    private readonly api: OfflineTextsApi,
    private readonly options: FeederOptions = {},
  ) {
    this.steps = new FolderSteps(db, engine, options.batchSize ?? 2_000);
    this.memory = options.memory ?? feederMemory(db.name);
  }

  start(): this {
    const { db } = this;
    // Every page-changing transaction rewrites its folder's counts row; folders, mailboxes and
    // the newest body are watched for vanished folders, the offline setting and bodies stored.
    this.cleanups.push(
      observeCache(
        () => Promise.all([db.counts.where('id').startsWith('folder:').toArray(), db.folders.toCollection().primaryKeys(), db.mailboxes.toArray(), db.bodies.orderBy('fetchedAt').lastKey()]),
        () => this.cacheChanged(),
        () => this.cacheChanged(),
      ),
    );
    this.cleanups.push(
      this.engine.onChange(() => {
        this.verifyWanted = true;
      }),
    );
    const recheck = setInterval(() => {
      for (const feed of this.feeds.values()) if (this.offlineMailboxes.has(feed.mailboxId)) this.offlineWanted.add(feed.key);
      this.wake();
    }, this.options.offlineRecheckMs ?? 60_000);
    this.cleanups.push(() => clearInterval(recheck));
    this.wake();
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
    setIndexingProgress(null);
  }

  /** Resolves once the index reflects the cache as it is now (every folder, every body). */
  whenCurrent(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ generation: this.generation + 1, resolve, reject });
      this.cacheChanged();
    });
  }

  private cacheChanged(): void {
    this.cacheVersion++;
    this.wake();
  }

  private wake(): void {
    if (this.stopped) return;
    this.generation++;
    this.wanted = true;
    this.running ??= this.run().finally(() => {
      this.running = null;
      if (this.wanted && !this.stopped) this.wake();
    });
  }

  private async run(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      const generation = this.generation;
      let idle: boolean;
      const now = this.options.now ?? (() => performance.now());
      const started = now();
      try {
        idle = await this.pass();
      } catch (error) {
        // The database closing, the engine failing: start again from what the engine says, later.
        console.warn('search index: feeding failed', error);
        this.engineStates = null;
        this.cache = null;
        for (const feed of this.feeds.values()) this.reset(feed);
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
        this.retryTimer = setTimeout(() => this.wake(), this.retryMs);
        this.retryMs = Math.min(maxRetryMs, this.retryMs * 2);
        return;
      }
      this.retryMs = firstRetryMs;
      if (idle) {
        const served = this.waiters.filter((waiter) => waiter.generation <= generation);
        this.waiters = this.waiters.filter((waiter) => waiter.generation > generation);
        for (const waiter of served) waiter.resolve();
      } else this.wanted = true;
      if (!idle && this.options.busy?.()) {
        const rest = Math.min(maxRestMs, (now() - started) * restFactorWhileBusy);
        await (this.options.rest ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(rest);
      } else await yieldToMain();
    }
  }

  private reset(feed: Feed): void {
    feed.mirror = null;
    feed.fill = null;
    feed.engineState = undefined;
  }

  /** One step of work; true when there was none (the index reflects the cache as read). */
  private async pass(): Promise<boolean> {
    // The folder list and counts are read again only after the cache changed (the live query).
    let cache = this.cache;
    if (!cache || cache.version !== this.cacheVersion) {
      const version = this.cacheVersion;
      cache = { ...(await readCacheState(this.db)), version };
      this.cache = cache;
    }
    if (this.stopped) return true;
    // After changes to the engine (ours, mostly) it is looked at again: at once when there is
    // nothing else to do, else at most every second — not a round trip per batch while building.
    const busy = [...this.feeds.values()].some(needsWork);
    if (this.engineStates === null || (this.verifyWanted && (!busy || performance.now() - this.lookedAt > verifyEveryMs))) await this.lookAtEngine(cache);
    if (await this.dropVanished(cache)) return false;
    const feed = this.nextFeed();
    if (feed) {
      const outcome = await this.steps.step(feed);
      if (outcome.rebuilt) this.memory.forgetOffline(feed.key);
      if (outcome.queued > 0 || outcome.rebuilt) this.wantOffline(feed);
      this.noteProgress(outcome.indexed);
      return false;
    }
    this.noteProgress(0);
    const bodies = this.memory.bodies();
    if (await bodiesPending(this.db, bodies, cache.lastFetchedAt)) {
      const next = await bodiesStep(this.db, this.engine, this.feeds, bodies);
      // Nothing read (the bodies went meanwhile): past them.
      this.memory.setBodies(next === bodies ? await this.allBodiesTo(cache.lastFetchedAt) : next);
      return false;
    }
    return !(await this.offlineStep());
  }

  /**
   * Reads what the engine records. An engine that holds nothing (new, rebuilt, emptied) is filled
   * from the cache; folders it lost meanwhile (emptied by anyone) are indexed again.
   */
  private async lookAtEngine(cache: CacheState): Promise<void> {
    this.verifyWanted = false;
    this.lookedAt = performance.now();
    const states = await this.engine.states();
    if (states.size === 0 && (this.engineStates === null || this.engineStates.size > 0)) {
      // Every folder is indexed from its pages, which takes the cached bodies along.
      this.memory.clear();
      this.memory.setBodies(await this.allBodiesTo(cache.lastFetchedAt));
    }
    for (const feed of this.feeds.values()) {
      const recorded = states.get(feed.key);
      if (!feed.mirror) {
        feed.engineState = recorded;
        continue;
      }
      // A folder mid-fill records no state yet (or its last): only an emptied engine matters there.
      const lost = feed.fill ? states.size === 0 && feed.mirror.length > 0 : !sameState(recorded, feed.engineState);
      if (lost) {
        this.reset(feed);
        feed.engineState = recorded;
      }
    }
    this.engineStates = states;
  }

  /** A bodies cursor past every body stored up to `at`. */
  private async allBodiesTo(at: number): Promise<{ at: number; skip: number }> {
    return { at, skip: at > 0 ? await bodiesAt(this.db, at) : 0 };
  }

  /** Brings the feeds in line with the cache's folders; drops what vanished. True when it wrote. */
  private async dropVanished(cache: CacheState): Promise<boolean> {
    const present = new Map(cache.folders.map((folder) => [folderRefKey(folder.ref.accountId, folder.ref.folderPath), folder]));
    const previousOffline = this.offlineMailboxes;
    this.offlineMailboxes = cache.offlineMailboxes;
    for (const [key, folder] of present) {
      let feed = this.feeds.get(key);
      if (!feed) {
        feed = { ref: folder.ref, key, role: folder.role, mailboxId: folder.mailboxId, target: folder.state, total: folder.total, mirror: null, engineState: this.engineStates?.get(key), fill: null };
        this.feeds.set(key, feed);
      }
      feed.role = folder.role;
      feed.mailboxId = folder.mailboxId;
      feed.total = folder.total;
      // Only forward: a step may have read a newer counts row than this read of the folder list.
      if (isAfter(folder.state, feed.target)) feed.target = folder.state;
      if (cache.offlineMailboxes.has(folder.mailboxId) && !previousOffline.has(folder.mailboxId)) this.offlineWanted.add(key);
    }
    const gone = new Map<string, FolderRef>();
    for (const [key, feed] of this.feeds) if (!present.has(key)) gone.set(key, feed.ref);
    for (const key of this.engineStates?.keys() ?? []) {
      if (present.has(key) || gone.has(key)) continue;
      const [accountId = '', folderPath = ''] = key.split('\u0000');
      gone.set(key, { accountId, folderPath });
    }
    if (gone.size === 0) return false;
    const accounts = new Set(cache.folders.map((folder) => folder.ref.accountId));
    const ops: IndexOp[] = [];
    const droppedAccounts = new Set<string>();
    for (const ref of gone.values()) {
      if (accounts.has(ref.accountId)) ops.push({ op: 'dropFolder', folder: ref });
      else if (!droppedAccounts.has(ref.accountId)) {
        droppedAccounts.add(ref.accountId);
        ops.push({ op: 'dropAccount', accountId: ref.accountId });
      }
    }
    await this.engine.apply(ops);
    for (const key of gone.keys()) {
      this.feeds.delete(key);
      this.engineStates?.delete(key);
      this.offlineWanted.delete(key);
      this.memory.forgetOffline(key);
    }
    return true;
  }

  /** The folder on screen first, then Inboxes, then the others in the order they came. */
  private nextFeed(): Feed | undefined {
    const focus = this.options.focus?.();
    if (focus) {
      const feed = this.feeds.get(folderRefKey(focus.accountId, focus.folderPath));
      if (feed && needsWork(feed)) return feed;
    }
    let first: Feed | undefined;
    for (const feed of this.feeds.values()) {
      if (!needsWork(feed)) continue;
      if (feed.role === 'inbox') return feed;
      first ??= feed;
    }
    return first;
  }

  private wantOffline(feed: Feed): void {
    if (this.offlineMailboxes.has(feed.mailboxId)) this.offlineWanted.add(feed.key);
  }

  /** One call to main for a folder kept offline; false when none is due. */
  private async offlineStep(): Promise<boolean> {
    for (const key of this.offlineWanted) {
      const feed = this.feeds.get(key);
      if (!feed || !feed.mirror || !this.offlineMailboxes.has(feed.mailboxId)) {
        this.offlineWanted.delete(key);
        continue;
      }
      const afterUid = this.memory.offlineAfter(key);
      const { after, more } = await offlineStep(this.db, this.engine, this.api, feed, afterUid);
      this.memory.setOfflineAfter(key, after);
      if (!more) this.offlineWanted.delete(key);
      return true;
    }
    return false;
  }

  /**
   * "Indexing 12,000 of 80,000 messages": what was indexed since the index fell behind, of that
   * plus what is left (arrivals being filled in, and folders not opened yet that need all theirs).
   */
  private noteProgress(indexed: number): void {
    let left = 0;
    for (const feed of this.feeds.values()) left += messagesLeft(feed);
    this.indexedSinceBehind = left === 0 ? 0 : this.indexedSinceBehind + indexed;
    const total = this.indexedSinceBehind + left;
    setIndexingProgress(left > 0 && total >= progressFrom ? { done: this.indexedSinceBehind, total } : null);
  }
}
