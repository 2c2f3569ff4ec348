/**
 * Which list the person is looking at (issue #13 §1): while a search is set, its results; else
 * the selected folder or unified view, which stays selected underneath so closing the search
 * returns to it. One rule for the list, the commands and the reader's next/previous.
 */
import type { MessageSource } from '../../db/index/sourceIndex';
import type { MessageKey, UnifiedRole } from '../../db/rows';
import type { ActiveSearch } from '../../store/searchSlice';

export interface ListState {
  search: ActiveSearch | null;
  selectedAccountId: string | null;
  selectedFolderPath: string | null;
  selectedUnified: UnifiedRole | null;
}

/** The search's results as a source, or null when there is nothing to search for. */
export function searchSourceOf(search: ActiveSearch | null): MessageSource | null {
  if (!search || search.text.trim() === '') return null;
  return { kind: 'search', text: search.text, scope: search.scope, ...(search.savedId !== undefined && { savedId: search.savedId }) };
}

export function listSourceOf(state: ListState): MessageSource | null {
  const search = searchSourceOf(state.search);
  if (search) return search;
  if (state.selectedUnified) return { kind: 'unified', role: state.selectedUnified };
  return state.selectedAccountId && state.selectedFolderPath ? { kind: 'folder', accountId: state.selectedAccountId, folderPath: state.selectedFolderPath } : null;
}

/** The store's side of "Show in folder": the message's folder selected, the search closed, the message open. */
export interface FolderOpener {
  selectFolder(accountId: string, folderPath: string): void;
  setSearch(search: null): void;
  selectMessage(key: MessageKey): void;
}

/** Shows a search hit where it lives (issue #13 §1): its folder in the tree, the search closed, the message open. */
export function openInFolder(store: FolderOpener, key: MessageKey): void {
  const [accountId, folderPath] = key;
  store.selectFolder(accountId, folderPath);
  store.setSearch(null);
  store.selectMessage(key);
}
