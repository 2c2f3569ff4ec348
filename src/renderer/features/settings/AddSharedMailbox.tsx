/**
 * "Add a shared mailbox" for servers without a shared namespace (issue #3): either as folders
 * of an account's own login (a path prefix → `mailboxes.addManual`), or as a separate login
 * (the account set-up form, marked `kind: 'shared'`).
 */
import { useId, useState } from 'react';
import type { Account } from '../../../shared/model';
import { api } from '../../api';
import { SelectField, TextField } from '../../components/Field';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';

type Mode = 'folders' | 'login';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function AddSharedMailbox({ accounts }: { accounts: readonly Account[] }) {
  const { t } = useI18n();
  const modeName = useId();
  const showScreen = useStore((state) => state.showScreen);
  const pushToast = useStore((state) => state.pushToast);
  const [mode, setMode] = useState<Mode>('folders');
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const [prefix, setPrefix] = useState('');
  const [address, setAddress] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [errors, setErrors] = useState<{ prefix?: string; address?: string }>({});
  const [busy, setBusy] = useState(false);
  const chosenAccount = accounts.some((account) => account.id === accountId) ? accountId : (accounts[0]?.id ?? '');

  async function add() {
    const next = {
      prefix: prefix.trim() ? undefined : t('validation.required', { field: t('settings.addShared.prefix') }),
      address: emailPattern.test(address.trim()) ? undefined : t('validation.email'),
    };
    setErrors(next);
    if (next.prefix || next.address) return;
    setBusy(true);
    try {
      const result = await api
        .call('mailboxes.addManual', { accountId: chosenAccount, prefix: prefix.trim(), address: address.trim(), displayName: displayName.trim() })
        .catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
      if (result.ok) {
        pushToast('info', t('settings.addShared.added', { address: result.value.address }));
        setPrefix('');
        setAddress('');
        setDisplayName('');
      } else {
        pushToast('error', t('settings.addShared.failed', { address: address.trim(), error: describeError(t, result.error) }));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="add-shared"
      aria-labelledby={`${modeName}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (mode === 'folders') void add();
        else showScreen({ name: 'accountSetup', kind: 'shared' });
      }}
    >
      <h3 id={`${modeName}-title`} className="add-shared__title">
        {t('settings.addShared')}
      </h3>
      <p className="field__hint">{t('settings.addShared.intro')}</p>
      <fieldset className="add-shared__modes">
        <legend>{t('settings.addShared.mode')}</legend>
        {(['folders', 'login'] as const).map((value) => (
          <label key={value} className="add-shared__mode">
            <input type="radio" name={modeName} value={value} checked={mode === value} onChange={() => setMode(value)} />
            {t(value === 'folders' ? 'settings.addShared.folders' : 'settings.addShared.login')}
          </label>
        ))}
      </fieldset>
      {mode === 'folders' ? (
        <>
          {accounts.length > 1 && (
            <SelectField
              label={t('settings.addShared.account')}
              value={chosenAccount}
              options={accounts.map((account) => ({ value: account.id, label: account.email }))}
              onChange={(event) => setAccountId(event.target.value)}
            />
          )}
          <TextField
            label={t('settings.addShared.prefix')}
            hint={t('settings.addShared.prefixHint')}
            spellCheck={false}
            value={prefix}
            error={errors.prefix}
            disabled={busy}
            onChange={(event) => setPrefix(event.target.value)}
          />
          <TextField
            label={t('settings.addShared.address')}
            type="email"
            spellCheck={false}
            value={address}
            error={errors.address}
            disabled={busy}
            onChange={(event) => setAddress(event.target.value)}
          />
          <TextField
            label={t('settings.addShared.displayName')}
            value={displayName}
            disabled={busy}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('settings.addShared.adding') : t('settings.addShared.submit')}
          </button>
        </>
      ) : (
        <>
          <p className="field__hint">{t('settings.addShared.loginHint')}</p>
          <button type="submit" className="button button--primary">
            {t('settings.addShared.continue')}
          </button>
        </>
      )}
    </form>
  );
}
