/** The reading pane: header, actions, body (HTML or plain text) and attachments — or the open message within its conversation (issue #12 §4). */
import { useEffect, useRef } from 'react';
import { ConversationView } from '../conversations/ConversationView';
import { useConversation } from '../conversations/useConversation';
import { useFolder } from '../../db/queries/mailboxes';
import { useMessage } from '../../db/queries/message';
import type { MessageKey, MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { Answers } from './Answers';
import { ReaderBody } from './ReaderBody';
import { ReaderHeader } from './ReaderHeader';
import { ReaderToolbar } from './ReaderToolbar';
import { folderCapabilities } from './mailboxInfo';
import { HitPlace } from '../../search/results/HitPlace';
import { useDeleteAction } from './useDeleteAction';
import { useFlagActions } from './useFlagActions';

export function Reader() {
  const { t } = useI18n();
  const key = useStore((state) => state.selectedMessage);
  const message = useMessage(key);
  if (!key) return <p className="pane__note pane__note--center">{t('reader.noSelection')}</p>;
  if (message === undefined) return null;
  if (message === null) return <p className="pane__note pane__note--center">{t('reader.gone')}</p>;
  const tag = key.join('\u0000');
  return <ReaderContent key={tag} messageKey={key} message={message} />;
}

function ReaderContent({ messageKey, message }: { messageKey: MessageKey; message: MessageRow }) {
  const actions = useFlagActions(messageKey);
  const remove = useDeleteAction(messageKey);
  const conversation = useConversation(messageKey);
  const folder = useFolder(messageKey[0], messageKey[1]);
  // Until the folder row is read, offer nothing rather than something the rights may forbid.
  const capabilities = folder ? folderCapabilities(folder.rights) : null;
  const markedOnOpen = useRef(false);

  const rightsKnown = capabilities !== null;
  const canSetSeen = capabilities?.canSetSeen ?? false;
  useEffect(() => {
    // Opening an unread message marks it read, once per opening (not again after "Mark as unread"
    // — also when it was read already at opening). Without the `s` right (RFC 4314 §2.1) the
    // server would refuse: then it stays as it is.
    if (markedOnOpen.current || !rightsKnown) return;
    markedOnOpen.current = true;
    if (message.unread === 1 && canSetSeen) void actions.markRead({ quiet: true });
  }, [message.unread, actions, rightsKnown, canSetSeen]);

  return (
    <article className="reader" aria-labelledby="reader-subject">
      {capabilities && (
        <ReaderToolbar message={message} actions={actions} capabilities={capabilities} isDraft={folder?.role === 'drafts'} onDelete={remove} />
      )}
      {/* Issue #13 §1: a search hit says where it lives, and can be shown there. */}
      <HitPlace messageKey={messageKey} />
      {conversation ? (
        // Issue #12 §4: the open message within its conversation (the folder and its mailbox's Sent).
        <ConversationView
          open={messageKey}
          rows={conversation}
          renderMessage={(row) => (
            <>
              <ReaderHeader message={row} inConversation />
              <Answers message={row} />
              <ReaderBody messageKey={[row.accountId, row.folderPath, row.uid]} />
            </>
          )}
        />
      ) : (
        <>
          <ReaderHeader message={message} />
          <Answers message={message} />
          <ReaderBody messageKey={messageKey} />
        </>
      )}
    </article>
  );
}
