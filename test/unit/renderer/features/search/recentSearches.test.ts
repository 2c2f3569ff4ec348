/** Issue #13 §1: recent searches are remembered, newest first, once each, bounded. */
import { describe, expect, it } from 'vitest';
import { forgetSearch, recentSearchLimit, recentSearches, rememberSearch } from '../../../../../src/renderer/features/search/recentSearches';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value) };
}

describe('recent searches', () => {
  it('keeps the newest first, one entry per search whatever its case or spacing', () => {
    const storage = memoryStorage();
    rememberSearch('factuur', storage);
    rememberSearch('from:jan', storage);
    rememberSearch('  Factuur ', storage);
    expect(recentSearches(storage)).toEqual(['Factuur', 'from:jan']);
  });

  it('keeps at most the limit and ignores empty searches', () => {
    const storage = memoryStorage();
    for (let i = 0; i < recentSearchLimit + 3; i++) rememberSearch(`word${i}`, storage);
    rememberSearch('   ', storage);
    const kept = recentSearches(storage);
    expect(kept).toHaveLength(recentSearchLimit);
    expect(kept[0]).toBe(`word${recentSearchLimit + 2}`);
  });

  it('forgets one search', () => {
    const storage = memoryStorage();
    rememberSearch('a', storage);
    rememberSearch('b', storage);
    expect(forgetSearch('A', storage)).toEqual(['b']);
  });

  it('survives storage holding something else or nothing at all', () => {
    expect(recentSearches(memoryStorage({ 'postvak:recentSearches': '{"not":"a list"}' }))).toEqual([]);
    expect(recentSearches(memoryStorage({ 'postvak:recentSearches': 'not json' }))).toEqual([]);
    expect(recentSearches(memoryStorage({ 'postvak:recentSearches': '["ok", 3, ""]' }))).toEqual(['ok']);
  });
});
