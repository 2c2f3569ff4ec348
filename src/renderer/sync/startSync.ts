/**
 * Wires the sync loop to the real api, the Dexie cache and the UI store. Called once at start.
 */
import type { ApiError } from '../../shared/api';
import { api, platform } from '../api';
import { cachedAccountIds, readCursors, removeAccountData } from '../db/accountData';
import { applySyncBatch } from '../db/applySyncBatch';
import { db } from '../db/db';
import { describeError } from '../i18n/errors';
import { currentI18n } from '../i18n/useI18n';
import { useStore } from '../store';
import { startSyncLoop, type SyncLoop, type SyncProblem } from './syncLoop';
import { announceStatus } from './announceStatus';
import { withNewMailNotifications } from './notifyNewMail';
import { forgetDefaultFolderOf, openDefaultFolderEarly } from '../features/mail/openDefaultFolder';

function accountHost(accountId: string | undefined): string | undefined {
  return useStore.getState().accounts?.find((account) => account.id === accountId)?.imap.host;
}

function reportProblem(problem: SyncProblem, error: ApiError, accountId?: string): void {
  const store = useStore.getState();
  const { t } = currentI18n();
  const words = describeError(t, error, accountHost(accountId));
  if (problem === 'accountsFailed') {
    store.setStartError(error);
    return;
  }
  store.pushToast('error', problem === 'applyFailed' || problem === 'cacheFailed' ? t('sync.applyFailed', { error: words }) : words);
}

export function startSync(): SyncLoop {
  let openedEarly = false;
  return startSyncLoop({
    api,
    onReconnect: (listener) => platform.onReconnect(listener),
    accountsAtStart: () => platform.accountsAtStart(),
    cache: {
      readCursors: (accountId) => readCursors(db, accountId),
      applySyncBatch: withNewMailNotifications(db, async (batch) => {
        await applySyncBatch(db, batch);
        // User Timing (DevTools; `npm run bench -- --only start` splits the start with it).
        if (batch.kind === 'messages' && performance.getEntriesByName('postvak:batch.written').length === 0) {
          performance.mark('postvak:batch.written', { detail: { folderPath: batch.folderPath, rows: batch.upserts.length } });
        }
      }),
      removeAccountData: async (accountId) => {
        forgetDefaultFolderOf(accountId);
        await removeAccountData(db, accountId);
      },
      cachedAccountIds: () => cachedAccountIds(db),
    },
    report: {
      accounts: (accounts) => {
        // A User Timing mark (DevTools; `npm run bench -- --only start` reads the first one).
        performance.mark('postvak:accounts');
        useStore.getState().setAccounts(accounts);
        useStore.getState().setStartError(null);
        // The first time: open the default folder and build its list index while React mounts.
        if (!openedEarly) {
          openedEarly = true;
          void openDefaultFolderEarly(db, accounts).catch(() => undefined);
        }
      },
      status: (status) => {
        const previous = useStore.getState().syncStatus[status.accountId];
        useStore.getState().setSyncStatus(status);
        announceStatus(previous, status);
      },
      progress: (accountId, progress) => useStore.getState().setFolderProgress(accountId, progress),
      problem: reportProblem,
    },
  });
}
