/**
 * Opening a saved search (issue #13 §5): the search box gets its text and scope, the list its
 * results, the tree marks it (store.search.savedId) — as if the person had typed it.
 */
import { db } from '../../db/db';
import { useStore } from '../../store';

export { savedSearchKey } from './savedSearchTree';

export async function openSavedSearch(id: string | undefined): Promise<void> {
  const row = id === undefined ? undefined : await db.savedSearches.get(id);
  if (!row) return;
  useStore.getState().setSearch({ text: row.query, scope: row.scope, savedId: row.id });
}
