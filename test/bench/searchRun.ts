/**
 * The search bench's measurements against any SearchEngine (engineTypes.ts): seeding it with
 * generated documents, and timing the first 50 results of each query as its caller waits for
 * them. The page (searchPage.ts) runs these against the real engine (getSearchEngine(): the
 * Worker with its OPFS file); in Node they run against the in-memory engine to check the harness.
 */
import type { FolderRef, IndexOp, SearchEngine } from '../../src/renderer/search/engine/engineTypes';
import { benchQueries, corpus, queryKinds, vocabulary, type CorpusOptions, type QueryKind } from './searchCorpus';

/** Nearest-rank quantile (the same rule as util.mjs). */
export function quantile(values: readonly number[], q: number): number | null {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

const round = (x: number | null, d = 1) => (x === null ? null : Number(x.toFixed(d)));

/** The folders the bench mail is spread over: two mailboxes, an Inbox each and a few folders. */
export function benchFolders(): FolderRef[] {
  const own = 'bench-alice';
  const shared = 'bench-info';
  return [
    { accountId: own, folderPath: 'INBOX' },
    { accountId: own, folderPath: 'Sent' },
    { accountId: own, folderPath: 'Archive' },
    { accountId: own, folderPath: 'INBOX/Projecten' },
    { accountId: shared, folderPath: 'INBOX' },
    { accountId: shared, folderPath: 'Offertes' },
    { accountId: shared, folderPath: 'Facturen' },
  ];
}

export const BENCH_NEWEST = Date.UTC(2026, 11, 1);

export function corpusOptions(count: number, bodies: boolean, seed = 1): CorpusOptions {
  return { seed, bodies, folders: benchFolders(), newest: BENCH_NEWEST, count };
}

export interface SeedResult {
  docs: number;
  seconds: number;
  docsPerSec: number;
  /** Time spent generating the documents (not counted in the rate). */
  generateSeconds: number;
}

/**
 * Upserts documents [from, to) of the corpus in batches of `batch` (the feeder's size), one
 * `apply` each, and its folder states. The rate counts the engine's apply calls only.
 */
export async function seedEngine(
  engine: SearchEngine,
  options: CorpusOptions,
  range: { from: number; to: number; batch?: number },
  progress?: (done: number) => void,
): Promise<SeedResult> {
  const c = corpus(options);
  const batch = range.batch ?? 2_000;
  let applyMs = 0;
  let generateMs = 0;
  for (let start = range.from; start < range.to; start += batch) {
    const t0 = performance.now();
    const docs = c.docs(start, Math.min(batch, range.to - start));
    const byFolder = new Map<FolderRef, IndexOp & { op: 'upsert' }>();
    for (const { folder, doc } of docs) {
      let op = byFolder.get(folder);
      if (!op) byFolder.set(folder, (op = { op: 'upsert', folder, docs: [] }));
      op.docs.push(doc);
    }
    const t1 = performance.now();
    await engine.apply([...byFolder.values()]);
    const t2 = performance.now();
    generateMs += t1 - t0;
    applyMs += t2 - t1;
    progress?.(Math.min(range.to, start + batch));
  }
  const docs = range.to - range.from;
  return { docs, seconds: round(applyMs / 1000, 2) as number, docsPerSec: Math.round(docs / (applyMs / 1000)), generateSeconds: round(generateMs / 1000, 2) as number };
}

export interface KindFigures {
  kind: QueryKind;
  queries: number;
  /** What the caller waits for: `await engine.search(…)` in the window, worker round trip included. */
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** The engine's own time (SearchResult.tookMs, inside the worker). */
  engineP50Ms: number | null;
  engineP95Ms: number | null;
  /** Queries with 50 hits (a full first page) / median hits. */
  fullPages: number;
  medianHits: number | null;
  /** The slowest queries as typed, for the report. */
  slowest: { text: string; ms: number; hits: number }[];
  examples: string[];
}

/**
 * Runs every query once (after one warm-up pass over a few of each kind, as a person's first
 * keystroke warms the worker) and returns the figures per kind. Queries of the kinds run
 * interleaved so a slow stretch of the machine does not land on one kind only.
 */
export async function timeQueries(engine: SearchEngine, perKind: number, limit = 50): Promise<KindFigures[]> {
  const queries = benchQueries(vocabulary(), perKind);
  for (const q of queries.slice(0, 10)) await engine.search({ ...q.query, limit });
  const samples = new Map<QueryKind, { text: string; ms: number; engineMs: number; hits: number }[]>();
  for (const q of queries) {
    const t0 = performance.now();
    const result = await engine.search({ ...q.query, limit });
    const ms = performance.now() - t0;
    const list = samples.get(q.kind) ?? [];
    list.push({ text: q.text, ms, engineMs: result.tookMs, hits: result.hits.length });
    samples.set(q.kind, list);
  }
  return queryKinds.map((kind) => {
    const list = samples.get(kind) ?? [];
    const ms = list.map((s) => s.ms);
    const engineMs = list.map((s) => s.engineMs);
    return {
      kind,
      queries: list.length,
      p50Ms: round(quantile(ms, 0.5)),
      p95Ms: round(quantile(ms, 0.95)),
      maxMs: round(quantile(ms, 1)),
      engineP50Ms: round(quantile(engineMs, 0.5)),
      engineP95Ms: round(quantile(engineMs, 0.95)),
      fullPages: list.filter((s) => s.hits >= limit).length,
      medianHits: quantile(list.map((s) => s.hits), 0.5),
      slowest: [...list].sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => ({ text: s.text, ms: round(s.ms) as number, hits: s.hits })),
      examples: list.slice(0, 3).map((s) => s.text),
    };
  });
}
