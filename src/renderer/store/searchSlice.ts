/**
 * The search the list shows (issue #13 §1, §5): the text as typed and where it looks. While it is
 * set, the list shows the search's results (a `search` MessageSource) instead of the selected
 * folder; the folder selection stays, so closing the search returns to it, and scope `folder`
 * means that folder. A saved search opened from the tree sets both the search and its id.
 * UI state only: results live in the search index and the cache, never here.
 */
import type { SearchScope } from '../../shared/search/queryModel';
import type { SliceCreator } from './types';

export interface ActiveSearch {
  /** The query as typed (parsed where it runs: src/shared/search/parseQuery.ts). */
  text: string;
  scope: SearchScope;
  /** Set when this is a saved search opened from the tree (SavedSearchRow.id). */
  savedId?: string;
}

export interface SearchSlice {
  /** Null: the list shows the selected folder. */
  search: ActiveSearch | null;
  /** Raised to move the keyboard focus into the search box (Ctrl+E, `/`). */
  searchFocusRequest: number;
  setSearch(search: ActiveSearch | null): void;
  focusSearch(): void;
}

export const createSearchSlice: SliceCreator<SearchSlice> = (set) => ({
  search: null,
  searchFocusRequest: 0,
  setSearch: (search) => set({ search }),
  focusSearch: () => set((state) => ({ searchFocusRequest: state.searchFocusRequest + 1 })),
});
