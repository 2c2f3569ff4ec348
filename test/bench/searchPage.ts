/**
 * The search bench's page (searchPage.html, built and driven by search.mjs): the app's own
 * engine client, getSearchEngine() — the Worker holding the index in OPFS — exposed to the
 * driver as `window.searchBench`. Every figure is taken here, in the window, as a caller of the
 * engine sees it.
 */
import { getSearchEngine } from '../../src/renderer/search/engine/client';
import type { SearchEngine } from '../../src/renderer/search/engine/engineTypes';
import { corpusOptions, seedEngine, timeQueries } from './searchRun';
import { feedBench, type StartFeeder } from './searchFeed';
import { SearchFeeder } from '../../src/renderer/search/feeder/feeder';
import { feederMemory } from '../../src/renderer/search/feeder/memory';

/** The app's feeder on the bench's cache; no folder is kept offline, so main is never asked. */
const startFeeder: StartFeeder = (db, engine) =>
  new SearchFeeder(db, engine, { call: () => Promise.reject(new Error('the bench has no main process')) }, { memory: feederMemory(db.name, undefined) }).start();

let engine: SearchEngine | null = null;
const opened = (): SearchEngine => {
  if (!engine) throw new Error('searchBench.open() first');
  return engine;
};

const bench = {
  async open() {
    const opening = getSearchEngine();
    engine = opening;
    const stats = await opening.stats();
    return { storage: stats.storage, docs: stats.docs };
  },
  seed({ count, bodies, from, to, batch }: { count: number; bodies: boolean; from: number; to: number; batch?: number }) {
    return seedEngine(opened(), corpusOptions(count, bodies), { from, to, ...(batch ? { batch } : {}) });
  },
  queries(perKind: number) {
    return timeQueries(opened(), perKind);
  },
  stats() {
    return opened().stats();
  },
  clear() {
    return opened().clear();
  },
  feed(count: number) {
    return feedBench(opened(), count, startFeeder);
  },
};

declare global {
  interface Window {
    searchBench?: typeof bench;
  }
}
window.searchBench = bench;
