/**
 * search.* for one window (issue #13 §3–4). `search.server` answers at once; the results arrive
 * as `search.results` events to this window only (services/search/ServerSearch.ts). A new
 * `search.server` from the window stops its previous search, and so does `search.cancel`.
 */
import type { Handlers } from '../dispatch';
import type { SearchClient } from '../../services/search/ServerSearch';
import { readOfflineTexts, type SearchContext } from '../../services/search/createSearch';

export function searchHandlers(client: SearchClient, ctx: SearchContext): Handlers {
  return {
    'search.server': ({ searchId, query, folders }) => {
      client.start({ searchId, query, folders });
    },
    'search.cancel': ({ searchId }) => {
      client.cancel(searchId);
    },
    'search.offlineTexts': (input) => readOfflineTexts(ctx, input),
  };
}
