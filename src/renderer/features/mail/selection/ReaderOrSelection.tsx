/**
 * The reading pane's content: the open message, or — with several messages chosen — how many
 * and their actions (issue #12 §3). Its own component so only it re-renders as the count changes.
 */
import type { ReactNode } from 'react';
import { SelectionPanel } from './SelectionPanel';
import { useSelectionCount } from './useSelectionCount';

export function ReaderOrSelection({ children }: { children: ReactNode }) {
  const chosen = useSelectionCount();
  return chosen > 1 ? <SelectionPanel count={chosen} /> : <>{children}</>;
}
