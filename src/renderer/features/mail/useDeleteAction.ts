/**
 * Delete for the open message, wired to the real api and cache: the selection moves to the
 * message below it in the list (or above, when it was the last) before the row disappears.
 */
import { useCallback } from 'react';
import { api } from '../../api';
import { db } from '../../db/db';
import type { MessageSource } from '../../db/queries/messages';
import { neighbourOf } from '../../db/queries/neighbours';
import { getMessage } from '../../db/pages/messageRows';
import type { MessageKey } from '../../db/rows';
import { describeError } from '../../i18n/errors';
import { currentI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { deleteMessage } from './deleteTasks';

function toast(error: { code: string; message: string }): void {
  const { t } = currentI18n();
  useStore.getState().pushToast('error', t('reader.deleteFailed', { error: describeError(t, error) }));
}

/** The list the person is looking at, as a message source. */
export function currentSource(): MessageSource | null {
  const { selectedUnified, selectedAccountId, selectedFolderPath } = useStore.getState();
  if (selectedUnified) return { kind: 'unified', role: selectedUnified };
  return selectedAccountId && selectedFolderPath ? { kind: 'folder', accountId: selectedAccountId, folderPath: selectedFolderPath } : null;
}

export async function deleteAndSelectNext(key: MessageKey): Promise<boolean> {
  const source = currentSource();
  const row = await getMessage(db, key);
  if (!row) return false;
  const next = source ? await neighbourOf(db, source, row) : null;
  const store = useStore.getState();
  const wasOpen = store.selectedMessage?.join('\u0000') === key.join('\u0000');
  if (wasOpen) store.selectMessage(next);
  return deleteMessage(
    {
      db,
      api,
      onError: (error) => {
        // Put back: open it again if the person has not moved on meanwhile, then say why.
        if (wasOpen && useStore.getState().selectedMessage === next) useStore.getState().selectMessage(key);
        toast(error);
      },
    },
    key,
  );
}

export function useDeleteAction(key: MessageKey | null): () => Promise<boolean> {
  return useCallback(() => (key ? deleteAndSelectNext(key) : Promise.resolve(false)), [key]);
}
