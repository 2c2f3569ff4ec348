/**
 * What each saved search counts (issue #13 §5): its text and scope resolved against the folder
 * catalog into an engine query — the same resolution the results list uses, so the number in
 * the tree is the number of messages the list shows. Pure.
 */
import type { SearchScope } from '../../../shared/search/queryModel';
import type { SearchCatalog } from '../../db/queries/searchCatalog';
import type { SavedSearchRow } from '../../db/rows';
import type { EngineQuery } from '../../search/engine/engineTypes';
import type { CountTarget } from './savedSearchCounter';

/** Text + scope + catalog → the engine's query (search/resolve.ts in the app). */
export type EnginePlanner = (text: string, scope: SearchScope, catalog: SearchCatalog) => EngineQuery;

export function countTargets(rows: readonly SavedSearchRow[], catalog: SearchCatalog, plan: EnginePlanner): CountTarget[] {
  return rows.map((row) => {
    let query: EngineQuery | null;
    try {
      query = plan(row.query, row.scope, catalog);
    } catch {
      // Never an error page for a saved search: it shows no number, and opening it says more.
      query = null;
    }
    // A scope whose folders are all gone (the mailbox was removed): nothing to count there.
    if (query && query.folders !== null && query.folders.length === 0) return { id: row.id, query: null };
    return { id: row.id, query };
  });
}
