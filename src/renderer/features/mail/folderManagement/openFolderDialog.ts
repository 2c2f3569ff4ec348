/**
 * Which folder-management dialog is open (New folder, Rename, Delete folder, Empty Trash/Junk;
 * issue #12 §3, §6). Opened from the folder menu; <FolderDialogs /> shows it. Focus goes back to
 * the tree item the menu was opened on when it closes (the menu is gone by then, so the dialog's
 * own "focus where it was" would land nowhere).
 */
import { valueStore } from '../folderPicker/valueStore';
import type { FolderDialogRequest } from './menuContext';

export interface OpenFolderDialog {
  request: FolderDialogRequest;
  id: number;
  returnFocus: HTMLElement | null;
}

export const folderDialog = valueStore<OpenFolderDialog | null>(null);
let nextId = 1;

export function openFolderDialog(request: FolderDialogRequest, returnFocus: HTMLElement | null = null): void {
  folderDialog.set({ request, id: nextId++, returnFocus });
}

export function closeFolderDialog(): void {
  const open = folderDialog.get();
  folderDialog.set(null);
  const element = open?.returnFocus;
  if (element) requestAnimationFrame(() => (element.isConnected ? element.focus() : undefined));
}
