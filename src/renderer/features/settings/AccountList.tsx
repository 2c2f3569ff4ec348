/**
 * The configured accounts, each with Edit and Remove (after a confirmation that says what goes
 * with it: mail on this device, and unsent messages in the Outbox — issue #10 §6).
 */
import { useState } from 'react';
import type { Account } from '../../../shared/model';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { pendingItems } from '../outbox/outboxWording';

export function AccountList() {
  const { t } = useI18n();
  const accounts = useStore((state) => state.accounts) ?? [];
  const showScreen = useStore((state) => state.showScreen);
  const pushToast = useStore((state) => state.pushToast);
  const [removing, setRemoving] = useState<Account | null>(null);
  const [busy, setBusy] = useState(false);
  const outbox = useStore((state) => state.outbox);
  const unsent = removing ? pendingItems(outbox).filter((item) => item.accountId === removing.id).length : 0;

  async function remove(account: Account) {
    setBusy(true);
    try {
      const result = await api.call('accounts.remove', { id: account.id }).catch((error: unknown) => ({
        ok: false as const,
        error: toApiError(error),
      }));
      if (result.ok) pushToast('info', t('settings.removed', { email: account.email }));
      else pushToast('error', t('settings.removeFailed', { email: account.email, error: describeError(t, result.error) }));
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  }

  return (
    <section className="settings__section" aria-labelledby="settings-accounts">
      <h2 id="settings-accounts" className="settings__subtitle">
        {t('settings.accounts')}
      </h2>
      {accounts.length === 0 && <p className="pane__note">{t('settings.noAccounts')}</p>}
      <ul className="account-list">
        {accounts.map((account) => (
          <li key={account.id} className="account-list__item">
            <div className="account-list__who">
              <span className="account-list__email">{account.email}</span>
              {account.displayName && <span className="account-list__name">{account.displayName}</span>}
              {!account.hasPassword && <span className="badge badge--warning">{t('settings.passwordNeeded')}</span>}
            </div>
            <button
              type="button"
              className="button button--small"
              aria-label={t('settings.editAccount', { email: account.email })}
              onClick={() => showScreen({ name: 'accountSetup', accountId: account.id })}
            >
              {t('settings.edit')}
            </button>
            <button
              type="button"
              className="button button--small button--danger-ghost"
              aria-label={t('settings.removeAccount', { email: account.email })}
              onClick={() => setRemoving(account)}
            >
              {t('settings.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button--primary" onClick={() => showScreen({ name: 'accountSetup' })}>
        {t('settings.addAccount')}
      </button>
      {removing && (
        <ConfirmDialog
          title={t('settings.removeTitle', { email: removing.email })}
          confirmLabel={t('settings.removeConfirm')}
          cancelLabel={t('setup.cancel')}
          busyLabel={t('settings.removing')}
          busy={busy}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('settings.removeText')}</p>
          {unsent > 0 && <p>{t('settings.removeUnsent', { count: unsent })}</p>}
        </ConfirmDialog>
      )}
    </section>
  );
}
