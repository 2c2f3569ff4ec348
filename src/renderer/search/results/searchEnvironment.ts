/**
 * What a search's results (SearchIndex) need from outside the cache — the engine, the query
 * parser and resolver, the server's share — handed in by the app at load
 * (setupSearchResults.ts), so db/index/registry.ts imports no engine or api, and unit tests hand
 * in an in-memory engine and a fake server.
 */
import type { SearchDeps } from './SearchIndex';

/** Until the app hands in its own: no engine, no hits (a search shows an empty list). */
const none: SearchDeps = {
  engine: {
    apply: async () => {},
    search: async () => ({ hits: [], tookMs: 0 }),
    count: async () => ({ total: 0, unread: 0 }),
    states: async () => new Map(),
    bodiesIndexed: async () => new Set(),
    stats: async () => ({ docs: 0, withBody: 0, bytes: 0, storage: 'memory' }),
    clear: async () => {},
    onChange: () => () => {},
  },
  plan: () => ({ query: { clauses: [] }, engine: { clauses: [], folders: [] }, server: [] }),
};

let provide: () => SearchDeps = () => none;

export function setSearchDeps(next: () => SearchDeps): void {
  provide = next;
}

export function searchDeps(): SearchDeps {
  return provide();
}
