/**
 * Opens the folder picker (issue #12 §2: "a folder picker with type-to-filter (the `m` key,
 * "Move to…" in menus)"). Commands, the toolbar and the row menu call this with the messages
 * to move or copy; <FolderPicker /> (mounted once in MailView) shows the dialog.
 */
import type { MessageKey } from '../../../db/rows';
import { valueStore } from './valueStore';

export interface PickerRequest {
  mode: 'move' | 'copy';
  keys: MessageKey[];
  /** A new dialog per request (a fresh filter), even for the same messages. */
  id: number;
}

export const pickerRequest = valueStore<PickerRequest | null>(null);
let nextId = 1;

export function openFolderPicker(request: { mode: 'move' | 'copy'; keys: readonly MessageKey[] }): void {
  if (request.keys.length === 0) return;
  pickerRequest.set({ mode: request.mode, keys: [...request.keys], id: nextId++ });
}

export function closeFolderPicker(): void {
  pickerRequest.set(null);
}
