/**
 * Above the reader while a search's results are listed (issue #13 §1): which mailbox and folder
 * the open message lives in — the reader acts as that mailbox (its rights, a reply's From) — and
 * "Show in folder", which selects that folder, closes the search and keeps the message open.
 */
import { Isolated } from '../../components/Isolated';
import type { MessageKey } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { folderDisplayName } from '../../features/mail/folderNames';
import { useMailboxLookup } from '../../features/mail/useMailboxLookup';
import { openInFolder, searchSourceOf } from './listSource';
import './searchResults.css';

export function HitPlace({ messageKey }: { messageKey: MessageKey }) {
  const { t } = useI18n();
  const searching = useStore((state) => searchSourceOf(state.search) !== null);
  const lookup = useMailboxLookup();
  const [accountId, folderPath] = messageKey;
  const mailbox = lookup?.mailboxOf(accountId, folderPath);
  const folder = lookup?.folder(accountId, folderPath);
  if (!searching || !mailbox || !folder) return null;
  return (
    <p className="hit-place">
      <Isolated className="hit-place__where" text={t('searchResults.where', { mailbox: mailbox.address, folder: folderDisplayName(folder, t, mailbox.prefix) })} />
      <button type="button" className="button button--small button--ghost" onClick={() => openInFolder(useStore.getState(), messageKey)}>
        {t('searchResults.showInFolder')}
      </button>
    </p>
  );
}
