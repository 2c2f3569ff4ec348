import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryEngine, type LocalEngine } from '../../../../../src/renderer/search/engine/openEngine';
import type { EngineAtom, EngineQuery, FolderRef, IndexDoc } from '../../../../../src/renderer/search/engine/engineTypes';
import { flagBit } from '../../../../../src/renderer/db/pages/flagBits';

const inbox: FolderRef = { accountId: 'a1', folderPath: 'INBOX' };
const sent: FolderRef = { accountId: 'a1', folderPath: 'Sent' };
const other: FolderRef = { accountId: 'a2', folderPath: 'INBOX' };
const day = 86_400_000;
const t0 = Date.UTC(2026, 0, 1);

function doc(uid: number, fields: Partial<IndexDoc> = {}): IndexDoc {
  return {
    uid,
    date: t0 + uid * day,
    bits: 0,
    size: 1000,
    attachment: false,
    subject: '',
    from: '',
    to: '',
    cc: '',
    filenames: '',
    snippet: '',
    body: null,
    ...fields,
  };
}

const word = (value: string, field: 'any' | 'from' | 'to' | 'cc' | 'subject' | 'filename' | 'body' = 'any', negated = false): EngineAtom => ({
  term: { kind: 'text', field, value, phrase: false },
  negated,
});
const phrase = (value: string): EngineAtom => ({ term: { kind: 'text', field: 'any', value, phrase: true }, negated: false });
const query = (clauses: EngineAtom[][], folders: FolderRef[] | null = null): EngineQuery => ({ clauses, folders });

let engine: LocalEngine;
beforeEach(async () => {
  engine = await openMemoryEngine();
});
afterEach(() => engine.close());

/** The UIDs the search returns, in its order. */
async function uids(q: EngineQuery, limit = 50, below?: number): Promise<number[]> {
  const { hits } = await engine.search({ ...q, limit, below });
  return hits.map((hit) => hit.uid);
}

describe('search engine: words', () => {
  it('folds diacritics and case, both ways', async () => {
    await engine.apply([
      { op: 'upsert', folder: inbox, docs: [doc(1, { subject: 'Coördinatie van het project' }), doc(2, { snippet: 'Koffie in het café' }), doc(3, { subject: 'CAFE RACER' })] },
    ]);
    expect(await uids(query([[word('coordinatie')]]))).toEqual([1]);
    expect(await uids(query([[word('COÖRDINATIE')]]))).toEqual([1]);
    expect(await uids(query([[word('cafe')]]))).toEqual([3, 2]);
    expect(await uids(query([[word('Café')]]))).toEqual([3, 2]);
  });

  it('matches a word as a prefix, a phrase only in order', async () => {
    await engine.apply([
      { op: 'upsert', folder: inbox, docs: [doc(1, { subject: 'factuur maart' }), doc(2, { subject: 'maart factuur' }), doc(3, { subject: 'fact sheet' })] },
    ]);
    expect(await uids(query([[word('fa')]]))).toEqual([3, 2, 1]);
    expect(await uids(query([[word('fact')]]))).toEqual([3, 2, 1]);
    expect(await uids(query([[word('factu')]]))).toEqual([2, 1]);
    expect(await uids(query([[phrase('factuur maart')]]))).toEqual([1]);
    expect(await uids(query([[phrase('fact')]]))).toEqual([3]);
  });

  it('finds the longer forms of a typed prefix, also past diacritics, several tokens and many forms', async () => {
    await engine.apply([
      {
        op: 'upsert',
        folder: inbox,
        docs: [
          doc(1, { subject: 'Coördinatie dakgoot' }),
          doc(2, { from: 'Jan de Vriesema', snippet: 'factuurnummer 2026-0012' }),
          doc(3, { subject: 'facturen', body: 'de factuurbijlage volgt' }),
          // 40 forms of one prefix: more than the engine lists, so FTS5 expands it itself.
          ...Array.from({ length: 40 }, (_, i) => doc(10 + i, { snippet: `verzend${String.fromCharCode(97 + (i % 26))}${i}` })),
        ],
      },
    ]);
    expect(await uids(query([[word('coör')]]))).toEqual([1]);
    expect(await uids(query([[word('coordi')]]))).toEqual([1]);
    expect(await uids(query([[word('factuur')]]))).toEqual([3, 2]);
    expect(await uids(query([[word('factuurn')]]))).toEqual([2]);
    expect(await uids(query([[word('de.vries')]]))).toEqual([2]);
    expect(await uids(query([[word('2026-00')]]))).toEqual([2]);
    expect(await uids(query([[word('vries', 'from')]]))).toEqual([2]);
    expect(await uids(query([[word('vries', 'subject')]]))).toEqual([]);
    expect(await uids(query([[word('factuur', 'any', true)], [word('fact')]]))).toEqual([]);
    expect(await uids(query([[word('verzend')]]), 100)).toHaveLength(40);
    expect(await uids(query([[word('verzendb')]]))).toEqual([37, 11]);
    // A word that left the index is no hit, though the engine still knows it.
    await engine.apply([{ op: 'remove', folder: inbox, uids: [3] }]);
    expect(await uids(query([[word('factuurb')]]))).toEqual([]);
    expect(await uids(query([[word('factuur')]]))).toEqual([2]);
  });

  it('looks only in the field named', async () => {
    await engine.apply([
      {
        op: 'upsert',
        folder: inbox,
        docs: [
          doc(1, { from: 'Jan de Vries jan@devries.test', subject: 'offerte' }),
          doc(2, { to: 'Jan de Vries jan@devries.test', subject: 'offerte' }),
          doc(3, { cc: 'jan@devries.test' }),
          doc(4, { filenames: 'offerte-2026.pdf' }),
          doc(5, { body: 'de offerte staat in de bijlage' }),
        ],
      },
    ]);
    expect(await uids(query([[word('jan', 'from')]]))).toEqual([1]);
    expect(await uids(query([[word('jan@devries.test', 'to')]]))).toEqual([2]);
    expect(await uids(query([[word('devries', 'cc')]]))).toEqual([3]);
    expect(await uids(query([[word('offerte', 'subject')]]))).toEqual([2, 1]);
    expect(await uids(query([[word('offerte', 'filename')]]))).toEqual([4]);
    expect(await uids(query([[word('bijlage', 'body')]]))).toEqual([5]);
    expect(await uids(query([[word('offerte')]]))).toEqual([5, 4, 2, 1]);
  });

  it('ANDs clauses, ORs atoms, and leaves out negated words', async () => {
    await engine.apply([
      {
        op: 'upsert',
        folder: inbox,
        docs: [doc(1, { subject: 'factuur maart' }), doc(2, { subject: 'factuur april' }), doc(3, { subject: 'offerte april' }), doc(4, { subject: 'notulen' })],
      },
    ]);
    expect(await uids(query([[word('factuur')], [word('april')]]))).toEqual([2]);
    expect(await uids(query([[word('maart'), word('offerte')]]))).toEqual([3, 1]);
    expect(await uids(query([[word('april')], [word('factuur', 'any', true)]]))).toEqual([3]);
    // Only negated words: everything else.
    expect(await uids(query([[word('april', 'any', true)]]))).toEqual([4, 1]);
    // A negated word inside an OR: factuur, or anything without "april".
    expect(await uids(query([[word('offerte'), word('april', 'any', true)]]))).toEqual([4, 3, 1]);
  });
});

describe('search engine: filters', () => {
  beforeEach(async () => {
    await engine.apply([
      {
        op: 'upsert',
        folder: inbox,
        docs: [
          doc(1, { subject: 'factuur', bits: flagBit['\\Seen'] }),
          doc(2, { subject: 'factuur', bits: flagBit['\\Flagged'], attachment: true, size: 3_000_000 }),
          doc(3, { subject: 'factuur', bits: flagBit['\\Seen'] | flagBit['\\Answered'], size: 10 }),
        ],
      },
      { op: 'upsert', folder: sent, docs: [doc(4, { subject: 'factuur', bits: flagBit['\\Seen'] })] },
      { op: 'upsert', folder: other, docs: [doc(5, { subject: 'factuur' })] },
    ]);
  });
  const is = (state: 'unread' | 'read' | 'flagged' | 'answered', negated = false): EngineAtom => ({ term: { kind: 'is', state }, negated });

  it('filters by state, attachment, size and date, with and without words', async () => {
    expect(await uids(query([[is('unread')]]))).toEqual([5, 2]);
    expect(await uids(query([[word('factuur')], [is('read')]]))).toEqual([4, 3, 1]);
    expect(await uids(query([[is('flagged')]]))).toEqual([2]);
    expect(await uids(query([[word('factuur')], [is('answered', true)]]))).toEqual([5, 4, 2, 1]);
    expect(await uids(query([[{ term: { kind: 'has', what: 'attachment' }, negated: false }]]))).toEqual([2]);
    expect(await uids(query([[{ term: { kind: 'size', op: 'larger', bytes: 1_000_000 }, negated: false }]]))).toEqual([2]);
    expect(await uids(query([[{ term: { kind: 'size', op: 'smaller', bytes: 100 }, negated: false }]]))).toEqual([3]);
    // after: dates ≥ the day; before: dates < the day.
    expect(await uids(query([[word('fact')], [{ term: { kind: 'date', op: 'after', ms: t0 + 4 * day }, negated: false }]]))).toEqual([5, 4]);
    expect(await uids(query([[{ term: { kind: 'date', op: 'before', ms: t0 + 2 * day }, negated: false }]]))).toEqual([1]);
  });

  it('limits to the scope and to folders atoms, including an OR of a word and a flag', async () => {
    expect(await uids(query([[word('factuur')]], [inbox, other]))).toEqual([5, 3, 2, 1]);
    expect(await uids(query([[word('factuur')]], [{ accountId: 'a9', folderPath: 'INBOX' }]))).toEqual([]);
    expect(await uids(query([[{ term: { kind: 'folders', folders: [sent] }, negated: false }]]))).toEqual([4]);
    expect(await uids(query([[{ term: { kind: 'folders', folders: [inbox] }, negated: true }], [word('fact')]]))).toEqual([5, 4]);
    // An OR mixing a word and a flag: neither alone decides.
    await engine.apply([{ op: 'upsert', folder: inbox, docs: [doc(6, { subject: 'notulen', bits: flagBit['\\Flagged'] | flagBit['\\Seen'] })] }]);
    expect(await uids(query([[word('notulen'), is('unread')]]))).toEqual([6, 5, 2]);
    expect(await uids(query([[word('notulen'), is('flagged')]], [inbox]))).toEqual([6, 2]);
  });

  it('counts the matches and how many are unread', async () => {
    expect(await engine.count(query([[word('factuur')]]))).toEqual({ total: 5, unread: 2 });
    expect(await engine.count(query([], [inbox]))).toEqual({ total: 3, unread: 1 });
    expect(await engine.count(query([[word('nergens')]]))).toEqual({ total: 0, unread: 0 });
  });
});

describe('search engine: order and paging', () => {
  it('returns the newest first and pages on with below, also within one millisecond', async () => {
    const sameMs = Date.UTC(2026, 5, 1, 12);
    await engine.apply([
      { op: 'upsert', folder: inbox, docs: Array.from({ length: 30 }, (_, i) => doc(i + 1, { subject: 'rapport', date: i < 10 ? sameMs : t0 + i * day })) },
    ]);
    const pages: number[][] = [];
    let below: number | undefined;
    for (;;) {
      const { hits } = await engine.search({ ...query([[word('rapport')]]), limit: 7, below });
      if (hits.length === 0) break;
      pages.push(hits.map((hit) => hit.uid));
      below = hits[hits.length - 1]?.seq;
    }
    const all = pages.flat();
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
    const { hits } = await engine.search({ ...query([]), limit: 30 });
    const dates = hits.map((hit) => hit.date);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(hits.find((hit) => hit.uid === 1)?.date).toBe(sameMs);
    expect(hits.map((hit) => hit.uid)).toEqual(all);
  });

  it('gives every message its own place when more than 1,024 share one millisecond, and reuses freed places', async () => {
    const sameMs = Date.UTC(2026, 5, 1, 12);
    const many = Array.from({ length: 1030 }, (_, i) => doc(i + 1, { subject: 'import', date: sameMs }));
    await engine.apply([{ op: 'upsert', folder: inbox, docs: many.slice(0, 1024) }]);
    await engine.apply([{ op: 'upsert', folder: inbox, docs: many.slice(1024) }]);
    await engine.apply([{ op: 'remove', folder: inbox, uids: [1, 500] }]);
    await engine.apply([{ op: 'upsert', folder: inbox, docs: [doc(2000, { subject: 'import', date: sameMs }), doc(2001, { subject: 'import', date: sameMs })] }]);
    const { hits } = await engine.search({ ...query([[word('import')]]), limit: 2000 });
    expect(hits).toHaveLength(1030);
    expect(new Set(hits.map((hit) => hit.seq)).size).toBe(1030);
    expect(hits.every((hit) => Math.abs(hit.date - sameMs) <= 1)).toBe(true);
    expect(hits.map((hit) => hit.uid)).toContain(2001);
  });

  it('keeps messages without a date or from the far future in the order, first and last', async () => {
    await engine.apply([{ op: 'upsert', folder: inbox, docs: [doc(1, { date: 0 }), doc(2, { date: -5 }), doc(3), doc(4, { date: 8.64e15 })] }]);
    const { hits } = await engine.search({ ...query([]), limit: 50 });
    expect(hits.map((hit) => hit.uid)).toEqual([4, 3, 2, 1]);
    expect(hits.every((hit) => Number.isSafeInteger(hit.seq))).toBe(true);
  });
});

describe('search engine: upkeep', () => {
  it('changes flags, removes, drops folders and accounts, records states', async () => {
    await engine.apply([
      { op: 'upsert', folder: inbox, docs: [doc(1, { subject: 'agenda' }), doc(2, { subject: 'agenda' })] },
      { op: 'upsert', folder: sent, docs: [doc(3, { subject: 'agenda' })] },
      { op: 'upsert', folder: other, docs: [doc(4, { subject: 'agenda' })] },
      { op: 'state', folder: inbox, state: { epoch: 1, rev: 7 } },
    ]);
    expect(await engine.states()).toEqual(
      new Map([
        ['a1\u0000INBOX', { epoch: 1, rev: 7 }],
        ['a1\u0000Sent', { epoch: -1, rev: -1 }],
        ['a2\u0000INBOX', { epoch: -1, rev: -1 }],
      ]),
    );
    await engine.apply([{ op: 'flags', folder: inbox, changes: [{ uid: 2, bits: flagBit['\\Seen'] }] }]);
    expect(await engine.count(query([[word('agenda')]]))).toEqual({ total: 4, unread: 3 });
    await engine.apply([{ op: 'remove', folder: inbox, uids: [1, 99] }]);
    expect(await uids(query([[word('agenda')]]))).toEqual([4, 3, 2]);
    await engine.apply([{ op: 'dropFolder', folder: sent }]);
    expect(await uids(query([[word('agenda')]]))).toEqual([4, 2]);
    await engine.apply([{ op: 'dropAccount', accountId: 'a2' }]);
    expect(await uids(query([[word('agenda')]]))).toEqual([2]);
    expect([...(await engine.states()).keys()]).toEqual(['a1\u0000INBOX']);
    expect((await engine.stats()).docs).toBe(1);
  });

  it('replaces a document on upsert: a body that arrived later, a changed date', async () => {
    await engine.apply([{ op: 'upsert', folder: inbox, docs: [doc(1, { subject: 'offerte' }), doc(2, { subject: 'offerte' })] }]);
    expect(await engine.bodiesIndexed(inbox, [1, 2, 3])).toEqual(new Set());
    await engine.apply([{ op: 'upsert', folder: inbox, docs: [doc(1, { subject: 'offerte', body: 'de kozijnen worden dinsdag geplaatst' })] }]);
    expect(await uids(query([[word('kozijnen')]]))).toEqual([1]);
    expect(await uids(query([[word('offerte')]]))).toEqual([2, 1]);
    expect(await engine.bodiesIndexed(inbox, [1, 2, 3])).toEqual(new Set([1]));
    expect(await engine.stats()).toMatchObject({ docs: 2, withBody: 1, storage: 'memory' });
    // The old words go with the old version; a new date moves it in the order.
    await engine.apply([{ op: 'upsert', folder: inbox, docs: [doc(1, { subject: 'bestelling', date: t0 + 100 * day })] }]);
    expect(await uids(query([[word('offerte')]]))).toEqual([2]);
    expect(await uids(query([[word('kozijnen')]]))).toEqual([]);
    expect(await uids(query([]))).toEqual([1, 2]);
    expect(await engine.bodiesIndexed(inbox, [1])).toEqual(new Set());
  });

  it('applies a batch whole or not at all, and tells listeners only of changes', async () => {
    let changes = 0;
    const stop = engine.onChange(() => changes++);
    await engine.apply([{ op: 'upsert', folder: inbox, docs: [doc(1, { subject: 'agenda' })] }]);
    const broken = { op: 'upsert', folder: sent, docs: [doc(2, { subject: 'agenda' }), { ...doc(3), uid: null }] } as never;
    await expect(engine.apply([{ op: 'remove', folder: inbox, uids: [1] }, broken])).rejects.toThrow();
    expect(await uids(query([[word('agenda')]]))).toEqual([1]);
    expect([...(await engine.states()).keys()]).toEqual(['a1\u0000INBOX']);
    await engine.apply([{ op: 'remove', folder: sent, uids: [5] }]);
    await Promise.resolve();
    expect(changes).toBe(1);
    await engine.clear();
    await Promise.resolve();
    expect(changes).toBe(2);
    expect(await engine.stats()).toMatchObject({ docs: 0, withBody: 0 });
    expect(await engine.states()).toEqual(new Map());
    stop();
    await engine.apply([{ op: 'upsert', folder: inbox, docs: [doc(1, { subject: 'agenda' })] }]);
    expect(await uids(query([[word('agenda')]]))).toEqual([1]);
    expect(changes).toBe(2);
  });
});

describe('search engine: what people type is never FTS5 syntax', () => {
  const hostile = ['"', '""', '*', 'NEAR(', 'NEAR(a b)', 'AND', 'OR', 'NOT', '^start', 'subject:', '{subject}:x', 'a"b', '(', ')', '-', '+', ':', "'", 'a AND b', '"*"*'];

  it('never throws and matches the words literally', async () => {
    await engine.apply([
      {
        op: 'upsert',
        folder: inbox,
        docs: [doc(1, { subject: 'near and far' }), doc(2, { subject: 'start of subject x' }), doc(3, { subject: 'a b' }), doc(4, { subject: 'or not' })],
      },
    ]);
    for (const value of hostile) {
      for (const phrase of [false, true]) {
        for (const negated of [false, true]) {
          const atom: EngineAtom = { term: { kind: 'text', field: 'subject', value, phrase }, negated };
          await expect(engine.search({ ...query([[atom]]), limit: 50 })).resolves.toBeDefined();
          await expect(engine.count(query([[atom, word('zzz')], [atom]]))).resolves.toBeDefined();
        }
      }
    }
    expect(await uids(query([[word('NEAR(')]]))).toEqual([1]);
    expect(await uids(query([[word('AND')]]))).toEqual([1]);
    expect(await uids(query([[word('^start')]]))).toEqual([2]);
    expect(await uids(query([[word('{subject}:x')]]))).toEqual([2]);
    expect(await uids(query([[word('a AND b')]]))).toEqual([]);
    expect(await uids(query([[word('a"b')]]))).toEqual([3]);
    expect(await uids(query([[word('OR'), word('NOT')]]))).toEqual([4]);
    // Nothing to look for: the atom is ignored like punctuation.
    expect(await uids(query([[word('*')], [word('or')]]))).toEqual([4]);
  });
});
