/**
 * The search index's upkeep (issue #13 §3), started once per window by the window that holds
 * the index: `startSearchFeeder(db, engine, api)` → stop. `whenIndexCurrent()` resolves once the
 * index reflects the cache as it is at the call (at once where this window feeds nothing).
 */
import type { PostvakDb } from '../../db/schema';
import type { SearchEngine } from '../engine/engineTypes';
import type { OfflineTextsApi } from './bodyFeed';
import { SearchFeeder, type FeederOptions } from './feeder';

export { indexingProgress, useIndexingProgress, type IndexingProgress } from './progress';
export type { FeederOptions } from './feeder';
export type { OfflineTextsApi } from './bodyFeed';

const running = new Set<SearchFeeder>();

export function startSearchFeeder(db: PostvakDb, engine: SearchEngine, api: OfflineTextsApi, options: FeederOptions = {}): () => void {
  const feeder = new SearchFeeder(db, engine, api, options).start();
  running.add(feeder);
  return () => {
    running.delete(feeder);
    feeder.stop();
  };
}

export async function whenIndexCurrent(): Promise<void> {
  await Promise.all([...running].map((feeder) => feeder.whenCurrent()));
}
