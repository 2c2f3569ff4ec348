/** How many messages are chosen in the list on screen (0: only the open message), kept current. */
import { useSyncExternalStore } from 'react';
import { useStore } from '../../../store';
import { hasChoice } from './currentSelection';
import { activeList, positionsOf, subscribeList } from './listController';
import { selectionCount } from './selectionModel';

const subscribeToNothing = () => () => {};

export function useSelectionCount(): number {
  const selection = useStore((state) => state.messageSelection);
  const list = useSyncExternalStore(subscribeList, activeList);
  const index = list?.index;
  useSyncExternalStore(index?.subscribe ?? subscribeToNothing, () => index?.version ?? -1);
  if (!index || !hasChoice(selection)) return 0;
  return selectionCount(selection, positionsOf(index));
}
