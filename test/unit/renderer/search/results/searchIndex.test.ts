import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { removeLocalMessage } from '../../../../../src/renderer/db/localChanges';
import { flaggedBit, seenBit } from '../../../../../src/renderer/db/pages/flagBits';
import { getMessagesIn } from '../../../../../src/renderer/db/pages/messageRows';
import { folderCountId } from '../../../../../src/renderer/db/pages/pageRows';
import { PostvakDb } from '../../../../../src/renderer/db/schema';
import type { SearchEngine, SearchRequest, SearchResult } from '../../../../../src/renderer/search/engine/engineTypes';
import { openMemoryEngine, type LocalEngine } from '../../../../../src/renderer/search/engine/openEngine';
import { SearchIndex, searchPaging } from '../../../../../src/renderer/search/results/SearchIndex';
import { messagesBatch } from '../../db/fixtures';
import { account, arrive, depsWith, fakeServer, infoInbox, seedCache, summary, until } from './searchKit';

let db: PostvakDb;
let engine: LocalEngine;
let counter = 0;
const open: SearchIndex[] = [];
const paging = { ...searchPaging };

beforeEach(async () => {
  db = new PostvakDb(`search-results-${++counter}`);
  engine = await openMemoryEngine();
  await seedCache(db);
});
afterEach(async () => {
  for (const index of open.splice(0)) index.dispose();
  Object.assign(searchPaging, paging);
  engine.close();
  await db.delete();
});

function search(text: string, deps = depsWith(engine)): SearchIndex {
  const index = new SearchIndex(db, text, { kind: 'all' }, deps).live();
  open.push(index);
  return index;
}

/** The list as a person reads it: folder and UID per row, top to bottom. */
const rows = (index: SearchIndex) => index.refsAt(0, index.length).map((ref) => `${ref.folderPath === 'INBOX' ? 'own' : 'info'}#${ref.uid}`);

describe('SearchIndex (issue #13 §1, §4)', () => {
  it('lists the hits of every mailbox newest first, and its positions, keys and flags agree', async () => {
    await arrive(db, engine, [
      summary('INBOX', 1, 'Factuur maart', 30),
      summary(infoInbox, 7, 'Factuur april', 10, { flags: ['\\Seen'] }),
      summary(infoInbox, 8, 'Lunch', 5),
      summary('INBOX', 2, 'factuur mei', 20),
    ]);
    const index = search('factuur');
    await index.whenCurrent();
    expect(rows(index)).toEqual(['info#7', 'own#2', 'own#1']);
    expect(index.keyAt(0)).toEqual([account, infoInbox, 7]);
    expect(index.positionOf({ accountId: account, folderPath: 'INBOX', uid: 2, date: Number.NaN })).toBe(1);
    expect(index.positionOf({ accountId: account, folderPath: infoInbox, uid: 8, date: Number.NaN })).toBe(-1);
    expect(index.bitsAt(0)! & seenBit).not.toBe(0);
    expect(index.bitsAt(1)! & seenBit).toBe(0);
    // The rows themselves come from the cache, found by UID (their page is not known to the index).
    const read = await getMessagesIn(db, index.refsAt(0, 3));
    expect(read.map((row) => row.subject)).toEqual(['Factuur april', 'factuur mei', 'Factuur maart']);
  });

  it('shows the first page at once, reads on in the background up to its depth, and further as the person scrolls near the end', async () => {
    Object.assign(searchPaging, { first: 2, page: 3, depth: 5, more: 4, nearEnd: 1 });
    await arrive(
      db,
      engine,
      Array.from({ length: 12 }, (_, at) => summary('INBOX', at + 1, `offerte ${at + 1}`, 100 - at)),
    );
    const index = search('offerte');
    await index.whenCurrent();
    // Newest first: UID 12 is the newest.
    expect(rows(index).slice(0, 2)).toEqual(['own#12', 'own#11']);
    await until(index, () => index.length === 5 && !index.status.running);
    expect(index.status).toMatchObject({ localCount: 5, localDone: false });
    // Reading rows near the end asks for more: pages of 3 until 4 more are read (5 + 6 = 11).
    index.refsAt(3, 2);
    await until(index, () => index.length > 5 && !index.status.running);
    expect(index.length).toBe(11);
    index.refsAt(9, 2);
    await until(index, () => index.status.localDone && !index.status.running);
    expect(rows(index)).toEqual(Array.from({ length: 12 }, (_, at) => `own#${12 - at}`));
  });

  it('runs again when the cache and engine change: new mail, a flag change and a removal show', async () => {
    await arrive(db, engine, [summary('INBOX', 1, 'offerte dakkapel', 30), summary('INBOX', 2, 'offerte schuur', 20)]);
    const index = search('offerte');
    await index.whenCurrent();
    expect(rows(index)).toEqual(['own#2', 'own#1']);
    await arrive(db, engine, [summary(infoInbox, 9, 'Offerte garage', 1, { flags: ['\\Flagged'] })]);
    await until(index, () => index.length === 3);
    expect(rows(index)).toEqual(['info#9', 'own#2', 'own#1']);
    expect(index.bitsAt(0)! & flaggedBit).not.toBe(0);
    // Someone reads own#2 elsewhere: the sync brings the flag.
    await applySyncBatch(db, messagesBatch('INBOX', { flagUpdates: [{ uid: 2, flags: ['\\Seen'], modseq: '11' }] }));
    await engine.apply([{ op: 'flags', folder: { accountId: account, folderPath: 'INBOX' }, changes: [{ uid: 2, bits: seenBit }] }]);
    await until(index, () => (index.bitsAt(1)! & seenBit) !== 0);
    // And expunges own#1.
    await applySyncBatch(db, messagesBatch('INBOX', { removedUids: [1] }));
    await engine.apply([{ op: 'remove', folder: { accountId: account, folderPath: 'INBOX' }, uids: [1] }]);
    await until(index, () => index.length === 2);
    expect(rows(index)).toEqual(['info#9', 'own#2']);
  });

  it('drops a message deleted from the results as soon as the cache lets go of it, before the engine catches up', async () => {
    await arrive(db, engine, [summary('INBOX', 1, 'offerte dakkapel', 30), summary('INBOX', 2, 'offerte schuur', 20)]);
    const index = search('offerte');
    await index.whenCurrent();
    await removeLocalMessage(db, [account, 'INBOX', 2]);
    await until(index, () => index.length === 1);
    expect(rows(index)).toEqual(['own#1']);
  });

  it('never lets a run that was overtaken overwrite a newer one', async () => {
    await arrive(db, engine, [summary('INBOX', 1, 'offerte oud', 30)]);
    // A run whose engine answer is held back, and then comes with what the engine said before.
    let hold = false;
    let before: SearchResult | undefined;
    let release: () => void = () => {};
    let reached: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = new Promise<void>((resolve) => (reached = resolve));
    const slow: SearchEngine = {
      ...engine,
      search: async (request: SearchRequest): Promise<SearchResult> => {
        if (hold && before) {
          hold = false;
          reached();
          await held;
          return before;
        }
        const answer = await engine.search(request);
        before ??= answer;
        return answer;
      },
    };
    const index = search('offerte', depsWith(slow));
    await index.whenCurrent();
    expect(rows(index)).toEqual(['own#1']);
    hold = true;
    // New mail starts a run (held); a command asks for the current results meanwhile (a newer run).
    await arrive(db, engine, [summary('INBOX', 2, 'offerte nieuw', 1)]);
    await holding;
    await index.whenCurrent();
    expect(rows(index)).toEqual(['own#2', 'own#1']);
    release();
    // Let the held run go on to its end.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rows(index)).toEqual(['own#2', 'own#1']);
  });

  it('merges the server hits with the local ones, each message once, newest first, and counts what only the server found', async () => {
    await arrive(db, engine, [summary('INBOX', 1, 'offerte', 30), summary(infoInbox, 5, 'offerte', 20)]);
    // In the cache but not found locally (the word is in a body this device does not hold).
    await arrive(db, engine, [summary(infoInbox, 6, 'Re: uw vraag', 10)], true);
    const server = fakeServer();
    const index = search('offerte', depsWith(engine, server.channel));
    await index.whenCurrent();
    expect(rows(index)).toEqual(['info#5', 'own#1']);
    await server.whenStarted;
    const { searchId, folders } = server.started[0]!;
    expect(folders.map((f) => f.folderPath).sort()).toEqual(['INBOX', infoInbox].sort());
    expect(index.status.server?.done).toBe(false);
    expect(index.status.server?.pending.map((p) => `${p.label}:${p.folders}`).sort()).toEqual(['acc-a@example.test:1', 'info@example.test:1']);
    server.send({ searchId, kind: 'folder', accountId: account, folderPath: infoInbox, uidValidity: 1, uids: [6, 5], truncated: false, summaries: [] });
    await until(index, () => index.length === 3);
    expect(rows(index)).toEqual(['info#6', 'info#5', 'own#1']);
    server.send({ searchId, kind: 'folderFailed', accountId: account, folderPath: 'INBOX', code: 'noRights', message: 'no' });
    server.send({ searchId, kind: 'done', cancelled: false });
    await until(index, () => index.status.server?.done === true);
    expect(index.status.server).toEqual({ pending: [], extra: 1, failed: [{ label: 'acc-a@example.test', code: 'noRights' }], done: true });
  });

  it('writes the summaries of server hits the cache lacks into it (counted, cursor untouched), readable like any message', async () => {
    await arrive(db, engine, [summary(infoInbox, 5, 'offerte', 20)]);
    const server = fakeServer();
    const index = search('offerte', depsWith(engine, server.channel));
    await server.whenStarted;
    const { searchId } = server.started[0]!;
    const total = async () => (await db.counts.get(folderCountId(account, infoInbox)))?.total;
    const before = await total();
    const fresh = summary(infoInbox, 120, 'Offerte in de body', 1, { accountId: account });
    server.send({ searchId, kind: 'folder', accountId: account, folderPath: infoInbox, uidValidity: 1, uids: [120, 5], truncated: false, summaries: [fresh] });
    await until(index, () => index.length === 2);
    expect(rows(index)).toEqual(['info#120', 'info#5']);
    const [row] = await getMessagesIn(db, index.refsAt(0, 1));
    expect(row).toMatchObject({ uid: 120, subject: 'Offerte in de body', folderPath: infoInbox });
    expect((await db.cursors.get([account, infoInbox]))?.uidNext).toBe(100);
    expect(await total()).toBe((before ?? 0) + 1);
  });

  it('writes nothing into a folder whose cached UIDVALIDITY differs from the answer (its UIDs name other messages)', async () => {
    await arrive(db, engine, [summary(infoInbox, 5, 'offerte', 20), summary(infoInbox, 6, 'Lunch', 15)]);
    const server = fakeServer();
    const index = search('offerte', depsWith(engine, server.channel));
    await server.whenStarted;
    const { searchId } = server.started[0]!;
    const stranger = summary(infoInbox, 130, 'Offerte elders', 1);
    // UID 6 under UIDVALIDITY 2 is not the cache's UID 6 (Lunch).
    server.send({ searchId, kind: 'folder', accountId: account, folderPath: infoInbox, uidValidity: 2, uids: [130, 6], truncated: false, summaries: [stranger] });
    server.send({ searchId, kind: 'done', cancelled: false });
    await until(index, () => index.status.server?.done === true);
    expect(rows(index)).toEqual(['info#5']);
    expect(await getMessagesIn(db, [{ accountId: account, folderPath: infoInbox, startUid: Number.NaN, uid: 130 }])).toEqual([]);
  });

  it('cancels the server search when the search goes away', async () => {
    const server = fakeServer();
    const index = search('offerte', depsWith(engine, server.channel));
    await server.whenStarted;
    index.dispose();
    expect(server.cancelled).toEqual([server.started[0]!.searchId]);
  });
});
