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
      const selectionGone =
        state.selectedAccountId !== null && !accounts.some((a) => a.id === state.selectedAccountId);
      return selectionGone
        ? { accounts, selectedAccountId: null, selectedFolderPath: null, selectedUid: null }
        : { accounts };
    }),
});
