/**
 * The feeder's share of the search bench (issue #13 "Done means": build rate, lag, the summary
 * sync's rate with indexing on): run in the bench page against the page's own IndexedDB cache
 * (PostvakDb, schema.ts), filled the way the sync fills it — `messages` batches of 2,000
 * summaries, newest first, each written by applySyncBatch in one transaction — and the real
 * engine (getSearchEngine(), the Worker on OPFS) fed by the real feeder.
 *
 *  1. sync off: the batches written back to back (no indexing) → cache rows/s;
 *  2. sync on: the same with the feeder running → rows/s, and the lag (cache rows − index docs)
 *     sampled after every batch, then the time until the index holds every row;
 *  3. build: the index emptied and the feeder started on the full cache → docs/s;
 *  4. bodies: `bodies` rows stored for a share of the messages → body docs/s.
 * The list indexes and React of the app window are not running here: this is the cache and
 * the feeder alone, on the same thread as in the app.
 */
import type { SyncBatch } from '../../src/shared/api';
import type { AccountId, Address, Folder, Mailbox, MessageSummary } from '../../src/shared/model';
import { applySyncBatch } from '../../src/renderer/db/applySyncBatch';
import { PostvakDb } from '../../src/renderer/db/schema';
import type { BodyRow } from '../../src/renderer/db/rows';
import type { FolderRef, IndexDoc, SearchEngine } from '../../src/renderer/search/engine/engineTypes';
import { corpus } from './searchCorpus';
import { corpusOptions } from './searchRun';

/** A running feeder (search/feeder/feeder.ts SearchFeeder). */
export interface FeederHandle {
  stop(): void;
  /** Resolves once the index reflects the cache as it is now. */
  whenCurrent(): Promise<void>;
}
export type StartFeeder = (db: PostvakDb, engine: SearchEngine) => FeederHandle;

const BATCH = 2_000; // src/main/services/sync/tuning.ts batchSize
const DB_NAME = 'postvak-search-bench';

/** "Jan de Vries jan.devries@x.example Piet …" (searchCorpus) → addresses. */
function addressesOf(text: string): Address[] {
  const out: Address[] = [];
  for (const m of text.matchAll(/(.+?) (\S+@\S+)(?: |$)/g)) out.push({ name: (m[1] as string).trim(), address: m[2] as string });
  return out;
}

function summaryOf(accountId: string, folderPath: string, doc: IndexDoc): MessageSummary {
  const flags = [doc.bits & 1 ? '\\Seen' : null, doc.bits & 2 ? '\\Flagged' : null, doc.bits & 4 ? '\\Answered' : null].filter((f): f is string => f !== null);
  const names = doc.filenames ? doc.filenames.split(' ') : [];
  return {
    accountId: accountId as AccountId,
    folderPath,
    uid: doc.uid,
    messageId: `<bench-${doc.uid}@example.test>`,
    inReplyTo: null,
    subject: doc.subject,
    from: addressesOf(doc.from),
    to: addressesOf(doc.to),
    cc: addressesOf(doc.cc),
    sender: [],
    date: doc.date,
    receivedAt: doc.date,
    flags,
    size: doc.size,
    hasAttachments: doc.attachment,
    ...(names.length ? { attachmentNames: names } : {}),
    snippet: doc.snippet,
    modseq: '1',
  };
}

/** The bench mail of `count` documents as sync batches: folder lists, then 2,000 newest first per folder. */
function syncBatches(count: number): { folders: SyncBatch[]; messages: SyncBatch[]; bodies: Map<string, IndexDoc[]> } {
  const options = corpusOptions(count, false, 3);
  // The feed uses one folder per mailbox (an Inbox each): the cache's pages per folder, like a big sync.
  const refs: FolderRef[] = [options.folders[0] as FolderRef, options.folders[4] as FolderRef];
  const byFolder = new Map<FolderRef, IndexDoc[]>(refs.map((r) => [r, []]));
  for (const { folder, doc } of corpus({ ...options, folders: refs }).docs(0, count)) byFolder.get(folder)?.push(doc);
  const folders: SyncBatch[] = refs.map((ref) => {
    const mailbox: Mailbox = { id: `${ref.accountId}:own`, accountId: ref.accountId as AccountId, kind: 'own', source: 'account', address: `${ref.accountId}@example.test`, displayName: '', prefix: '', rights: null, hidden: false, quota: null, offlineDays: 0 };
    const folder: Folder = { accountId: ref.accountId as AccountId, mailboxId: mailbox.id, rights: null, path: ref.folderPath, name: 'Inbox', delimiter: '/', parentPath: null, role: 'inbox', selectable: true, subscribed: true };
    return { batchId: `f-${ref.accountId}`, accountId: ref.accountId, kind: 'folders', mailboxes: [mailbox], folders: [folder] };
  });
  const messages: SyncBatch[] = [];
  const bodies = new Map<string, IndexDoc[]>();
  for (const [ref, docs] of byFolder) {
    // UIDs per folder from 1, in date order; the sync sends the newest first.
    docs.sort((a, b) => a.date - b.date);
    docs.forEach((doc, i) => (doc.uid = i + 1));
    bodies.set(`${ref.accountId}\u0000${ref.folderPath}`, docs);
    for (let end = docs.length; end > 0; end -= BATCH) {
      const slice = docs.slice(Math.max(0, end - BATCH), end).reverse();
      const last = end - BATCH <= 0;
      messages.push({
        batchId: `m-${ref.accountId}-${end}`,
        accountId: ref.accountId,
        kind: 'messages',
        folderPath: ref.folderPath,
        reset: false,
        upserts: slice.map((doc) => summaryOf(ref.accountId, ref.folderPath, doc)),
        flagUpdates: [],
        removedUids: [],
        cursor: last ? { path: ref.folderPath, uidValidity: 1, uidNext: docs.length + 1, highestModseq: '1', count: docs.length } : null,
        progress: { done: docs.length - Math.max(0, end - BATCH), total: docs.length },
      });
    }
  }
  // Interleave the folders' batches, as two mailboxes sync side by side.
  const a = messages.filter((b) => b.accountId === refs[0]?.accountId);
  const b = messages.filter((x) => x.accountId !== refs[0]?.accountId);
  const mixed: SyncBatch[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) mixed.push(...[a[i], b[i]].filter((x): x is SyncBatch => x !== undefined));
  return { folders, messages: mixed, bodies };
}

async function freshCache(): Promise<PostvakDb> {
  const db = new PostvakDb(DB_NAME);
  await db.delete();
  const fresh = new PostvakDb(DB_NAME);
  await fresh.open();
  return fresh;
}

/** Writes every batch; `after` runs after each (the lag sample). → seconds of writing. */
async function writeBatches(db: PostvakDb, batches: SyncBatch[], after?: (rows: number) => Promise<void>): Promise<number> {
  let rows = 0;
  let ms = 0;
  for (const batch of batches) {
    const t0 = performance.now();
    await applySyncBatch(db, batch);
    ms += performance.now() - t0;
    if (batch.kind === 'messages') rows += batch.upserts.length;
    await after?.(rows);
  }
  return ms / 1000;
}

const ARRIVALS = 20;
const ARRIVAL_SIZE = 20;

/**
 * `ARRIVALS` batches of `ARRIVAL_SIZE` new messages into the first Inbox, one after the other
 * once the index is current: ms from the batch written to the index reflecting it (whenCurrent).
 */
async function steadyArrivals(db: PostvakDb, feeder: FeederHandle, byFolder: Map<string, IndexDoc[]>) {
  const [key, docs] = [...byFolder][0] as [string, IndexDoc[]];
  const [accountId, folderPath] = key.split('\u0000') as [string, string];
  const fresh = corpus(corpusOptions(ARRIVALS * ARRIVAL_SIZE, false, 9));
  let uid = docs.length;
  let date = docs.at(-1)?.date ?? Date.now();
  const lags: number[] = [];
  for (let a = 0; a < ARRIVALS; a++) {
    const upserts = fresh.docs(a * ARRIVAL_SIZE, ARRIVAL_SIZE).map(({ doc }) => summaryOf(accountId, folderPath, { ...doc, uid: ++uid, date: (date += 1_000) }));
    const batch: SyncBatch = { batchId: `arrival-${a}`, accountId, kind: 'messages', folderPath, reset: false, upserts, flagUpdates: [], removedUids: [], cursor: null, progress: { done: 0, total: 0 } };
    await applySyncBatch(db, batch);
    const t0 = performance.now();
    await feeder.whenCurrent();
    lags.push(performance.now() - t0);
  }
  lags.sort((x, y) => x - y);
  const at = (q: number) => Math.round(lags[Math.min(lags.length - 1, Math.ceil(q * lags.length) - 1)] ?? NaN);
  return { how: `${ARRIVALS} batches of ${ARRIVAL_SIZE} new messages, each written by applySyncBatch once the index was current; ms until the feeder's whenCurrent() (the index reflects the cache)`, medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

const rate = (n: number, seconds: number | null) => (seconds ? Math.round(n / seconds) : null);

export async function feedBench(engine: SearchEngine, count: number, startFeeder: StartFeeder, bodiesCount = Math.min(count, 5_000)) {
  const { folders, messages, bodies } = syncBatches(count);
  const docs = async () => (await engine.stats()).docs;

  // 1. Sync with indexing off.
  await engine.clear();
  let db = await freshCache();
  await writeBatches(db, folders);
  const offSeconds = await writeBatches(db, messages);

  // 2. Sync with indexing on: the feeder follows while the batches are written.
  await engine.clear();
  db.close();
  db = await freshCache();
  let feeder = startFeeder(db, engine);
  await writeBatches(db, folders);
  let maxLag = 0;
  const lagSamples: number[] = [];
  const onSeconds = await writeBatches(db, messages, async (rows) => {
    const lag = rows - (await docs());
    lagSamples.push(lag);
    maxLag = Math.max(maxLag, lag);
  });
  const tLast = performance.now();
  await feeder.whenCurrent();
  const catchUpMs = performance.now() - tLast;
  const indexedOn = await docs();
  feeder.stop();

  // 3. Build from the full cache: the index emptied, the feeder started again.
  await engine.clear();
  const tBuild = performance.now();
  feeder = startFeeder(db, engine);
  await feeder.whenCurrent();
  const buildSeconds = (performance.now() - tBuild) / 1000;
  const indexedBuild = await docs();

  // 3b. Steady state: new mail arriving in small batches; the time until each is searchable.
  const arrivals = await steadyArrivals(db, feeder, bodies);

  // 4. Bodies arriving for messages already indexed (opened, or kept offline).
  const bodyRows: BodyRow[] = [];
  const fetchedAt = Date.now();
  const withBodies = corpus(corpusOptions(bodiesCount, true, 5));
  let n = 0;
  for (const [key, list] of bodies) {
    const [accountId, folderPath] = key.split('\u0000') as [string, string];
    for (const doc of list.slice(-Math.ceil(bodiesCount / bodies.size))) {
      const text = withBodies.docs(n++, 1)[0]?.doc.body ?? '';
      bodyRows.push({ accountId: accountId as AccountId, folderPath, uid: doc.uid, html: null, text, attachments: [], inlineImages: {}, headers: { from: [], to: [], cc: [], replyTo: [] }, fetchedAt: fetchedAt + n } as unknown as BodyRow);
    }
  }
  const tBodies = performance.now();
  for (let i = 0; i < bodyRows.length; i += 500) await db.bodies.bulkPut(bodyRows.slice(i, i + 500));
  await feeder.whenCurrent();
  const bodiesSeconds = (performance.now() - tBodies) / 1000;
  feeder.stop();
  const stats = await engine.stats();
  db.close();
  await new PostvakDb(DB_NAME).delete();
  return {
    how: 'the page\'s own IndexedDB cache (PostvakDb) filled by applySyncBatch with 2,000-summary batches, newest first, two Inboxes interleaved; the real engine fed by the real feeder; the app window\'s list indexes and React are not running',
    count,
    sync: {
      off: { seconds: Number(offSeconds.toFixed(2)), msgsPerSec: rate(count, offSeconds) },
      on: { seconds: Number(onSeconds.toFixed(2)), msgsPerSec: rate(count, onSeconds), maxLagDocs: maxLag, medianLagDocs: lagSamples.sort((a, b) => a - b)[lagSamples.length >> 1] ?? null, catchUpMs: Math.round(catchUpMs), indexed: indexedOn },
    },
    arrivals,
    summaries: { docs: indexedBuild, seconds: Number(buildSeconds.toFixed(2)), docsPerSec: rate(indexedBuild, buildSeconds) },
    bodies: { docs: stats.withBody, seconds: Number(bodiesSeconds.toFixed(2)), docsPerSec: rate(stats.withBody, bodiesSeconds) },
    stats,
  };
}
