/**
 * The list's source index (shared through the registry with the list's own window reads), and
 * a re-render whenever it changes: the selection's range ends are found again after new mail
 * shifts positions (issue #12 §3).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { db } from '../../../db/db';
import { acquireIndex } from '../../../db/index/registry';
import type { MessageSource, SourceIndex } from '../../../db/index/sourceIndex';

const subscribeToNothing = () => () => {};

export function useListIndex(source: MessageSource): SourceIndex | undefined {
  const [index, setIndex] = useState<SourceIndex>();
  useEffect(() => {
    const lease = acquireIndex(db, source);
    setIndex(lease.index);
    return () => lease.release();
  }, [source]);
  useSyncExternalStore(index?.subscribe ?? subscribeToNothing, () => index?.version ?? -1);
  return index;
}
