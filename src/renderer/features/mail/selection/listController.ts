/**
 * The message list on screen, as the keyboard commands and the selection readers reach it
 * (issue #12 §3, §5): its source, its index (for resolving "all" and ranges when an action
 * runs) and the moves only the list can make (its active row lives in the list's own state).
 * One list is shown at a time; it registers on mount.
 */
import type { MessageSource, SourceIndex } from '../../../db/index/sourceIndex';
import type { MessageKey } from '../../../db/rows';
import type { Positions } from './selectionModel';

export interface ListController {
  source: MessageSource;
  index: SourceIndex;
  /** The row with keyboard focus (aria-activedescendant), or null in an empty list. */
  activeKey(): MessageKey | null;
  /** Moves the active row by `delta` and opens the message there (j/k, Ctrl+. / Ctrl+,). */
  openBy(delta: number): void;
  selectAll(): void;
  /** Flips the active row in the selection (Ctrl+Space, Gmail's x). */
  toggleActive(): void;
  /** Opens the row menu on the active row (Shift+F10, the ContextMenu key). */
  openMenu(): void;
  focus(): void;
}

let current: ListController | null = null;
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of [...listeners]) listener();
};

export function registerList(controller: ListController): () => void {
  current = controller;
  changed();
  return () => {
    if (current !== controller) return;
    current = null;
    changed();
  };
}

export function activeList(): ListController | null {
  return current;
}

/** For useSyncExternalStore: views that follow the list on screen (the selection panel). */
export function subscribeList(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The index as the selection model reads it. */
export function positionsOf(index: SourceIndex): Positions {
  return {
    get length() {
      return index.length;
    },
    positionOf: (entry) => index.positionOf({ accountId: entry.key[0], folderPath: entry.key[1], uid: entry.key[2], date: entry.date }),
    keyAt: (position) => index.keyAt(position),
  };
}
