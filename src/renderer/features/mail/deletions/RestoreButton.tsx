/** Restore for the open message of a Trash folder (issue #12 §7): back where it was deleted from. */
import { db } from '../../../db/db';
import { useFreshLiveQuery } from '../../../db/queries/useFreshLiveQuery';
import type { MessageKey, MessageRow } from '../../../db/rows';
import { accountRange } from '../../../db/schema';
import { useI18n } from '../../../i18n/useI18n';
import { runAction } from '../../../tasks/mailActions';
import { useFolderName } from './DeletionNote';
import { restoreTarget } from './restoreOffer';
import { useDeletion } from './useDeletion';

/** The folder Restore puts the message in, or null when Restore is not offered. */
export function useRestoreTarget(message: Pick<MessageRow, 'accountId' | 'folderPath' | 'uid'>) {
  const deletion = useDeletion(message.accountId, message.folderPath, message.uid);
  const recorded = deletion?.fromPath ?? null;
  return useFreshLiveQuery(async () => {
    const trash = await db.folders.get([message.accountId, message.folderPath]);
    if (trash?.role !== 'trash') return null;
    const [lower, upper] = accountRange(message.accountId);
    const folders = await db.folders.where('[accountId+path]').between(lower, upper, true, true).toArray();
    const mailbox = await db.mailboxes.get(trash.mailboxId);
    return restoreTarget(trash, recorded, folders, mailbox?.prefix ?? '');
  }, [message.accountId, message.folderPath, recorded]);
}

export function RestoreButton({ message }: { message: MessageRow }) {
  const { t } = useI18n();
  const target = useRestoreTarget(message);
  const name = useFolderName(message.accountId, target?.path ?? '');
  if (!target) return null;
  const key: MessageKey = [message.accountId, message.folderPath, message.uid];
  return (
    <button type="button" className="button" title={name ? t('deletions.restoreTo', { folder: name }) : undefined} onClick={() => void runAction({ kind: 'restore', keys: [key] })}>
      {t('deletions.restore')}
    </button>
  );
}
