/**
 * Follows a read of the cache outside React (Dexie's liveQuery, which also sees writes made in
 * other windows and tabs): `next` runs after the first read and after every write that touches
 * what it read. For code outside db/ that must not import dexie itself (HOUSE_STYLE: one module
 * owns each heavy library), e.g. the search index's feeder. Returns the unsubscribe.
 */
import { liveQuery } from 'dexie';

export function observeCache<T>(read: () => Promise<T>, next: (value: T) => void, error: (reason: unknown) => void = () => {}): () => void {
  const subscription = liveQuery(read).subscribe({ next, error });
  return () => subscription.unsubscribe();
}
