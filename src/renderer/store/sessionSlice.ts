/** What main told us about itself and the configured accounts (not cached mail). */
import type { ApiError, AppInfo } from '../../shared/api';
import type { Account } from '../../shared/model';
import type { SliceCreator } from './types';

export interface SessionSlice {
  appInfo: AppInfo | null;
  /** `null` until `accounts.list` answered. */
  accounts: Account[] | null;
  /** Why the accounts could not be loaded (shown with a retry), `null` when fine. */
  startError: ApiError | null;
  setStartError(error: ApiError | null): void;
  setAppInfo(info: AppInfo): void;
  setAccounts(accounts: Account[]): void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  appInfo: null,
  accounts: null,
  startError: null,
  setStartError: (startError) => set({ startError }),
  setAppInfo: (appInfo) => set({ appInfo }),
  setAccounts: (accounts) =>
    set((state) => {
      // Keep the selection valid when the account it points to disappears.
      const exists = (id: string | undefined) => accounts.some((a) => a.id === id);
      const folderGone = state.selectedAccountId !== null && !exists(state.selectedAccountId);
      const messageGone = state.selectedMessage !== null && !exists(state.selectedMessage[0]);
      if (folderGone) return { accounts, selectedAccountId: null, selectedFolderPath: null, selectedMessage: null };
      return messageGone ? { accounts, selectedMessage: null } : { accounts };
    }),
});
