/**
 * The search bench's synthetic mail and queries (test/bench/searchCorpus.ts): the figures it
 * prints are only meaningful if "common" words are common, "rare" ones rare, the same document
 * comes out whichever chunk asks for it, and every kind has its hundred varied queries.
 */
import { describe, expect, it } from 'vitest';
import { benchQueries, corpus, queryKinds, vocabulary } from '../../bench/searchCorpus';
import { corpusOptions, quantile } from '../../bench/searchRun';

const words = vocabulary();
const docText = (d: { doc: { subject: string; from: string; to: string; cc: string; filenames: string; snippet: string } }) =>
  ` ${[d.doc.subject, d.doc.from, d.doc.to, d.doc.cc, d.doc.filenames, d.doc.snippet].join(' ').toLowerCase()} `;

describe('search bench corpus', () => {
  it('gives the same document for the same index, whichever chunk asks', () => {
    const c = corpus(corpusOptions(10_000, false), words);
    expect(c.docs(7, 3)).toEqual(c.docs(0, 10).slice(7));
  });

  it('makes common words common and rare words rare (Zipf-like)', () => {
    const docs = corpus(corpusOptions(5_000, false), words).docs(0, 5_000).map(docText);
    const share = (word: string) => docs.filter((t) => t.includes(` ${word} `)).length / docs.length;
    const queries = benchQueries(words, 100);
    const common = queries.filter((q) => q.kind === 'common').map((q) => share(q.text));
    const rare = queries.filter((q) => q.kind === 'rare').map((q) => share(q.text));
    expect(quantile(common, 0.5)).toBeGreaterThan(0.03);
    expect(quantile(rare, 0.95)).toBeLessThan(0.002);
  });

  it('spreads dates over the years, newest last, and gives bodies of 1.5–4 KB', () => {
    const c = corpus(corpusOptions(1_000, true), words);
    const docs = c.docs(0, 1_000).map((d) => d.doc);
    expect((docs.at(-1)?.date ?? 0) - (docs[0]?.date ?? 0)).toBeGreaterThan(4 * 365 * 86_400_000);
    for (const doc of docs) {
      expect(doc.body?.length).toBeGreaterThanOrEqual(1_500);
      expect(doc.body?.length).toBeLessThanOrEqual(4_100);
    }
  });

  it('has a hundred varied queries of every kind, prefixes of two letters', () => {
    const queries = benchQueries(words, 100);
    // Common words come from the 60 most frequent, prefixes from words as typed: fewer distinct.
    const distinct = { rare: 90, common: 40, prefix: 30, operator: 50, twoWords: 90 };
    for (const kind of queryKinds) {
      const texts = queries.filter((q) => q.kind === kind).map((q) => q.text);
      expect(texts).toHaveLength(100);
      expect(new Set(texts).size).toBeGreaterThanOrEqual(distinct[kind]);
    }
    for (const q of queries.filter((x) => x.kind === 'prefix')) expect(q.text).toMatch(/^[a-z]{2}$/);
  });
});

describe('quantile', () => {
  it('is the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile([], 0.5)).toBeNull();
  });
});
