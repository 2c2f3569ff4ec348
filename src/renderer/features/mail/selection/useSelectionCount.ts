/**
 * How many messages are chosen in the list on screen (0: only the open message), kept current.
 * It follows the list's index only while something is chosen: otherwise every sync batch would
 * re-render whoever asks.
 */
import { useSyncExternalStore } from 'react';
import { useStore } from '../../../store';
import { hasChoice } from './currentSelection';
import { activeList, positionsOf, subscribeList } from './listController';
import { selectionCount } from './selectionModel';

const subscribeToNothing = () => () => {};

export function useSelectionCount(): number {
  const selection = useStore((state) => state.messageSelection);
  const list = useSyncExternalStore(subscribeList, activeList);
  const choosing = hasChoice(selection);
  const index = choosing ? list?.index : undefined;
  return useSyncExternalStore(index?.subscribe ?? subscribeToNothing, () =>
    index ? selectionCount(selection, positionsOf(index)) : 0,
  );
}
