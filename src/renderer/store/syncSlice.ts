/** Sync status per account as main reports it, plus per-folder progress seen in batches. */
import type { SyncStatus } from '../../shared/model';
import type { SliceCreator } from './types';

export interface FolderProgress {
  folderPath: string;
  done: number;
  total: number;
}

export interface SyncSlice {
  syncStatus: Record<string, SyncStatus>;
  folderProgress: Record<string, FolderProgress | undefined>;
  setSyncStatus(status: SyncStatus): void;
  setFolderProgress(accountId: string, progress: FolderProgress | null): void;
  forgetSync(accountId: string): void;
}

export const createSyncSlice: SliceCreator<SyncSlice> = (set) => ({
  syncStatus: {},
  folderProgress: {},
  setSyncStatus: (status) =>
    set((state) => ({
      syncStatus: { ...state.syncStatus, [status.accountId]: status },
      // Progress belongs to a pass; when the account settles, the bar goes away.
      folderProgress:
        status.state === 'syncing'
          ? state.folderProgress
          : { ...state.folderProgress, [status.accountId]: undefined },
    })),
  setFolderProgress: (accountId, progress) =>
    set((state) => ({ folderProgress: { ...state.folderProgress, [accountId]: progress ?? undefined } })),
  forgetSync: (accountId) =>
    set((state) => {
      const { [accountId]: _status, ...syncStatus } = state.syncStatus;
      const { [accountId]: _progress, ...folderProgress } = state.folderProgress;
      return { syncStatus, folderProgress };
    }),
});
