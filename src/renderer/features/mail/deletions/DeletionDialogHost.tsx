/** Shows the "remove for good?" question deleteMessages asks (forGoodQuestion.ts); mounted once in MailView. */
import { useSyncExternalStore } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { isolatedSentence } from '../../../components/Isolated';
import { useI18n } from '../../../i18n/useI18n';
import { currentQuestion, subscribeQuestion } from './forGoodQuestion';

export function DeletionDialogHost() {
  const { t } = useI18n();
  const question = useSyncExternalStore(subscribeQuestion, currentQuestion);
  if (!question) return null;
  const mailbox = question.shared.join(', ');
  return (
    <ConfirmDialog
      title={t('deletions.forGoodTitle', { count: question.count })}
      confirmLabel={t('deletions.forGoodConfirm')}
      cancelLabel={t('deletions.cancel')}
      busyLabel={t('deletions.forGoodBusy')}
      busy={false}
      danger
      alert
      onConfirm={() => question.answer(true)}
      onCancel={() => question.answer(false)}
    >
      <p>{question.shared.length > 0 ? isolatedSentence((p) => t('deletions.forGoodShared', p), { mailbox }) : t('deletions.forGoodOwn')}</p>
    </ConfirmDialog>
  );
}
