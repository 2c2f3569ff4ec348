/** Shared by the feeder tests: a cache, an in-memory engine, a feeder over both, and searches as a person runs them. */
import 'fake-indexeddb/auto';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import type { EngineAtom, EngineQuery, FolderRef } from '../../../../../src/renderer/search/engine/engineTypes';
import { openMemoryEngine, type LocalEngine } from '../../../../../src/renderer/search/engine/openEngine';
import type { OfflineTextsApi } from '../../../../../src/renderer/search/feeder/bodyFeed';
import { SearchFeeder, type FeederOptions } from '../../../../../src/renderer/search/feeder/feeder';
import { feederMemory } from '../../../../../src/renderer/search/feeder/memory';

let counter = 0;

export interface Kit {
  db: PostvakDb;
  engine: LocalEngine;
  feeder: SearchFeeder;
  /** Starts a new feeder over the same cache and engine (a restart of the window). */
  restart(options?: FeederOptions): SearchFeeder;
  close(): Promise<void>;
}

/** An API whose `search.offlineTexts` answers as main would have nothing offline. */
export const noOffline: OfflineTextsApi = {
  call: async () => ({ ok: false, error: { code: 'notFound', message: 'no offline store' } }),
};

export async function openKit(api: OfflineTextsApi = noOffline, options: FeederOptions = {}): Promise<Kit> {
  const db = new PostvakDb(`search-feeder-${++counter}`);
  const engine = await openMemoryEngine();
  const memory = feederMemory(db.name, undefined);
  let feeder = new SearchFeeder(db, engine, api, { memory, ...options });
  const kit: Kit = {
    db,
    engine,
    feeder,
    restart(more = {}) {
      feeder.stop();
      feeder = new SearchFeeder(db, engine, api, { memory, ...options, ...more }).start();
      kit.feeder = feeder;
      return feeder;
    },
    async close() {
      feeder.stop();
      engine.close();
      await db.delete();
    },
  };
  return kit;
}

export const word = (value: string, field: 'any' | 'from' | 'to' | 'cc' | 'subject' | 'filename' | 'body' = 'any'): EngineAtom => ({
  term: { kind: 'text', field, value, phrase: false },
  negated: false,
});

/** What a search finds, as `account|folder|uid`, in the engine's order (newest first). */
export async function found(engine: LocalEngine, clauses: EngineAtom[][], folders: FolderRef[] | null = null): Promise<string[]> {
  const query: EngineQuery = { clauses, folders };
  const { hits } = await engine.search({ ...query, limit: 1000 });
  return hits.map((hit) => `${hit.accountId}|${hit.folderPath}|${hit.uid}`);
}

export const findWord = (engine: LocalEngine, value: string, field?: Parameters<typeof word>[1]) => found(engine, [[word(value, field)]]);
