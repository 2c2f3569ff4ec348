/**
 * Settings → "Sender check" (issue #10 §3): per account, whose Authentication-Results the reader
 * trusts when mail claims one of the person's own addresses. Empty means the defaults (the IMAP
 * host, its domain and the address's domain); a provider that names itself otherwise (Gmail:
 * mx.google.com) is entered here.
 */
import { useState } from 'react';
import { defaultAuthservIds, parseAuthservIds } from '../../../shared/mail/senderTrust';
import type { Account } from '../../../shared/model';
import { TextField } from '../../components/Field';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';

function AccountIds({ account }: { account: Account }) {
  const { t } = useI18n();
  const chosen = useStore((state) => state.authservIds[account.id]);
  const setAuthservIds = useStore((state) => state.setAuthservIds);
  const [text, setText] = useState((chosen ?? []).join(', '));
  const defaults = defaultAuthservIds(account).join(', ');
  return (
    <TextField
      label={t('settings.senderCheck.label', { account: account.email })}
      hint={t('settings.senderCheck.hint', { defaults })}
      type="text"
      value={text}
      placeholder={defaults}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => {
        const ids = parseAuthservIds(text);
        setAuthservIds(account.id, ids);
        setText(ids.join(', '));
      }}
    />
  );
}

export function SenderCheckSetting() {
  const { t } = useI18n();
  const accounts = useStore((state) => state.accounts) ?? [];
  if (accounts.length === 0) return null;
  return (
    <section className="settings__section" aria-labelledby="settings-sender-check">
      <h2 id="settings-sender-check" className="settings__subtitle">
        {t('settings.senderCheck')}
      </h2>
      {accounts.map((account) => (
        <AccountIds key={account.id} account={account} />
      ))}
    </section>
  );
}
