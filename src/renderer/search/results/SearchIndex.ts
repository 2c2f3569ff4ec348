/**
 * A search's results as a list source (issue #13 §1, §4): the local index's hits, newest first,
 * as soon as its first 50 are back, paged on in the background (and further as the person
 * scrolls near the end), merged with the server's hits for what the cache lacks, deduplicated by
 * (account, folder, UID) and ordered by date, then UID. It keeps the SourceIndex contract, so the
 * list, selection, commands and the reader's next/previous work on it as on a folder.
 *
 * Every hit is checked against the cache (cacheLookup.ts): only messages the cache holds are
 * listed, with the cache's date and flags. The search runs again (debounced) when the engine
 * changes (new mail, flags, removals indexed) and when a folder with hits changes in the cache
 * (a delete from the results leaves them at once); a run that was overtaken never publishes.
 */
import type { MessageRef } from '../../db/pages/messageRows';
import { folderCountId } from '../../db/pages/pageRows';
import { loadSearchCatalog } from '../../db/queries/searchCatalog';
import type { MessageKey } from '../../db/rows';
import type { PostvakDb } from '../../db/schema';
import { watchFolderCounts, writeServerHits } from '../../db/searchHits';
import { Notifier, type IndexedMessage, type SourceIndex } from '../../db/index/sourceIndex';
import type { SearchQuery, SearchScope } from '../../../shared/search/queryModel';
import type { ServerSearchFolder } from '../../../shared/search/serverSearch';
import type { EngineQuery, IndexHit, SearchEngine } from '../engine/engineTypes';
import { buildFolderCatalog, type FolderCatalog } from '../resolve';
import { hitId, lookUpHits, type HitKey } from './cacheLookup';
import type { SearchStatus } from './searchStatus';
import { ServerShare, type FolderEvent, type ServerChannel } from './serverShare';

/** What a search's text and scope become against the catalog (search/resolve.ts in the app). */
export interface SearchPlan {
  query: SearchQuery;
  engine: EngineQuery;
  /** Folders the server should search (empty: the local index answers alone). */
  server: ServerSearchFolder[];
}

export interface SearchDeps {
  engine: SearchEngine;
  plan(text: string, scope: SearchScope, catalog: FolderCatalog): SearchPlan;
  server?: ServerChannel | undefined;
}

export interface Hit extends HitKey {
  date: number;
  bits: number;
}

/** Tuning: the first page is what the eye sees; the background reads on to `depth`. */
export const searchPaging = { first: 50, page: 1000, depth: 5000, more: 5000, nearEnd: 500, debounceMs: 150 };

/** Newest first; equal dates by UID, then folder, both descending (a stable, total order). */
function compareHits(a: Hit, b: Hit): number {
  if (a.date !== b.date) return b.date - a.date;
  if (a.uid !== b.uid) return b.uid - a.uid;
  const x = `${a.accountId}\u0000${a.folderPath}`;
  const y = `${b.accountId}\u0000${b.folderPath}`;
  return x === y ? 0 : x < y ? 1 : -1;
}

export class SearchIndex extends Notifier implements SourceIndex {
  ready = false;
  status: SearchStatus = { running: true, localCount: null, localDone: false, server: null };
  private list: Hit[] = [];
  private where = new Map<string, number>();
  /** The local index's hits as the cache holds them, in engine order, and where its paging stands. */
  private local: Hit[] = [];
  private localFetched = 0;
  private below: number | undefined;
  private localDone = false;
  /** The generation whose background paging is under way (-1: none). */
  private pagingFor = -1;
  private target = searchPaging.depth;
  /** Server hits the cache holds, by hitId. */
  private serverHits = new Map<string, Hit>();
  private server: ServerShare | undefined;
  private plan: SearchPlan | undefined;
  private labels = new Map<string, string>();
  /** Raised by every new run: an older run's results are dropped. */
  private generation = 0;
  private current: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopEngine: (() => void) | undefined;
  private counts: { ids: string; stop: () => void } | undefined;
  /** Each folder's revision as read before its hits were last looked up in the cache. */
  private readonly seenRevs = new Map<string, number>();
  private writes: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly db: PostvakDb,
    readonly text: string,
    readonly scope: SearchScope,
    private readonly deps: SearchDeps,
  ) {
    super();
  }

  live(): this {
    this.stopEngine = this.deps.engine.onChange(() => this.schedule());
    this.rerun();
    return this;
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    clearTimeout(this.timer);
    this.stopEngine?.();
    this.counts?.stop();
    this.server?.cancel();
  }

  get length(): number {
    return this.list.length;
  }

  /**
   * Resolves once the results reflect the cache and engine as they are now: a run started now
   * (the first run, while it has not published yet). Callers are commands and the next-message
   * rule after a removal, never every render.
   */
  whenCurrent(): Promise<void> {
    if (!this.ready || this.disposed) return this.current;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.rerun();
    return this.current;
  }

  /**
   * A change: a run `debounceMs` after the first of a burst, and after the run under way has
   * published — changes that keep coming (the index being built behind the sync) still show
   * every so often instead of restarting the run for ever.
   */
  private schedule(): void {
    if (this.disposed || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      void this.current.then(() => {
        this.timer = undefined;
        this.rerun();
      });
    }, searchPaging.debounceMs);
  }

  private rerun(): void {
    if (this.disposed) return;
    const generation = ++this.generation;
    // A failed run (the engine gone, the database closing) shows what it has rather than loading for ever.
    this.current = this.run(generation).catch(() => {
      if (!this.disposed && generation === this.generation) this.publish();
    });
  }

  /**
   * One run: the plan against the current catalog, engine pages until as deep as the previous run
   * (the first run: its first 50), every hit checked against the cache, then published; the
   * background paging goes on from there.
   */
  private async run(generation: number): Promise<void> {
    const stale = () => this.disposed || generation !== this.generation;
    const rows = await loadSearchCatalog(this.db);
    if (stale()) return;
    const catalog = buildFolderCatalog(rows.mailboxes, rows.folders);
    const plan = this.deps.plan(this.text, this.scope, catalog);
    this.labels = new Map(catalog.map((entry) => [`${entry.accountId}\u0000${entry.path}`, entry.mailboxAddress ?? entry.mailboxLabel]));
    this.plan = plan;
    const depth = Math.max(searchPaging.first, this.localFetched);
    const raw: IndexHit[] = [];
    let below: number | undefined;
    let done: boolean;
    for (let size = searchPaging.first; ; size = searchPaging.page) {
      const { hits } = await this.deps.engine.search({ ...plan.engine, limit: size, ...(below !== undefined && { below }) });
      if (stale()) return;
      raw.push(...hits);
      done = hits.length < size;
      below = hits.at(-1)?.seq ?? below;
      if (done || raw.length >= depth) break;
    }
    // Summaries being written land first, so their hits are found in the cache.
    await this.writes;
    const serverKeys = [...this.serverKeys(catalog)];
    const found = await this.lookUp([...raw, ...serverKeys]);
    if (stale()) return;
    this.local = cached(raw, found);
    this.localFetched = raw.length;
    this.below = below;
    this.localDone = done;
    this.serverHits = new Map(cached(serverKeys, found).map((hit) => [hitId(hit.accountId, hit.folderPath, hit.uid), hit]));
    this.publish();
    if (!this.server && plan.server.length > 0 && this.deps.server) this.startServer(this.deps.server, plan);
    void this.pageOn(generation);
  }

  /** Reads on in the background while the results are shallower than the target. */
  private async pageOn(generation: number): Promise<void> {
    const stale = () => this.disposed || generation !== this.generation;
    if (this.pagingFor === generation) return;
    this.pagingFor = generation;
    try {
      while (!stale() && !this.localDone && this.localFetched < this.target && this.plan) {
        const { hits } = await this.deps.engine.search({ ...this.plan.engine, limit: searchPaging.page, ...(this.below !== undefined && { below: this.below }) });
        if (stale()) return;
        const found = await this.lookUp(hits);
        if (stale()) return;
        this.local = [...this.local, ...cached(hits, found)];
        this.localFetched += hits.length;
        this.below = hits.at(-1)?.seq ?? this.below;
        this.localDone = hits.length < searchPaging.page;
        this.publish();
      }
    } finally {
      if (this.pagingFor === generation) this.pagingFor = -1;
      if (!stale()) this.publish();
    }
  }

  /** The hits' cache facts, their folders' revisions read first (a change after that runs again). */
  private async lookUp(hits: readonly HitKey[]): Promise<Map<string, { date: number; bits: number }>> {
    const ids = [...new Set(hits.map((hit) => folderCountId(hit.accountId, hit.folderPath)))];
    const rows = await this.db.counts.bulkGet(ids);
    ids.forEach((id, at) => this.seenRevs.set(id, rows[at]?.rev ?? 0));
    return lookUpHits(this.db, hits);
  }

  /** The server's hits, but none of a folder reset since its answer (RFC 9051 §2.3.1.1: its UIDs name other messages now). */
  private *serverKeys(catalog: FolderCatalog): Iterable<HitKey> {
    const validity = new Map(catalog.map((entry) => [`${entry.accountId}\u0000${entry.path}`, entry.cursor?.uidValidity]));
    for (const answer of this.server?.answers.values() ?? []) {
      const cached = validity.get(`${answer.accountId}\u0000${answer.folderPath}`);
      if (cached !== undefined && cached !== answer.uidValidity) continue;
      for (const uid of answer.uids) yield { accountId: answer.accountId, folderPath: answer.folderPath, uid };
    }
  }

  private startServer(channel: ServerChannel, plan: SearchPlan): void {
    const share = new ServerShare(
      channel,
      plan.server,
      (accountId, folderPath) => this.labels.get(`${accountId}\u0000${folderPath}`) ?? accountId,
      (event) => this.onServerFolder(event),
      () => this.publish(),
    );
    this.server = share;
    share.start(plan.query);
  }

  /** A folder's server hits: the summaries the cache lacks written into it, then the hits looked up there. */
  private async onServerFolder(event: FolderEvent): Promise<void> {
    const write = this.writes.then(() => writeServerHits(this.db, event.accountId, event.folderPath, event.uidValidity, event.summaries));
    this.writes = write.catch(() => {});
    await write.catch(() => {});
    // Under another UIDVALIDITY than the cache's, the answer's UIDs name other messages there.
    const cursor = await this.db.cursors.get([event.accountId, event.folderPath]);
    if (cursor && cursor.uidValidity !== event.uidValidity) return;
    const keys = event.uids.map((uid) => ({ accountId: event.accountId, folderPath: event.folderPath, uid }));
    const found = await this.lookUp(keys);
    // Not tied to a run: these are the cache's facts now, whichever run is under way.
    if (this.disposed) return;
    for (const hit of cached(keys, found)) this.serverHits.set(hitId(hit.accountId, hit.folderPath, hit.uid), hit);
    this.publish();
  }

  /** Local and server hits merged, deduplicated and ordered; listeners told. */
  private publish(): void {
    if (this.disposed) return;
    const merged = new Map<string, Hit>();
    for (const hit of this.local) merged.set(hitId(hit.accountId, hit.folderPath, hit.uid), hit);
    let extra = 0;
    for (const [id, hit] of this.serverHits) {
      if (merged.has(id)) continue;
      merged.set(id, hit);
      extra++;
    }
    this.list = [...merged.values()].sort(compareHits);
    this.where = new Map(this.list.map((hit, position) => [hitId(hit.accountId, hit.folderPath, hit.uid), position]));
    this.ready = true;
    const server = this.server?.status(extra) ?? null;
    this.status = {
      running: this.pagingFor === this.generation || (server !== null && !server.done),
      localCount: this.local.length,
      localDone: this.localDone,
      server,
    };
    this.followFolders();
    this.changed();
  }

  /** Follows the counts rows of the folders with hits: a change there is a change to the results. */
  private followFolders(): void {
    const folders = new Set(this.list.map((hit) => folderCountId(hit.accountId, hit.folderPath)));
    const ids = [...folders].sort().join('\n');
    if (this.counts?.ids === ids) return;
    this.counts?.stop();
    // A revision the last look-up did not see: the folder's pages changed since.
    const stop = watchFolderCounts(this.db, [...folders], (rows) => {
      if (rows.some((row) => row !== undefined && this.seenRevs.get(row.id) !== (row.rev ?? 0))) this.schedule();
    });
    this.counts = { ids, stop };
  }

  refsAt(offset: number, limit: number): MessageRef[] {
    const end = Math.min(this.list.length, offset + limit);
    // Near the end of what is read: read on (the list grows as the person scrolls).
    if (!this.localDone && end >= this.list.length - searchPaging.nearEnd && this.localFetched >= this.target) {
      this.target = this.localFetched + searchPaging.more;
      void this.pageOn(this.generation);
    }
    const refs: MessageRef[] = [];
    for (let position = Math.max(0, offset); position < end; position++) {
      const hit = this.list[position] as Hit;
      // The page is not known here: getMessagesIn finds the one covering the UID.
      refs.push({ accountId: hit.accountId, folderPath: hit.folderPath, startUid: Number.NaN, uid: hit.uid });
    }
    return refs;
  }

  positionOf(message: IndexedMessage): number {
    return this.where.get(hitId(message.accountId, message.folderPath, message.uid)) ?? -1;
  }

  keyAt(position: number): MessageKey | undefined {
    const hit = this.list[position];
    return hit ? [hit.accountId, hit.folderPath, hit.uid] : undefined;
  }

  bitsAt(position: number): number | undefined {
    return this.list[position]?.bits;
  }
}

/** The hits the cache holds, with its date and flags. */
function cached(hits: readonly HitKey[], found: ReadonlyMap<string, { date: number; bits: number }>): Hit[] {
  const kept: Hit[] = [];
  for (const hit of hits) {
    const facts = found.get(hitId(hit.accountId, hit.folderPath, hit.uid));
    if (facts) kept.push({ accountId: hit.accountId, folderPath: hit.folderPath, uid: hit.uid, date: facts.date, bits: facts.bits });
  }
  return kept;
}
