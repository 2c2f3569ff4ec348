/**
 * The folder-management dialog that is open, if any (openFolderDialog.ts): New folder / Rename
 * (FolderNameDialog) and the two questions asked once before something is gone for good —
 * Delete folder and Empty Trash / Junk (issue #12 §3: "asks once, names the mailbox"; in a
 * shared mailbox it also says everyone there loses the messages).
 */
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { db } from '../../../db/db';
import { folderCounts } from '../../../db/queries/counts';
import { useFreshLiveQuery } from '../../../db/queries/useFreshLiveQuery';
import { useI18n } from '../../../i18n/useI18n';
import { useStore } from '../../../store';
import { runAction } from '../../../tasks/mailActions';
import { FolderNameDialog } from './FolderNameDialog';
import { isWithin } from './folderNameTask';
import type { FolderDialogRequest } from './menuContext';
import { closeFolderDialog, folderDialog } from './openFolderDialog';

export function FolderDialogs() {
  const open = folderDialog.use();
  if (!open) return null;
  const { request } = open;
  switch (request.kind) {
    case 'create':
    case 'rename':
      return <FolderNameDialog key={open.id} request={request} />;
    case 'delete':
      return <DeleteFolderDialog key={open.id} request={request} />;
    case 'empty':
      return <EmptyFolderDialog key={open.id} request={request} />;
  }
}

/** The messages the cache counts in the folder (counters table: one read, issue #11 §3). */
function useMessageCount(accountId: string, folderPath: string): number | undefined {
  return useFreshLiveQuery(async () => (await folderCounts(db, accountId, folderPath)).total, [accountId, folderPath]);
}

function DeleteFolderDialog({ request }: { request: Extract<FolderDialogRequest, { kind: 'delete' }> }) {
  const { t } = useI18n();
  const count = useMessageCount(request.accountId, request.folderPath) ?? 0;
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    const { ok } = await runAction({ kind: 'deleteFolder', accountId: request.accountId, folderPath: request.folderPath });
    closeFolderDialog();
    const store = useStore.getState();
    const { selectedAccountId, selectedFolderPath } = store;
    const wasOpen = selectedAccountId === request.accountId && selectedFolderPath && isWithin(selectedFolderPath, request.folderPath, request.delimiter);
    if (ok && wasOpen && request.fallbackPath) store.selectFolder(request.accountId, request.fallbackPath);
  }
  return (
    <ConfirmDialog
      alert
      danger
      title={t('folderDelete.title', { folder: request.label })}
      confirmLabel={t('folderDelete.confirm')}
      cancelLabel={t('folderActions.cancel')}
      busyLabel={t('folderDelete.busy')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={closeFolderDialog}
    >
      <p>
        {count > 0 ? t('folderDelete.body', { count, mailbox: request.mailbox }) : t('folderDelete.bodyEmpty', { mailbox: request.mailbox })}
        {request.hasChildren ? ` ${t('folderDelete.subfolders')}` : ''}
        {request.shared && (count > 0 || request.hasChildren) ? ` ${t('folderActions.everyone', { mailbox: request.mailbox })}` : ''}
      </p>
    </ConfirmDialog>
  );
}

function EmptyFolderDialog({ request }: { request: Extract<FolderDialogRequest, { kind: 'empty' }> }) {
  const { t } = useI18n();
  const count = useMessageCount(request.accountId, request.folderPath);
  return (
    <ConfirmDialog
      alert
      danger
      title={t('folderEmpty.title', { folder: request.label })}
      confirmLabel={t('folderEmpty.confirm')}
      cancelLabel={t('folderActions.cancel')}
      busyLabel={t('folderEmpty.busy')}
      busy={false}
      onConfirm={() => {
        // The rows leave the list at once; the task's notice says how it ended (runAction).
        closeFolderDialog();
        void runAction({ kind: 'emptyFolder', accountId: request.accountId, folderPath: request.folderPath });
      }}
      onCancel={closeFolderDialog}
    >
      <p>
        {/* Nothing counted (not synced yet, or empty here): the server may still hold some. */}
        {count
          ? t('folderEmpty.body', { count, folder: request.label, mailbox: request.mailbox })
          : t('folderEmpty.bodyAll', { folder: request.label, mailbox: request.mailbox })}
        {request.shared ? ` ${t('folderActions.everyone', { mailbox: request.mailbox })}` : ''}
      </p>
    </ConfirmDialog>
  );
}
