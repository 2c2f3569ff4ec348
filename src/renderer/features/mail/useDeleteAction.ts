/**
 * Delete for the open message, as a mail action (src/renderer/tasks/mailActions.ts: a notice
 * with Undo, the refusal in words): the message below it in the list (or above, when it was the
 * last) opens once the row has left.
 */
import { useCallback } from 'react';
import type { MessageSource } from '../../db/queries/messages';
import type { MessageKey } from '../../db/rows';
import { useStore } from '../../store';
import { followRemoval } from '../commands/followRemoval';
import { deleteMessages } from './deletions/deleteMessages';
import { withListView } from './listControls/listViewStore';
import { listSourceOf } from '../../search/results/listSource';

/** The list the person is looking at, as a message source. */
export function currentSource(): MessageSource | null {
  // With the view the list shows (issue #12 §6), so the next message is the one below it there;
  // a search's results while a search is set (issue #13).
  return withListView(listSourceOf(useStore.getState()));
}

export async function deleteAndSelectNext(key: MessageKey): Promise<boolean> {
  // The next message opens once the row has left the list, as after every other removal
  // (followRemoval); a refusal or a cancelled question leaves the open message as it was.
  const done = await followRemoval([key]);
  // Through deleteMessages: it asks first when this removes the message for good (issue #12 §7).
  const ok = await deleteMessages([key]);
  await done();
  return ok;
}

export function useDeleteAction(key: MessageKey | null): () => Promise<boolean> {
  return useCallback(() => (key ? deleteAndSelectNext(key) : Promise.resolve(false)), [key]);
}
