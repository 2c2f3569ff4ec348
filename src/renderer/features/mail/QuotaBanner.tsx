/**
 * The storage warning above the message list (issue #3): for the open folder's mailbox, or in a
 * unified view for every mailbox at 80 % or more. 80/90 % are a status, 95 %/full an alert; the
 * live region speaks when the banner appears or its words change, not on every render.
 */
import type { MessageSource } from '../../db/queries/messages';
import type { MailboxRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { quotaWarning } from './mailboxInfo';
import type { MailboxLookup } from './useMailboxLookup';
import { useMailboxesAndFolders } from '../../db/queries/mailboxes';
import { useMemo } from 'react';

function useMailboxesInView(source: MessageSource, lookup: MailboxLookup | undefined): MailboxRow[] {
  const accounts = useStore((state) => state.accounts);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const all = useMailboxesAndFolders(source.kind === 'unified' ? accountIds : []);
  if (source.kind === 'folder') {
    const mailbox = lookup?.mailboxOf(source.accountId, source.folderPath);
    return mailbox ? [mailbox] : [];
  }
  return (all?.mailboxes ?? []).filter((mailbox) => !mailbox.hidden);
}

export function QuotaBanner({ source, lookup }: { source: MessageSource; lookup: MailboxLookup | undefined }) {
  const { t } = useI18n();
  const warnings = useMailboxesInView(source, lookup)
    .map((mailbox) => ({ id: mailbox.id, warning: quotaWarning(mailbox, t) }))
    .filter((entry) => entry.warning !== null);
  if (warnings.length === 0) return null;
  return (
    <div className="quota-banners">
      {warnings.map(({ id, warning }) =>
        warning ? (
          <p key={id} className={`quota-banner quota-banner--${warning.level}`} role={warning.urgent ? 'alert' : 'status'}>
            {warning.text}
          </p>
        ) : null,
      )}
    </div>
  );
}
