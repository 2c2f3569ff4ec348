/**
 * What the search is doing, for the status line under the box (issue #13 §4: "Searching
 * info@example.test on the server… 3 more"). The search results source (SearchIndex) keeps it;
 * the box (features/search) renders it through useSearchStatus.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { db } from '../../db/db';
import { acquireIndex } from '../../db/index/registry';
import { sourceOfTag, sourceTag } from '../../db/index/sourceIndex';
import { useStore } from '../../store';
import { searchSourceOf } from './listSource';
import type { SearchIndex } from './SearchIndex';

export interface SearchStatus {
  /** Local or server work still going on. */
  running: boolean;
  /** Hits the local index found so far (null before its first answer). */
  localCount: number | null;
  /** The local index has answered completely (every page read). */
  localDone: boolean;
  /** The server's share, or null when the search does not ask the server. */
  server: {
    /** Per mailbox (label = its address) the folders still to search. */
    pending: { label: string; folders: number }[];
    /** Hits the server found that the local index did not. */
    extra: number;
    /** Folders that could not be searched (label = mailbox address, code = error code). */
    failed: { label: string; code: string }[];
    done: boolean;
  } | null;
}

export const idleSearchStatus: SearchStatus = { running: false, localCount: null, localDone: false, server: null };

const subscribeToNothing = () => () => {};

/** The status of the search the list shows (idle when none); shares the list's SearchIndex. */
export function useSearchStatus(): SearchStatus {
  const search = useStore((state) => state.search);
  const tag = useMemo(() => sourceTag(searchSourceOf(search)), [search]);
  const [held, setHeld] = useState<{ tag: string; index: SearchIndex }>();
  useEffect(() => {
    const source = sourceOfTag(tag);
    if (!source) return;
    const lease = acquireIndex(db, source);
    setHeld({ tag, index: lease.index as SearchIndex });
    return () => lease.release();
  }, [tag]);
  const index = held?.tag === tag ? held.index : undefined;
  return useSyncExternalStore(index?.subscribe ?? subscribeToNothing, () => index?.status ?? idleSearchStatus);
}
