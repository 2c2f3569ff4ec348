/**
 * The size of a conversation on its row in the list's conversation view (issue #12 §4): "3",
 * with the words ("3 messages in this conversation") for assistive technology. Nothing for a
 * message on its own.
 */
import { useI18n } from '../../i18n/useI18n';
import './conversation.css';

export function ConversationSize({ count }: { count: number | undefined }) {
  const { t } = useI18n();
  if (count === undefined || count < 2) return null;
  return (
    <span className="message-row__thread-count" role="img" aria-label={t('conversation.count', { count })}>
      {count}
    </span>
  );
}
