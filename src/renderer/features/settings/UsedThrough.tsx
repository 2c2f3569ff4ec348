/**
 * "Used through: alice@example.test ▾" (issue #10 §7): a shared mailbox several signed-in
 * accounts reach is synced and shown through one of them; the person may pick another. Main
 * remembers the choice in the profile (mailboxes.setRoute) and moves the mailbox over; the
 * select follows when the new folders arrive.
 */
import type { Account } from '../../../shared/model';
import type { MailboxRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { isReadOnly } from '../mail/mailboxInfo';

interface UsedThroughProps {
  mailbox: MailboxRow;
  /** Every account's row of this mailbox (shared/mailboxRoutes.ts routeGroups). */
  routes: readonly MailboxRow[];
  accounts: readonly Account[];
  busy: boolean;
  onChoose(accountId: string): void;
}

export function UsedThrough({ mailbox, routes, accounts, busy, onChoose }: UsedThroughProps) {
  const { t } = useI18n();
  const emailOf = new Map(accounts.map((account) => [account.id, account.email]));
  return (
    <label className="mailbox-list__notify">
      {t('settings.mailboxes.usedThrough')}
      <select value={mailbox.accountId} disabled={busy} onChange={(event) => onChoose(event.target.value)}>
        {routes.map((row) => {
          const account = emailOf.get(row.accountId) ?? row.accountId;
          return (
            <option key={row.accountId} value={row.accountId}>
              {isReadOnly(row.rights) ? t('settings.mailboxes.usedThroughReadOnly', { account }) : account}
            </option>
          );
        })}
      </select>
    </label>
  );
}
