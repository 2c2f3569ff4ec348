/** The folder and message the person is looking at. */
import type { SliceCreator } from './types';

export interface SelectionSlice {
  selectedAccountId: string | null;
  selectedFolderPath: string | null;
  selectedUid: number | null;
  selectFolder(accountId: string, folderPath: string): void;
  selectMessage(uid: number | null): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedAccountId: null,
  selectedFolderPath: null,
  selectedUid: null,
  selectFolder: (selectedAccountId, selectedFolderPath) =>
    set((state) =>
      state.selectedAccountId === selectedAccountId && state.selectedFolderPath === selectedFolderPath
        ? state
        : { selectedAccountId, selectedFolderPath, selectedUid: null },
    ),
  selectMessage: (selectedUid) => set({ selectedUid }),
});
