/**
 * A message's body in the reader: its invitations, parts (HTML or plain text), attachments, and
 * the loading and failure states. Shared by the single message and each expanded message of a
 * conversation (issue #12 §4).
 */
import { Spinner } from '../../components/Spinner';
import type { MessageKey } from '../../db/rows';
import { describeError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { InvitationCards } from '../invitations/InvitationCard';
import { Attachments } from './Attachments';
import { BodyParts, shownParts } from './BodyParts';
import { useMessageBody } from './useMessageBody';

export function ReaderBody({ messageKey }: { messageKey: MessageKey }) {
  const { t } = useI18n();
  const body = useMessageBody(messageKey);
  const parts = body.status === 'ready' ? shownParts(body.body) : null;
  const tag = messageKey.join('\u0000');
  return (
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
        (parts.length > 0 ? <BodyParts parts={parts} body={body.body} tag={tag} /> : <p className="pane__note">{t('reader.noContent')}</p>)}
      {body.status === 'ready' && <Attachments messageKey={messageKey} body={body.body} />}
    </div>
  );
}
