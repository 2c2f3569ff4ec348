import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfflineTexts } from '../../../../../src/shared/search/serverSearch';
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { applyLocalFlags } from '../../../../../src/renderer/db/localChanges';
import { encodeFlags } from '../../../../../src/renderer/db/pages/flagBits';
import { folderMessages } from '../../db/cacheRows';
import { accountA, folder, foldersBatch, mailbox, message, messagesBatch } from '../../db/fixtures';
import { seeded } from '../../db/index/indexTestKit';
import { indexingProgress, type IndexingProgress } from '../../../../../src/renderer/search/feeder/progress';
import { findWord, found, openKit, type Kit } from './feederKit';

let kit: Kit;
afterEach(async () => {
  await kit.close();
});

/** The folder as the index holds it and as the cache holds it: `uid:bits`, newest first. */
async function indexed(folderPath: string): Promise<string[]> {
  const { hits } = await kit.engine.search({ clauses: [], folders: [{ accountId: accountA, folderPath }], limit: 100_000 });
  return hits.map((hit) => `${hit.uid}:${hit.bits}`);
}
async function cached(folderPath: string): Promise<string[]> {
  const rows = await folderMessages(kit.db, accountA, folderPath);
  rows.sort((a, b) => b.date - a.date || b.uid - a.uid);
  return rows.map((row) => `${row.uid}:${encodeFlags(row.flags).bits}`);
}

describe('search feeder over a random sequence of cache changes', () => {
  beforeEach(async () => {
    kit = await openKit();
    await applySyncBatch(kit.db, foldersBatch([folder('INBOX')]));
    kit.feeder.start();
  });

  it.each([5, 77, 4242])('holds exactly what the cache holds after every catch-up (seed %i)', async (seed) => {
    const random = seeded(seed);
    const known = new Set<number>();
    let nextUid = 1;
    let modseq = 100;
    // Dates unique per message and not in UID order, so "newest first" is one order to compare.
    const date = (uid: number) => 1_700_000_000_000 + ((uid * 7919) % 100_003) * 60_000;
    for (let step = 0; step < 40; step++) {
      const roll = random.next();
      if (roll < 0.35 || known.size < 20) {
        // Arrivals, sometimes into gaps (pages split), sometimes a big batch.
        const count = 1 + random.int(random.next() < 0.2 ? 400 : 30);
        const upserts = Array.from({ length: count }, () => {
          const uid = random.next() < 0.3 && nextUid > 10 ? 1 + random.int(nextUid) : nextUid++;
          known.add(uid);
          return message(uid, { date: date(uid), flags: random.next() < 0.5 ? ['\\Seen'] : [] });
        });
        await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts }));
      } else if (roll < 0.6) {
        const uids = [...known].filter(() => random.next() < 0.2);
        const flagUpdates = uids.map((uid) => ({ uid, flags: random.next() < 0.5 ? ['\\Seen', '\\Flagged'] : [], modseq: String(++modseq) }));
        await applySyncBatch(kit.db, messagesBatch('INBOX', { flagUpdates }));
      } else if (roll < 0.7) {
        const uid = random.pick([...known]);
        await applyLocalFlags(kit.db, [accountA, 'INBOX', uid], ['\\Answered'], []);
      } else {
        // Removals, sometimes most of the folder (pages merge and leave tombstones).
        const share = random.next() < 0.3 ? 0.7 : 0.1;
        const removedUids = [...known].filter(() => random.next() < share);
        for (const uid of removedUids) known.delete(uid);
        await applySyncBatch(kit.db, messagesBatch('INBOX', { removedUids }));
      }
      // Sometimes several changes pile up before the index looks; sometimes the window restarts.
      if (random.next() < 0.15) kit.restart();
      if (random.next() < 0.6) {
        await kit.feeder.whenCurrent();
        expect(await indexed('INBOX')).toEqual(await cached('INBOX'));
      }
    }
    await kit.feeder.whenCurrent();
    expect(await indexed('INBOX')).toEqual(await cached('INBOX'));
  }, 60_000);
});

describe('search feeder: bodies kept offline', () => {
  it("indexes the texts main keeps offline for a mailbox kept offline, and skips an error quietly", async () => {
    const asked: string[] = [];
    const texts: Record<string, OfflineTexts> = {
      '0': { texts: [{ uid: 1, text: 'Bijlage: notulen van het overleg' }], next: 1 },
      '1': { texts: [{ uid: 2, text: 'Graag de notulen terug' }], next: null },
    };
    kit = await openKit({
      call: async (_method, input) => {
        asked.push(`${input.folderPath}>${input.afterUid}`);
        if (input.folderPath !== 'INBOX') return { ok: false, error: { code: 'notFound', message: 'nothing offline' } };
        const answer = texts[String(input.afterUid)];
        return answer ? { ok: true, value: answer } : { ok: true, value: { texts: [], next: null } };
      },
    });
    await applySyncBatch(kit.db, foldersBatch([folder('INBOX'), folder('Sent')], accountA, [mailbox(accountA, { offlineDays: 30 })]));
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1), message(2), message(3)] }));
    kit.feeder.start();
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'notulen', 'body')).toEqual([`${accountA}|INBOX|2`, `${accountA}|INBOX|1`]);
    expect(await found(kit.engine, [[{ term: { kind: 'text', field: 'any', value: 'overleg', phrase: false }, negated: false }]])).toEqual([`${accountA}|INBOX|1`]);
    expect(asked).toContain('Sent>0');
    // Main is not asked again for what it already gave.
    asked.length = 0;
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(4)] }));
    await kit.feeder.whenCurrent();
    expect(asked).toEqual(['INBOX>2']);
  });
});

describe('search feeder: a text main keeps before the cache has its message', () => {
  it('indexes it once the message arrives in the cache', async () => {
    const all = [
      { uid: 1, text: 'Agenda van de ledenvergadering' },
      { uid: 9, text: 'Notulen van de ledenvergadering' },
    ];
    kit = await openKit({
      call: async (_method, input) => ({ ok: true, value: { texts: all.filter((entry) => entry.uid > input.afterUid), next: null } }),
    });
    await applySyncBatch(kit.db, foldersBatch([folder('INBOX')], accountA, [mailbox(accountA, { offlineDays: 30 })]));
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(1)] }));
    kit.feeder.start();
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'ledenvergadering', 'body')).toEqual([`${accountA}|INBOX|1`]);
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: [message(9)] }));
    await kit.feeder.whenCurrent();
    expect(await findWord(kit.engine, 'notulen', 'body')).toEqual([`${accountA}|INBOX|9`]);
  });
});

describe('search feeder: rate', () => {
  it('indexes a folder synced in big batches (figure printed, not asserted)', async () => {
    kit = await openKit();
    await applySyncBatch(kit.db, foldersBatch([folder('INBOX')]));
    const total = 10_000;
    for (let start = 1; start <= total; start += 2_000) {
      const upserts = Array.from({ length: 2_000 }, (_, at) => message(start + at, { subject: `Offerte ${start + at} voor de klant` }));
      await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts }));
    }
    const started = performance.now();
    kit.feeder.start();
    await kit.feeder.whenCurrent();
    const seconds = (performance.now() - started) / 1000;
    console.info(`search feeder: ${total} summaries indexed in ${seconds.toFixed(2)} s (${Math.round(total / seconds)}/s, fake-indexeddb + sqlite-wasm in memory)`);
    expect((await kit.engine.count({ clauses: [], folders: null })).total).toBe(total);
    expect(await findWord(kit.engine, '7777')).toEqual([`${accountA}|INBOX|7777`]);
  }, 60_000);
});

describe('search feeder: what comes first', () => {
  it.each([
    ['the folder on screen', 'Archive', 'INBOX', { accountId: accountA, folderPath: 'Archive' }],
    ['the Inbox, with no folder on screen', 'INBOX', 'Archive', null],
  ] as const)('indexes %s before the others', async (_, first, second, focus) => {
    kit = await openKit(undefined, { batchSize: 400, focus: () => focus });
    await applySyncBatch(kit.db, foldersBatch([folder('Archive'), folder('INBOX')]));
    for (const path of ['Archive', 'INBOX']) {
      const upserts = Array.from({ length: 1_200 }, (_, at) => message(at + 1, { folderPath: path }));
      await applySyncBatch(kit.db, messagesBatch(path, { upserts }));
    }
    const seen: string[] = [];
    const inFolder = async (folderPath: string) => (await kit.engine.count({ clauses: [], folders: [{ accountId: accountA, folderPath }] })).total;
    kit.engine.onChange(() => {
      void Promise.all([inFolder(first), inFolder(second)]).then(([a, b]) => seen.push(`${a}/${b}`));
    });
    kit.feeder.start();
    await kit.feeder.whenCurrent();
    expect(seen.length).toBeGreaterThan(3);
    // Whenever the index was looked at, the second folder had nothing until the first was whole.
    expect(seen.filter((entry) => !entry.endsWith('/0') && !entry.startsWith('1200/'))).toEqual([]);
    expect(await inFolder(second)).toBe(1_200);
  }, 60_000);
});

describe('search feeder: progress', () => {
  it('says how many of how many messages are indexed while it builds, and nothing once current', async () => {
    kit = await openKit(undefined, { batchSize: 500 });
    await applySyncBatch(kit.db, foldersBatch([folder('INBOX'), folder('Archive')]));
    await applySyncBatch(kit.db, messagesBatch('INBOX', { upserts: Array.from({ length: 2_000 }, (_, at) => message(at + 1)) }));
    await applySyncBatch(kit.db, messagesBatch('Archive', { upserts: Array.from({ length: 1_000 }, (_, at) => message(at + 1, { folderPath: 'Archive' })) }));
    const said: (IndexingProgress | null)[] = [];
    const unsubscribe = indexingProgress.subscribe((progress) => said.push(progress));
    kit.feeder.start();
    await kit.feeder.whenCurrent();
    unsubscribe();
    const shown = said.filter((progress): progress is IndexingProgress => progress !== null);
    // Both folders counted from the start: 3,000 in all, rising by batches.
    expect(shown.map((progress) => progress.total)).toEqual(shown.map(() => 3_000));
    expect(shown.map((progress) => progress.done)).toEqual([0, 500, 1_000, 1_500, 2_000, 2_500]);
    expect(said.at(-1)).toBeNull();
    expect(indexingProgress.get()).toBeNull();
  }, 60_000);
});
