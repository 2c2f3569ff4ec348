/**
 * What an action acts on (issue #12 §3): the chosen messages of the list shown, or the open
 * message when nothing else is chosen. Keys carry their own account and folder, so in a unified
 * view each message is acted on in its own mailbox. "All" (Ctrl+A) becomes keys only here.
 */
import type { MessageKey } from '../../../db/rows';
import { useStore } from '../../../store';
import { activeList, positionsOf } from './listController';
import { resolveKeys, type MessageSelection } from './selectionModel';

export function hasChoice(selection: MessageSelection): boolean {
  return selection.all || selection.range !== null || selection.toggled.size > 0;
}

/** The keys now, read from the list's index as it is (see resolveSelection for an up-to-date read). */
export function currentSelection(): MessageKey[] {
  const { messageSelection, selectedMessage } = useStore.getState();
  const list = activeList();
  if (list && hasChoice(messageSelection)) {
    const keys = resolveKeys(messageSelection, positionsOf(list.index));
    if (keys.length > 0) return keys;
  }
  return selectedMessage ? [selectedMessage] : [];
}

/** The keys once the list's index has caught up with the cache (what actions use). */
export async function resolveSelection(): Promise<MessageKey[]> {
  const list = activeList();
  if (list && hasChoice(useStore.getState().messageSelection)) await list.index.whenCurrent();
  return currentSelection();
}
