/**
 * How far the search index is behind the cache, for the UI ("Indexing 12,000 of 80,000
 * messages…", issue #13 §3): null when the index is current or only a few messages behind.
 */
import { useSyncExternalStore } from 'react';

export interface IndexingProgress {
  done: number;
  total: number;
}

type Listener = (progress: IndexingProgress | null) => void;

let current: IndexingProgress | null = null;
const listeners = new Set<Listener>();

export const indexingProgress = {
  get(): IndexingProgress | null {
    return current;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

/** Sets the progress (the feeder); listeners hear only real changes. */
export function setIndexingProgress(next: IndexingProgress | null): void {
  if (next === current || (next && current && next.done === current.done && next.total === current.total)) return;
  current = next;
  for (const listener of [...listeners]) listener(next);
}

const subscribe = (onChange: () => void) => indexingProgress.subscribe(onChange);

export function useIndexingProgress(): IndexingProgress | null {
  return useSyncExternalStore(subscribe, indexingProgress.get, indexingProgress.get);
}
