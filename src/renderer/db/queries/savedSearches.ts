/**
 * Saved searches (issue #13 §5): a name, the query as typed and its scope, kept in this
 * profile's cache database (local choices: sync never writes or clears them). Names are the
 * tree's labels, so they are trimmed, never empty and unique — compared without case, the way
 * people read them ("Unanswered" and "unanswered" would be two identical tree items).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { SearchScope } from '../../../shared/search/queryModel';
import type { SavedSearchRow } from '../rows';
import { db } from '../db';
import { loadSearchCatalog, type SearchCatalog } from './searchCatalog';
import type { PostvakDb } from '../schema';

/** Long enough for any sensible name; the tree ellipsizes. */
export const savedSearchNameMax = 100;

export type SavedSearchNameProblem = 'empty' | 'tooLong' | 'duplicate';

/** Thrown by save and rename when the name breaks the rules (the dialog checks first). */
export class SavedSearchNameError extends Error {
  constructor(readonly problem: SavedSearchNameProblem) {
    super(`saved search name: ${problem}`);
    this.name = 'SavedSearchNameError';
  }
}

const nameKey = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase();

/** What is wrong with `name` beside `rows` (the row being renamed, `exceptId`, excluded); null when fine. */
export function savedSearchNameProblem(name: string, rows: readonly Pick<SavedSearchRow, 'id' | 'name'>[], exceptId?: string): SavedSearchNameProblem | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > savedSearchNameMax) return 'tooLong';
  const key = nameKey(trimmed);
  return rows.some((row) => row.id !== exceptId && nameKey(row.name) === key) ? 'duplicate' : null;
}

/** Every saved search, in the order the tree shows them: by name (then by when saved). */
export async function listSavedSearches(database: PostvakDb, collator: Intl.Collator = new Intl.Collator()): Promise<SavedSearchRow[]> {
  const rows = await database.savedSearches.toArray();
  return rows.sort((a, b) => collator.compare(a.name, b.name) || a.createdAt - b.createdAt);
}

/** The saved searches, live (also what another window saves); undefined while loading. */
export function useSavedSearches(localeTag: string): SavedSearchRow[] | undefined {
  return useLiveQuery(() => listSavedSearches(db, new Intl.Collator(localeTag, { numeric: true, sensitivity: 'base' })), [localeTag]);
}

/**
 * The folder catalog searches resolve against, live: saved searches are counted again when
 * folders or mailboxes come or go. (It also follows cursors; an unchanged resolution costs no
 * recount, SavedSearchCounter compares the queries.)
 */
export function useSearchCatalogLive(): SearchCatalog | undefined {
  return useLiveQuery(() => loadSearchCatalog(db), []);
}

export interface NewSavedSearch {
  name: string;
  query: string;
  scope: SearchScope;
}

/** Saves a search under a new name; the check and the write are one transaction (two windows). */
export async function saveSearch(database: PostvakDb, search: NewSavedSearch, now: number = Date.now()): Promise<SavedSearchRow> {
  return database.transaction('rw', database.savedSearches, async () => {
    const problem = savedSearchNameProblem(search.name, await database.savedSearches.toArray());
    if (problem) throw new SavedSearchNameError(problem);
    const row: SavedSearchRow = { id: crypto.randomUUID(), name: search.name.trim(), query: search.query.trim(), scope: search.scope, createdAt: now };
    await database.savedSearches.add(row);
    return row;
  });
}

/** Renames a saved search; false when it is gone (deleted in another window meanwhile). */
export async function renameSavedSearch(database: PostvakDb, id: string, name: string): Promise<boolean> {
  return database.transaction('rw', database.savedSearches, async () => {
    const rows = await database.savedSearches.toArray();
    if (!rows.some((row) => row.id === id)) return false;
    const problem = savedSearchNameProblem(name, rows, id);
    if (problem) throw new SavedSearchNameError(problem);
    await database.savedSearches.update(id, { name: name.trim() });
    return true;
  });
}

export async function deleteSavedSearch(database: PostvakDb, id: string): Promise<void> {
  await database.savedSearches.delete(id);
}
