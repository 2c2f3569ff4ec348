/**
 * App name, the Mail | Calendar switch (issue #5 §3), each account's sync state in words, and
 * the way to settings.
 */
import type { Account, SyncStatus } from '../../../shared/model';
import { describeError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { composeNew } from '../compose/composeLater';

function AccountState({ account, status }: { account: Account; status: SyncStatus | undefined }) {
  const { t } = useI18n();
  const state = status?.state ?? 'connecting';
  const words = t(`topbar.state.${state}`);
  const problem = state === 'error' && status?.error ? describeError(t, status.error, account.imap.host) : null;
  return (
    <li className={`account-state account-state--${state}`} title={problem ?? undefined}>
      <span className="account-state__dot" aria-hidden="true" />
      <span className="account-state__text">{t('topbar.status', { account: account.email, status: problem ?? words })}</span>
    </li>
  );
}

/** Mail | Calendar: two buttons, the current one marked (aria-current), both in the tab order. */
function ScreenSwitch() {
  const { t } = useI18n();
  const current = useStore((state) => state.screen.name);
  const showScreen = useStore((state) => state.showScreen);
  const entries = [
    { name: 'mail', label: t('topbar.mail') },
    { name: 'calendar', label: t('topbar.calendar') },
  ] as const;
  return (
    <nav className="screen-switch" aria-label={t('topbar.switch')}>
      {entries.map((entry) => (
        <button
          key={entry.name}
          type="button"
          className={`screen-switch__button${current === entry.name ? ' is-current' : ''}`}
          aria-current={current === entry.name ? 'page' : undefined}
          onClick={() => showScreen({ name: entry.name })}
        >
          {entry.label}
        </button>
      ))}
    </nav>
  );
}

export function TopBar({ compose = true }: { compose?: boolean }) {
  const { t } = useI18n();
  const accounts = useStore((state) => state.accounts) ?? [];
  const syncStatus = useStore((state) => state.syncStatus);
  const showScreen = useStore((state) => state.showScreen);
  return (
    <header className="topbar">
      <span className="topbar__brand">{t('app.name')}</span>
      <ScreenSwitch />
      {compose && (
        <button type="button" className="button button--primary" aria-keyshortcuts="N" onClick={() => void composeNew()}>
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 17.3V21h3.8l11-11.1-3.7-3.7L3 17.3Zm17.7-10.2a1 1 0 0 0 0-1.4l-2.4-2.4a1 1 0 0 0-1.4 0l-1.8 1.8 3.7 3.8 1.9-1.8Z" />
          </svg>
          {t('compose.new')}
        </button>
      )}
      <ul className="topbar__accounts" aria-label={t('topbar.accounts')}>
        {accounts.map((account) => (
          <AccountState key={account.id} account={account} status={syncStatus[account.id]} />
        ))}
      </ul>
      <button type="button" className="button button--ghost" onClick={() => showScreen({ name: 'settings' })}>
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Zm7.4-2.5.1-1-.1-1 2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.6a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L6.5 11l-.1 1 .1 1-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.8 1.7 1L11 21h4l.4-2.6c.6-.2 1.2-.6 1.7-1l2.5 1 2-3.5-2.2-1.9Z" />
        </svg>
        {t('topbar.settings')}
      </button>
    </header>
  );
}
