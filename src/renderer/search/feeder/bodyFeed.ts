/**
 * Bodies into the search index (issue #13 §3: "the body text of every message whose body is on
 * this device (opened, or kept offline)"). Bodies opened in the reader are in the cache's
 * `bodies` table, found by `fetchedAt` (schema v6) after the newest one already indexed; bodies
 * kept offline live in main's offline store and come through `search.offlineTexts`, a folder at
 * a time after the last UID indexed. A message is indexed again whole, with its body.
 */
import type { OfflineTexts } from '../../../shared/search/serverSearch';
import type { Result } from '../../../shared/api';
import type { BodyRow } from '../../db/rows';
import type { PostvakDb } from '../../db/schema';
import type { FolderRef, IndexDoc, SearchEngine } from '../engine/engineTypes';
import { bodiesAt, readBodiesFrom, readMessages } from './cacheReads';
import { bodyText, toIndexDoc } from './docs';
import type { Feed } from './folderFeed';

/** What the feeder needs of the app's API. */
export interface OfflineTextsApi {
  call(method: 'search.offlineTexts', input: { accountId: string; folderPath: string; afterUid: number; limit: number }): Promise<Result<OfflineTexts>>;
}

/** Bodies read per step (each up to 64 KB of text once reduced). */
const bodiesPerStep = 200;
/** Texts asked of main per call (its schema's maximum). */
const offlinePerCall = 200;

/**
 * Indexes a batch of documents whose body arrived, for messages the index holds (others are
 * indexed with their body when they arrive: the arrival's read takes the cached body along).
 */
async function upsertWithBodies(db: PostvakDb, engine: SearchEngine, feed: Feed, texts: Map<number, string | null>): Promise<number> {
  const mirror = feed.mirror;
  if (!mirror) return 0;
  const uids = [...texts.keys()].filter((uid) => mirror.has(uid)).sort((a, b) => a - b);
  if (uids.length === 0) return 0;
  const messages = await readMessages(db, feed.ref, uids, (uid) => mirror.pageOf(uid));
  const docs: IndexDoc[] = [];
  const put: { uids: number[]; bits: number[]; starts: number[] } = { uids: [], bits: [], starts: [] };
  for (const uid of uids) {
    const message = messages.get(uid);
    if (!message) continue;
    docs.push(toIndexDoc(uid, message.bits, message.item, texts.get(uid) ?? null));
    put.uids.push(uid);
    put.bits.push(message.bits);
    put.starts.push(message.start);
  }
  if (docs.length === 0) return 0;
  await engine.apply([{ op: 'upsert', folder: feed.ref, docs }]);
  mirror.put(put.uids, put.bits, put.starts);
  return docs.length;
}

/** Where the bodies pass stands: every body stored before `at` is indexed, and `skip` of those stored at `at`. */
export interface BodiesCursor {
  at: number;
  skip: number;
}

/** Whether bodies were stored past the cursor (`lastFetchedAt`: the newest body's). */
export async function bodiesPending(db: PostvakDb, cursor: BodiesCursor, lastFetchedAt: number): Promise<boolean> {
  if (lastFetchedAt > cursor.at) return true;
  return lastFetchedAt === cursor.at && lastFetchedAt > 0 && (await bodiesAt(db, cursor.at)) > cursor.skip;
}

/** One step over the `bodies` table from the cursor; returns where it got to. */
export async function bodiesStep(db: PostvakDb, engine: SearchEngine, feeds: ReadonlyMap<string, Feed>, cursor: BodiesCursor): Promise<BodiesCursor> {
  const bodies = await readBodiesFrom(db, cursor.at, cursor.skip, bodiesPerStep);
  if (bodies.length === 0) return cursor;
  const byFolder = new Map<string, Map<number, string | null>>();
  for (const body of bodies) {
    const key = feedKey(body);
    const texts = byFolder.get(key) ?? new Map<number, string | null>();
    texts.set(body.uid, bodyText(body));
    byFolder.set(key, texts);
  }
  for (const [key, texts] of byFolder) {
    const feed = feeds.get(key);
    if (feed) await upsertWithBodies(db, engine, feed, texts);
  }
  const last = (bodies.at(-1) as BodyRow).fetchedAt;
  const atLast = bodies.filter((body) => body.fetchedAt === last).length;
  return last === cursor.at ? { at: last, skip: cursor.skip + bodies.length } : { at: last, skip: atLast };
}

const feedKey = (folder: { accountId: string; folderPath: string }) => `${folder.accountId}\u0000${folder.folderPath}`;

/**
 * One call for a folder of a mailbox kept offline: texts after `afterUid`. Returns the UID to go
 * on after and whether main has more now; an error answer ends the folder's turn quietly (its
 * summaries are indexed all the same, and the server search covers its bodies).
 */
export async function offlineStep(
  db: PostvakDb,
  engine: SearchEngine,
  api: OfflineTextsApi,
  feed: Feed,
  afterUid: number,
): Promise<{ after: number; more: boolean; indexed: number }> {
  const folder: FolderRef = feed.ref;
  let result: Result<OfflineTexts>;
  try {
    result = await api.call('search.offlineTexts', { accountId: folder.accountId, folderPath: folder.folderPath, afterUid, limit: offlinePerCall });
  } catch {
    return { after: afterUid, more: false, indexed: 0 };
  }
  if (!result.ok) return { after: afterUid, more: false, indexed: 0 };
  const { texts, next } = result.value;
  // Main may keep a message the cache has not got yet (its summary batch still on the way): stop
  // before the first such text — newer than anything indexed — and take it up on a later turn.
  const newest = feed.mirror && feed.mirror.length > 0 ? (feed.mirror.uids[feed.mirror.length - 1] as number) : 0;
  const found = new Map<number, string | null>();
  let after = afterUid;
  let early = false;
  for (const { uid, text } of texts) {
    if (uid > newest) {
      early = true;
      break;
    }
    const collapsed = text.replace(/\s+/g, ' ').trim();
    if (collapsed) found.set(uid, collapsed);
    after = Math.max(after, uid);
  }
  const indexed = await upsertWithBodies(db, engine, feed, found);
  if (early) return { after, more: false, indexed };
  return { after: next ?? after, more: next !== null && next > afterUid, indexed };
}
