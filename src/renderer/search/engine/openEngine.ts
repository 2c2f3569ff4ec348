/**
 * Engines on the calling thread. `openMemoryEngine()` is the in-memory engine unit tests (of the
 * feeder, the results, saved searches) and the bench use in Node or a browser; the app's engine
 * is `getSearchEngine()` (client.ts), whose Worker runs the same EngineCore on an OPFS file.
 */
import { EngineCore } from './engineCore';
import type { SearchEngine } from './engineTypes';
import { loadSqlite } from './sqlite';

/** A SearchEngine over a core on this thread; `close` frees the database. */
export interface LocalEngine extends SearchEngine {
  close(): void;
}

export async function openMemoryEngine(): Promise<LocalEngine> {
  const sqlite3 = await loadSqlite();
  return localEngine(new EngineCore(new sqlite3.oo1.DB(':memory:', 'c'), 'memory'));
}

export function localEngine(core: EngineCore): LocalEngine {
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) {
      // A listener's failure is its own: the change happened for every other listener too.
      queueMicrotask(listener);
    }
  };
  return {
    async apply(ops) {
      if (core.apply(ops)) changed();
    },
    async search(request) {
      return core.search(request);
    },
    async count(query) {
      return core.count(query);
    },
    async states() {
      return core.states();
    },
    async bodiesIndexed(folder, uids) {
      return core.bodiesIndexed(folder, uids);
    },
    async stats() {
      return core.stats();
    },
    async clear() {
      if (core.clear()) changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      core.close();
    },
  };
}
