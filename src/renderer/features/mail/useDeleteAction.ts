/**
 * Delete for the open message, as a mail action (src/renderer/tasks/mailActions.ts: a notice
 * with Undo, the refusal in words): the selection moves to the message below it in the list
 * (or above, when it was the last) before the row disappears.
 */
import { useCallback } from 'react';
import { db } from '../../db/db';
import type { MessageSource } from '../../db/queries/messages';
import { neighbourOf } from '../../db/queries/neighbours';
import { getMessage } from '../../db/pages/messageRows';
import type { MessageKey } from '../../db/rows';
import { useStore } from '../../store';
import { deleteMessages } from './deletions/deleteMessages';
import { withListView } from './listControls/listViewStore';

/** The list the person is looking at, as a message source. */
export function currentSource(): MessageSource | null {
  const { selectedUnified, selectedAccountId, selectedFolderPath } = useStore.getState();
  // With the view the list shows (issue #12 §6), so the next message is the one below it there.
  if (selectedUnified) return withListView({ kind: 'unified', role: selectedUnified });
  return withListView(selectedAccountId && selectedFolderPath ? { kind: 'folder', accountId: selectedAccountId, folderPath: selectedFolderPath } : null);
}

export async function deleteAndSelectNext(key: MessageKey): Promise<boolean> {
  const source = currentSource();
  const row = await getMessage(db, key);
  if (!row) return false;
  const next = source ? await neighbourOf(db, source, row) : null;
  const store = useStore.getState();
  const wasOpen = store.selectedMessage?.join('\u0000') === key.join('\u0000');
  if (wasOpen) store.selectMessage(next);
  // Through deleteMessages: it asks first when this removes the message for good (issue #12 §7).
  const ok = await deleteMessages([key]);
  // Put back: open it again if the person has not moved on meanwhile (runAction said why).
  if (!ok && wasOpen && useStore.getState().selectedMessage === next) useStore.getState().selectMessage(key);
  return ok;
}

export function useDeleteAction(key: MessageKey | null): () => Promise<boolean> {
  return useCallback(() => (key ? deleteAndSelectNext(key) : Promise.resolve(false)), [key]);
}
