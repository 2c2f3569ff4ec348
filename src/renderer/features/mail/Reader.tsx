/** The reading pane: header, actions, body (HTML or plain text) and attachments. */
import { useEffect, useRef } from 'react';
import { useFolder } from '../../db/queries/mailboxes';
import { useMessage } from '../../db/queries/message';
import type { MessageKey, MessageRow } from '../../db/rows';
import { Spinner } from '../../components/Spinner';
import { describeError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { InvitationCards } from '../invitations/InvitationCard';
import { useStore } from '../../store';
import { Answers } from './Answers';
import { Attachments } from './Attachments';
import { BodyParts, shownParts } from './BodyParts';
import { ReaderHeader } from './ReaderHeader';
import { ReaderToolbar } from './ReaderToolbar';
import { folderCapabilities } from './mailboxInfo';
import { useDeleteAction } from './useDeleteAction';
import { useFlagActions } from './useFlagActions';
import { useMessageBody } from './useMessageBody';

export function Reader() {
  const { t } = useI18n();
  const key = useStore((state) => state.selectedMessage);
  const message = useMessage(key);
  if (!key) return <p className="pane__note pane__note--center">{t('reader.noSelection')}</p>;
  if (message === undefined) return null;
  if (message === null) return <p className="pane__note pane__note--center">{t('reader.gone')}</p>;
  const tag = key.join('\u0000');
  return <ReaderContent key={tag} messageKey={key} message={message} tag={tag} />;
}

function ReaderContent({ messageKey, message, tag }: { messageKey: MessageKey; message: MessageRow; tag: string }) {
  const { t } = useI18n();
  const actions = useFlagActions(messageKey);
  const remove = useDeleteAction(messageKey);
  const body = useMessageBody(messageKey);
  const folder = useFolder(messageKey[0], messageKey[1]);
  // Until the folder row is read, offer nothing rather than something the rights may forbid.
  const capabilities = folder ? folderCapabilities(folder.rights) : null;
  const markedOnOpen = useRef(false);

  useEffect(() => {
    // Opening an unread message marks it read, once per opening (not again after "Mark as unread").
    // Without the `s` right (RFC 4314 §2.1) the server would refuse: then it stays as it is.
    if (markedOnOpen.current || message.unread !== 1 || !capabilities?.canSetSeen) return;
    markedOnOpen.current = true;
    void actions.markRead({ quiet: true });
  }, [message.unread, actions, capabilities?.canSetSeen]);

  const parts = body.status === 'ready' ? shownParts(body.body) : null;

  return (
    <article className="reader" aria-labelledby="reader-subject">
      {capabilities && (
        <ReaderToolbar message={message} actions={actions} capabilities={capabilities} isDraft={folder?.role === 'drafts'} onDelete={remove} />
      )}
      <ReaderHeader message={message} />
      <Answers message={message} />
      <div className="reader__body">
        {body.status === 'ready' && <InvitationCards invitations={body.body.invitations} />}
        {body.status === 'loading' && (
          <p className="pane__note" role="status">
            <Spinner /> {t('reader.loadingBody')}
          </p>
        )}
        {body.status === 'failed' && (
          <div className="reader__error" role="alert">
            <p>{t('reader.bodyFailed', { error: describeError(t, body.error) })}</p>
            <button type="button" className="button" onClick={body.retry}>
              {t('reader.retry')}
            </button>
          </div>
        )}
        {body.status === 'ready' && body.body.incomplete && (
          <p className="pane__note" role="note">
            {t('reader.incomplete')}
          </p>
        )}
        {parts &&
          body.status === 'ready' &&
          (parts.length > 0 ? (
            <BodyParts parts={parts} body={body.body} tag={tag} />
          ) : (
            <p className="pane__note">{t('reader.noContent')}</p>
          ))}
        {body.status === 'ready' && <Attachments messageKey={messageKey} body={body.body} />}
      </div>
    </article>
  );
}
