/**
 * Settings → Identities (issue #4 §2): per account, each address the person may write from,
 * how (send as, send on behalf, don't send) and, for a shared mailbox, where sent copies go.
 * A change replaces the account's configuration (identities.update); a JSON file can be
 * imported (identities.import). Main answers with the new identities, which the store takes.
 */
import { useRef, useState } from 'react';
import type { Account } from '../../../shared/model';
import type { Identity, SendMode, SentCopyPolicy } from '../../../shared/model/compose';
import { api } from '../../api';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { entriesWithChange } from './identityConfig';

const sendModes: SendMode[] = ['sendAs', 'onBehalf', 'none'];
const copyPolicies: SentCopyPolicy[] = ['shared', 'own', 'both'];

function useIdentityCall() {
  const { t } = useI18n();
  const pushToast = useStore((state) => state.pushToast);
  const setIdentities = useStore((state) => state.setIdentities);
  return async (accountId: string, run: () => Promise<{ ok: true; value: Identity[] } | { ok: false; error: { code: string; message: string } }>) => {
    const result = await run().catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
    if (!result.ok) {
      pushToast('error', t('settings.identities.failed', { error: describeError(t, result.error) }));
      return false;
    }
    const others = (useStore.getState().identities ?? []).filter((identity) => identity.accountId !== accountId);
    setIdentities([...others, ...result.value]);
    return true;
  };
}

function IdentityItem({ identity, identities }: { identity: Identity; identities: Identity[] }) {
  const { t } = useI18n();
  const update = useIdentityCall();
  const [busy, setBusy] = useState(false);

  async function change(patch: { sendMode?: SendMode; sentCopies?: SentCopyPolicy }) {
    setBusy(true);
    const entries = entriesWithChange(identities, identity.accountId, identity.id, patch);
    await update(identity.accountId, () => api.call('identities.update', { accountId: identity.accountId, entries }));
    setBusy(false);
  }

  return (
    <li className="identity-list__item">
      <div className="identity-list__who">
        <span className="identity-list__address">{identity.address}</span>
        {identity.displayName.trim() && <span className="identity-list__name">{identity.displayName}</span>}
        <span className="badge">{t(`settings.identities.kind.${identity.kind}`)}</span>
      </div>
      <label className="identity-list__field">
        {t('settings.identities.sendModeLabel')}
        <select
          aria-label={t('settings.identities.sendMode', { address: identity.address })}
          value={identity.sendMode}
          disabled={busy}
          onChange={(event) => void change({ sendMode: event.target.value as SendMode })}
        >
          {sendModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`settings.identities.mode.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      {identity.kind === 'shared' && (
        <label className="identity-list__field">
          {t('settings.identities.sentCopiesLabel')}
          <select
            aria-label={t('settings.identities.sentCopies', { address: identity.address })}
            value={identity.sentCopies}
            disabled={busy}
            onChange={(event) => void change({ sentCopies: event.target.value as SentCopyPolicy })}
          >
            {copyPolicies.map((policy) => (
              <option key={policy} value={policy}>
                {t(`settings.identities.copies.${policy}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </li>
  );
}

function AccountIdentities({ account, identities }: { account: Account; identities: Identity[] }) {
  const { t } = useI18n();
  const update = useIdentityCall();
  const pushToast = useStore((state) => state.pushToast);
  const file = useRef<HTMLInputElement>(null);
  const mine = identities.filter((identity) => identity.accountId === account.id);

  async function importFile(chosen: File) {
    const json = await chosen.text();
    const ok = await update(account.id, () => api.call('identities.import', { accountId: account.id, json }));
    if (ok) pushToast('info', t('settings.identities.imported', { filename: chosen.name }));
  }

  return (
    <section className="identity-account" aria-label={t('settings.identities.ofAccount', { email: account.email })}>
      <h3 className="settings__subsubtitle">{account.email}</h3>
      <ul className="identity-list">
        {mine.map((identity) => (
          <IdentityItem key={identity.id} identity={identity} identities={identities} />
        ))}
      </ul>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          event.target.value = '';
          if (chosen) void importFile(chosen);
        }}
      />
      <button type="button" className="button button--small" onClick={() => file.current?.click()}>
        {t('settings.identities.import')}
      </button>
    </section>
  );
}

export function IdentitySettings() {
  const { t } = useI18n();
  const accounts = useStore((state) => state.accounts) ?? [];
  const identities = useStore((state) => state.identities);
  return (
    <section className="settings__section" aria-labelledby="settings-identities">
      <h2 id="settings-identities" className="settings__subtitle">
        {t('settings.identities')}
      </h2>
      <p className="field__hint">{t('settings.identities.intro')}</p>
      {identities === null ? (
        <p className="pane__note">{t('settings.identities.loading')}</p>
      ) : (
        accounts.map((account) => <AccountIdentities key={account.id} account={account} identities={identities} />)
      )}
    </section>
  );
}
