/**
 * Hands the search results (SearchIndex) what they need from the app (issue #13): the window's
 * engine, the query parsed in the person's language and zone, resolved against the catalog with
 * the folder on screen first for the server, and `search.server` / `search.cancel` /
 * `search.results` as the server's channel. Runs once, when the message list's module loads.
 */
import { api } from '../../api';
import { currentI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { parseQuery } from '../../../shared/search/parseQuery';
import { getSearchEngine } from '../engine/client';
import { needsServer, resolveQuery } from '../resolve';
import { setSearchDeps } from './searchEnvironment';
import type { SearchPlan } from './SearchIndex';
import type { ServerChannel } from './serverShare';
import type { FolderCatalog } from '../resolve';
import type { SearchScope } from '../../../shared/search/queryModel';

const channel: ServerChannel = {
  async start(input) {
    const result = await api.call('search.server', input);
    return result.ok ? { ok: true } : { ok: false, code: result.error.code };
  },
  cancel(searchId) {
    // Nothing to do when main has finished already; a lost cancel only costs main a little work.
    void api.call('search.cancel', { searchId }).catch(() => {});
  },
  subscribe: (listener) => api.on('search.results', listener),
};

/**
 * The plan for a search: the server is asked only where the cache cannot answer — words that may
 * be in bodies this device lacks, and folders never synced (issue #13 §4).
 */
export function planSearch(text: string, scope: SearchScope, catalog: FolderCatalog): SearchPlan {
  const query = parseQuery(text, { locale: currentI18n().localeTag, now: Date.now() });
  const { selectedAccountId, selectedFolderPath } = useStore.getState();
  const current = selectedAccountId && selectedFolderPath ? { accountId: selectedAccountId, folderPath: selectedFolderPath } : undefined;
  const resolved = resolveQuery(query, scope, catalog, current);
  const asked = needsServer(query) ? resolved.serverFolders : resolved.serverFolders.filter((entry) => entry.cursor === null);
  return {
    query,
    engine: resolved.engine,
    // The contract takes at most 5,000 folders a search; the order puts the likeliest first.
    server: asked.slice(0, 5000).map((entry) => ({ accountId: entry.accountId, folderPath: entry.path, cached: entry.cursor })),
  };
}

let done = false;

export function setupSearchResults(): void {
  if (done) return;
  done = true;
  setSearchDeps(() => ({ engine: getSearchEngine(), plan: planSearch, server: channel }));
}
