/**
 * Which saved-search dialog the tree shows (Rename, Delete; issue #13 §5), opened from a saved
 * search's menu; <SavedSearchDialogs /> shows it. Focus goes back to the tree item the menu was
 * opened on when it closes (the menu is gone by then), like the folder dialogs.
 */
import type { SavedSearchRow } from '../../db/rows';
import { valueStore } from '../mail/folderPicker/valueStore';

export type SavedSearchDialogRequest = { kind: 'rename'; row: SavedSearchRow } | { kind: 'delete'; row: SavedSearchRow };

export interface OpenSavedSearchDialog {
  request: SavedSearchDialogRequest;
  id: number;
  returnFocus: HTMLElement | null;
}

export const savedSearchDialog = valueStore<OpenSavedSearchDialog | null>(null);
let nextId = 1;

export function openSavedSearchDialog(request: SavedSearchDialogRequest, returnFocus: HTMLElement | null = null): void {
  savedSearchDialog.set({ request, id: nextId++, returnFocus });
}

export function closeSavedSearchDialog(): void {
  const open = savedSearchDialog.get();
  savedSearchDialog.set(null);
  const element = open?.returnFocus;
  if (element) requestAnimationFrame(() => (element.isConnected ? element.focus() : undefined));
}
