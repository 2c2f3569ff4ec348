/**
 * What the person is looking at: one folder, or one unified view across all mailboxes
 * (issue #3), and the open message. The message is held by its full key because a unified
 * view mixes folders: every action then acts on the message in its own mailbox and folder.
 */
import type { MessageKey, UnifiedRole } from '../db/rows';
import { anchorAt, emptySelection, type MessageSelection } from '../features/mail/selection/selectionModel';
import type { SliceCreator } from './types';

export interface SelectionSlice {
  selectedAccountId: string | null;
  selectedFolderPath: string | null;
  /** Set while a unified view is open (then the folder selection is null). */
  selectedUnified: UnifiedRole | null;
  selectedMessage: MessageKey | null;
  /** The Outbox (issue #4 §6) is showing instead of a folder. */
  selectedOutbox: boolean;
  /**
   * The multi-selection of the list shown (issue #12 §3): "all", a range and toggled keys, never
   * a million keys (selection/selectionModel.ts). Empty: the open message is the selection. Read
   * the keys with currentSelection() / resolveSelection() (features/mail/selection).
   */
  messageSelection: MessageSelection;
  setMessageSelection(selection: MessageSelection): void;
  clearMessageSelection(): void;
  selectFolder(accountId: string, folderPath: string): void;
  selectUnified(role: UnifiedRole): void;
  selectMessage(key: MessageKey | null): void;
  selectOutbox(): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedAccountId: null,
  selectedFolderPath: null,
  selectedUnified: null,
  selectedMessage: null,
  selectedOutbox: false,
  messageSelection: emptySelection,
  setMessageSelection: (messageSelection) => set({ messageSelection }),
  // Escape: nothing chosen any more, but Shift+arrows still extend from where the person was.
  clearMessageSelection: () => set((state) => ({ messageSelection: anchorAt(state.messageSelection.anchor) })),
  selectFolder: (selectedAccountId, selectedFolderPath) =>
    set((state) =>
      state.selectedAccountId === selectedAccountId && state.selectedFolderPath === selectedFolderPath && !state.selectedOutbox
        ? state
        : { selectedAccountId, selectedFolderPath, selectedUnified: null, selectedMessage: null, selectedOutbox: false, messageSelection: emptySelection },
    ),
  selectUnified: (selectedUnified) =>
    set((state) =>
      state.selectedUnified === selectedUnified && !state.selectedOutbox
        ? state
        : { selectedUnified, selectedAccountId: null, selectedFolderPath: null, selectedMessage: null, selectedOutbox: false, messageSelection: emptySelection },
    ),
  selectMessage: (selectedMessage) => set({ selectedMessage }),
  selectOutbox: () =>
    set({ selectedOutbox: true, selectedUnified: null, selectedAccountId: null, selectedFolderPath: null, selectedMessage: null, messageSelection: emptySelection }),
});
