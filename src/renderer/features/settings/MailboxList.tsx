/**
 * Settings → Mailboxes (issue #3): every mailbox of every account — own, shared with the person,
 * added by hand — with its storage, a notification switch, Hide/Show for shared ones and Remove
 * for those added by hand. Hidden mailboxes stay listed so they can be shown again. A mailbox
 * several accounts reach is listed once, with the account it is used through (issue #10 §7).
 */
import { useMemo, useState } from 'react';
import type { Account } from '../../../shared/model';
import { routeGroups } from '../../../shared/mailboxRoutes';
import { api } from '../../api';
import { useMailboxesAndFolders } from '../../db/queries/mailboxes';
import type { MailboxRow } from '../../db/rows';
import { describeError, toApiError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { notifiesFor } from '../../store/preferencesSlice';
import { groupByMailbox, isSharedMailbox } from '../mail/folderTree';
import { colourOf, mailboxColours, quotaUsage, quotaWarning } from '../mail/mailboxInfo';
import { AddSharedMailbox } from './AddSharedMailbox';
import { UsedThrough } from './UsedThrough';

function kindLabel(mailbox: MailboxRow, account: Account, t: ReturnType<typeof useI18n>['t']): string {
  if (account.kind === 'shared') return t('settings.mailboxes.sharedLogin');
  if (mailbox.source === 'manual') return t('settings.mailboxes.manual');
  return mailbox.kind === 'own' ? t('settings.mailboxes.own') : t('settings.mailboxes.discovered');
}

interface MailboxItemProps {
  mailbox: MailboxRow;
  account: Account;
  colour: string;
  /** Every account's row of this mailbox (issue #10 §7); one unless several accounts reach it. */
  routes: readonly MailboxRow[];
  accounts: readonly Account[];
}

function MailboxItem({ mailbox, account, colour, routes, accounts }: MailboxItemProps) {
  const { t, localeTag } = useI18n();
  const notify = useStore((state) => notifiesFor(state.mailboxNotify, mailbox.id));
  const setMailboxNotify = useStore((state) => state.setMailboxNotify);
  const pushToast = useStore((state) => state.pushToast);
  const [busy, setBusy] = useState(false);
  const shared = isSharedMailbox(mailbox, account) && account.kind !== 'shared';
  // Issue #10 §9: Dovecot shows a shared mailbox's quota only to its owner.
  const usage = mailbox.quota ? quotaUsage(mailbox.quota, t, localeTag) : t('settings.mailboxes.quotaNotShown');
  const warning = quotaWarning(mailbox, t);

  async function run(call: () => ReturnType<typeof api.call>, done?: string) {
    setBusy(true);
    try {
      const result = await call().catch((error: unknown) => ({ ok: false as const, error: toApiError(error) }));
      if (!result.ok) pushToast('error', t('settings.mailboxes.changeFailed', { address: mailbox.address, error: describeError(t, result.error) }));
      else if (done) pushToast('info', done);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={`mailbox-list__item${mailbox.hidden ? ' is-hidden' : ''}`}>
      <div className="mailbox-list__who">
        <span className="mailbox-swatch" style={{ backgroundColor: colour }} aria-hidden="true" />
        <span className="mailbox-list__address">{mailbox.address}</span>
        {mailbox.displayName.trim() && mailbox.displayName.trim() !== mailbox.address && (
          <span className="mailbox-list__name">{mailbox.displayName}</span>
        )}
        <span className="badge">{kindLabel(mailbox, account, t)}</span>
        {mailbox.hidden && <span className="badge badge--warning">{t('settings.mailboxes.hidden')}</span>}
      </div>
      <p className="mailbox-list__quota">{usage}</p>
      {warning && <p className={`quota-banner quota-banner--${warning.level}`}>{warning.text}</p>}
      <div className="mailbox-list__actions">
        {!mailbox.hidden && (
          <label className="mailbox-list__notify">
            <input type="checkbox" checked={notify} onChange={(event) => setMailboxNotify(mailbox.id, event.target.checked)} />
            {t('settings.mailboxes.notify', { address: mailbox.address })}
          </label>
        )}
        {!mailbox.hidden && (
          <label className="mailbox-list__notify">
            {t('settings.mailboxes.offline')}
            <select
              value={String(mailbox.offlineDays)}
              disabled={busy}
              onChange={(event) =>
                void run(() => api.call('mailboxes.setOffline', { accountId: mailbox.accountId, mailboxId: mailbox.id, days: Number(event.target.value) }))
              }
            >
              {OFFLINE_CHOICES.includes(mailbox.offlineDays) ? null : <option value={String(mailbox.offlineDays)}>{mailbox.offlineDays}</option>}
              {OFFLINE_CHOICES.map((days) => (
                <option key={days} value={String(days)}>
                  {t(`settings.mailboxes.offline.${days}` as 'settings.mailboxes.offline.0')}
                </option>
              ))}
            </select>
          </label>
        )}
        {!mailbox.hidden && routes.length > 1 && !routes.some((row) => row.source === 'account') && (
          <UsedThrough
            mailbox={mailbox}
            routes={routes}
            accounts={accounts}
            busy={busy}
            onChoose={(accountId) => void run(() => api.call('mailboxes.setRoute', { accountId, address: mailbox.address }))}
          />
        )}
        {shared && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            aria-label={t(mailbox.hidden ? 'settings.mailboxes.show' : 'settings.mailboxes.hide', { address: mailbox.address })}
            onClick={() =>
              void run(() => api.call('mailboxes.setHidden', { accountId: mailbox.accountId, mailboxId: mailbox.id, hidden: !mailbox.hidden }))
            }
          >
            {t(mailbox.hidden ? 'settings.mailboxes.showButton' : 'settings.mailboxes.hideButton')}
          </button>
        )}
        {mailbox.source === 'manual' && (
          <button
            type="button"
            className="button button--small button--danger-ghost"
            disabled={busy}
            aria-label={t('settings.mailboxes.remove', { address: mailbox.address })}
            onClick={() =>
              void run(
                () => api.call('mailboxes.removeManual', { accountId: mailbox.accountId, mailboxId: mailbox.id }),
                t('settings.mailboxes.removed', { address: mailbox.address }),
              )
            }
          >
            {t('settings.remove')}
          </button>
        )}
      </div>
    </li>
  );
}

/** "Keep mail offline" choices in days (issue #3 §3); 0 = off. */
const OFFLINE_CHOICES = [0, 7, 30, 90, 365];

export function MailboxList() {
  const { t, localeTag } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const data = useMailboxesAndFolders(accountIds);
  const collator = useMemo(() => new Intl.Collator(localeTag, { numeric: true, sensitivity: 'base' }), [localeTag]);
  const list = useMemo(() => {
    if (!data || !accounts) return [];
    // Same order as the folder tree, hidden ones included (they are shown here to be shown again);
    // a mailbox several accounts reach once, not the rows reached through another (issue #10 §7).
    const visible = groupByMailbox(accounts, data.mailboxes, [], collator).map(({ mailbox, routes }) => ({ mailbox, routes }));
    const hidden = routeGroups(data.mailboxes, accounts)
      .filter(({ chosen }) => chosen.hidden && !chosen.via)
      .map(({ chosen, rows }) => ({ mailbox: chosen, routes: rows }))
      .sort((a, b) => collator.compare(a.mailbox.address, b.mailbox.address));
    return [...visible, ...hidden];
  }, [data, accounts, collator]);
  const accountOf = new Map((accounts ?? []).map((account) => [account.id, account]));
  const colours = useMemo(() => mailboxColours(data?.mailboxes ?? []), [data]);

  return (
    <section className="settings__section" aria-labelledby="settings-mailboxes">
      <h2 id="settings-mailboxes" className="settings__subtitle">
        {t('settings.mailboxes')}
      </h2>
      {list.length === 0 && <p className="pane__note">{t('settings.mailboxes.none')}</p>}
      <ul className="mailbox-list">
        {list.map(({ mailbox, routes }) => {
          const account = accountOf.get(mailbox.accountId);
          return account ? (
            <MailboxItem key={mailbox.id} mailbox={mailbox} account={account} colour={colourOf(colours, mailbox.id)} routes={routes} accounts={accounts ?? []} />
          ) : null;
        })}
      </ul>
      {accounts && accounts.length > 0 && <AddSharedMailbox accounts={accounts} />}
    </section>
  );
}

