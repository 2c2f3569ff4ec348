/**
 * Text + scope + catalog → the engine's query, by the same parse + resolve the results list
 * runs (shared/search/parseQuery.ts, search/resolve.ts): a saved search counts exactly the
 * messages opening it lists (issue #13 §5).
 */
import { parseQuery } from '../../../shared/search/parseQuery';
import { buildFolderCatalog, resolveQuery } from '../../search/resolve';
import type { EnginePlanner } from './countTargets';

/**
 * Relative dates (`newer_than:7d`) are read at the moment of resolving, which happens again
 * whenever the catalog changes (every sync batch moves a cursor).
 */
export function enginePlanner(locale: string, now: () => number = Date.now): EnginePlanner {
  return (text, scope, catalog) => {
    const folders = buildFolderCatalog(catalog.mailboxes, catalog.folders);
    return resolveQuery(parseQuery(text, { locale, now: now() }), scope, folders).engine;
  };
}
