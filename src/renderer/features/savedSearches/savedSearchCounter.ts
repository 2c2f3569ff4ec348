/**
 * Keeps the saved searches' counts current (issue #13 §5: "counted and kept current like
 * folders"). A folder's count is a counters row moved by every write; a saved search has no
 * row, so it is counted by the local index (SearchEngine.count) — when it appears or its query
 * resolves differently (folders came or went), and again after the index changes.
 *
 * The index changes in bursts (the feeder applies batches of ~2,000 while it builds, every sync
 * batch after that), so changes are coalesced: the first change of a burst schedules one recount
 * `delay` ms later and the changes during that wait or during the recount ride along; a long
 * burst therefore costs a recount every `delay` ms, not one per batch, and never waits for the
 * burst to end. Recounts run one at a time and one saved search at a time, in the engine's
 * worker: the window never waits for them. Where counting is slow (a million messages), the wait
 * grows with it — at least `spacing` times the last recount — so counts never take more than a
 * small share of the worker the search box's results need too.
 */
import type { EngineQuery, SearchEngine } from '../../search/engine/engineTypes';

export interface SavedCount {
  total: number;
  unread: number;
}

export interface CountTarget {
  id: string;
  /** What to count; null when the query cannot run here (nothing to count: no number shown). */
  query: EngineQuery | null;
}

export type SavedCounts = ReadonlyMap<string, SavedCount>;

/** A burst of index changes costs at most one recount per this many ms. */
export const recountDelayMs = 400;
/** …and waits at least this many times as long as the last recount took (≤ 1/5 of the worker). */
const spacing = 4;

interface Target {
  query: EngineQuery;
  /** The query as JSON: a target whose query is unchanged keeps its count. */
  key: string;
  dirty: boolean;
}

export class SavedSearchCounter {
  private targets = new Map<string, Target>();
  private counts = new Map<string, SavedCount>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** A saved search not counted yet is waiting: it goes without the delay. */
  private fresh = false;
  /** How long the last recount took (ms). */
  private lastRunMs = 0;
  private disposed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: SearchEngine,
    private readonly onCounts: (counts: SavedCounts) => void,
    private readonly delay: number = recountDelayMs,
  ) {
    this.unsubscribe = engine.onChange(() => this.changed());
  }

  /** The saved searches to count now; new or changed ones are counted at once. */
  setTargets(list: readonly CountTarget[]): void {
    const next = new Map<string, Target>();
    let fresh = false;
    for (const { id, query } of list) {
      if (!query) continue;
      const key = JSON.stringify(query);
      const before = this.targets.get(id);
      if (before !== undefined && before.key === key) {
        next.set(id, before);
        continue;
      }
      next.set(id, { query, key, dirty: true });
      fresh = true;
    }
    // A count stays while its query is the same (it is recounted on the next change, not blanked).
    const kept = new Map([...this.counts].filter(([id]) => next.get(id) !== undefined && next.get(id) === this.targets.get(id)));
    this.targets = next;
    const dropped = kept.size !== this.counts.size;
    this.counts = kept;
    if (dropped) this.publish();
    if (!fresh) return;
    this.fresh = true;
    this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private changed(): void {
    for (const target of this.targets.values()) target.dirty = true;
    this.schedule(this.changeDelay());
  }

  /** One recount pending at a time; a later change never pushes it further away. */
  private schedule(delay: number): void {
    if (this.disposed || this.running) return;
    if (this.timer !== null) {
      if (delay > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private async run(): Promise<void> {
    this.running = true;
    this.fresh = false;
    const started = performance.now();
    const batch = [...this.targets].filter(([, target]) => target.dirty);
    for (const [, target] of batch) target.dirty = false;
    for (const [id, target] of batch) {
      if (this.disposed) return;
      const count = await this.engine.count(target.query).catch(() => null);
      // Removed or changed while it was counted: that answer is not this target's any more.
      if (this.disposed || this.targets.get(id) !== target || count === null) continue;
      const before = this.counts.get(id);
      if (before && before.total === count.total && before.unread === count.unread) continue;
      this.counts = new Map(this.counts).set(id, { total: count.total, unread: count.unread });
      this.publish();
    }
    this.running = false;
    this.lastRunMs = performance.now() - started;
    // Changes that came during the recount: the next one, after the delay (new searches at once).
    if ([...this.targets.values()].some((target) => target.dirty)) this.schedule(this.fresh ? 0 : this.changeDelay());
  }

  private changeDelay(): number {
    return Math.max(this.delay, spacing * this.lastRunMs);
  }

  private publish(): void {
    if (!this.disposed) this.onCounts(this.counts);
  }
}
