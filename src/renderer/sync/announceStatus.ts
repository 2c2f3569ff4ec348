/**
 * Puts sync state changes into the live region in words: only transitions a person cares
 * about (finished, failed, went offline), not every progress tick.
 */
import type { SyncStatus } from '../../shared/model';
import { describeError } from '../i18n/errors';
import { currentI18n } from '../i18n/useI18n';
import { useStore } from '../store';

export function announceStatus(previous: SyncStatus | undefined, next: SyncStatus): void {
  if (previous?.state === next.state && previous.error?.code === next.error?.code) return;
  const store = useStore.getState();
  const { t } = currentI18n();
  const account = store.accounts?.find((candidate) => candidate.id === next.accountId);
  const name = account?.email ?? next.accountId;
  if (next.state === 'error' && next.error) {
    store.announce(t('sync.failed', { account: name, error: describeError(t, next.error, account?.imap.host) }));
  } else if (next.state === 'idle' && previous && previous.state !== 'idle') {
    store.announce(t('sync.upToDate', { account: name }));
  } else if (next.state === 'offline') {
    store.announce(t('topbar.status', { account: name, status: t('topbar.state.offline') }));
  }
}
