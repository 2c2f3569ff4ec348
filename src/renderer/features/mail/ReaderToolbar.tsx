/** Read/unread and flag actions; the button names say what a press will do. */
import type { MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import type { useFlagActions } from './useFlagActions';

interface ReaderToolbarProps {
  message: MessageRow;
  actions: ReturnType<typeof useFlagActions>;
}

export function ReaderToolbar({ message, actions }: ReaderToolbarProps) {
  const { t } = useI18n();
  const unread = message.unread === 1;
  const flagged = message.flagged === 1;
  return (
    <div className="reader__toolbar" role="toolbar" aria-label={t('reader.toolbar')}>
      <button type="button" className="button" onClick={() => void (unread ? actions.markRead() : actions.markUnread())}>
        <span className={`reader__dot${unread ? '' : ' is-read'}`} aria-hidden="true" />
        {unread ? t('reader.markRead') : t('reader.markUnread')}
      </button>
      <button type="button" className="button" onClick={() => void (flagged ? actions.unflag() : actions.flag())}>
        <svg className={`icon icon--small${flagged ? ' icon--flag' : ''}`} viewBox="0 0 24 24" aria-hidden="true">
          <path d="M5 21V4h9l.4 2H20v10h-7l-.4-2H7v7H5Z" />
        </svg>
        {flagged ? t('reader.unflag') : t('reader.flag')}
      </button>
    </div>
  );
}
