/**
 * The open message's actions. Answering (reply, reply all, forward, issue #4) is always
 * offered: it changes nothing in the folder. The rest follows the folder's rights (RFC 4314
 * §2.1 via capabilitiesFromRights): read/unread only with `s`, flag only with `w`, Delete only
 * with `t` and `e`. Button names say what a press will do. Where nothing may change, a note says so.
 */
import type { FolderCapabilities } from '../../../shared/rights';
import type { MessageKey, MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { composeAnswer, editDraft } from '../compose/openComposer';
import type { useFlagActions } from './useFlagActions';

interface ReaderToolbarProps {
  message: MessageRow;
  actions: ReturnType<typeof useFlagActions>;
  capabilities: FolderCapabilities;
  /** The message is in a Drafts folder: it can be opened for editing. */
  isDraft: boolean;
  onDelete(): Promise<boolean>;
}

function AnswerButtons({ messageKey, isDraft }: { messageKey: MessageKey; isDraft: boolean }) {
  const { t } = useI18n();
  const answer = (intent: 'reply' | 'replyAll' | 'forward' | 'forwardAsAttachment') => () => void composeAnswer(intent, messageKey);
  return (
    <>
      {isDraft && (
        <button type="button" className="button button--primary" onClick={() => void editDraft(messageKey)}>
          {t('reader.editDraft')}
        </button>
      )}
      <button type="button" className="button" onClick={answer('reply')}>
        {t('reader.reply')}
      </button>
      <button type="button" className="button" onClick={answer('replyAll')}>
        {t('reader.replyAll')}
      </button>
      <button type="button" className="button" onClick={answer('forward')}>
        {t('reader.forward')}
      </button>
      <button type="button" className="button" onClick={answer('forwardAsAttachment')}>
        {t('reader.forwardAsAttachment')}
      </button>
    </>
  );
}

export function ReaderToolbar({ message, actions, capabilities, isDraft, onDelete }: ReaderToolbarProps) {
  const { t } = useI18n();
  const unread = message.unread === 1;
  const flagged = message.flagged === 1;
  const { canSetSeen, canSetFlags, canDelete } = capabilities;
  const readOnly = !canSetSeen && !canSetFlags && !canDelete;
  return (
    <>
      <div className="reader__toolbar" role="toolbar" aria-label={t('reader.toolbar')}>
        <AnswerButtons messageKey={[message.accountId, message.folderPath, message.uid]} isDraft={isDraft} />
        {canSetSeen && (
          <button type="button" className="button" onClick={() => void (unread ? actions.markRead() : actions.markUnread())}>
            <span className={`reader__dot${unread ? '' : ' is-read'}`} aria-hidden="true" />
            {unread ? t('reader.markRead') : t('reader.markUnread')}
          </button>
        )}
        {canSetFlags && (
          <button type="button" className="button" onClick={() => void (flagged ? actions.unflag() : actions.flag())}>
            <svg className={`icon icon--small${flagged ? ' icon--flag' : ''}`} viewBox="0 0 24 24" aria-hidden="true">
              <path d="M5 21V4h9l.4 2H20v10h-7l-.4-2H7v7H5Z" />
            </svg>
            {flagged ? t('reader.unflag') : t('reader.flag')}
          </button>
        )}
        {canDelete && (
          <button type="button" className="button" aria-keyshortcuts="Delete" onClick={() => void onDelete()}>
            <svg className="icon icon--small" viewBox="0 0 24 24" aria-hidden="true">
              <path d="M9 3h6l1 2h4v2H4V5h4l1-2Zm-3 6h12l-1 12H7L6 9Zm4 2v8h1.5v-8H10Zm2.5 0v8H14v-8h-1.5Z" />
            </svg>
            {t('reader.delete')}
          </button>
        )}
      </div>
      {readOnly && <p className="reader__readonly">{t('reader.readOnly')}</p>}
    </>
  );
}
