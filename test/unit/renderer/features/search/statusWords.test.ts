/** Issue #13 §4: the status line under the search box says results and the server's share in words, in both languages. */
import { describe, expect, it } from 'vitest';
import { statusWords } from '../../../../../src/renderer/features/search/statusWords';
import { i18nFor } from '../../../../../src/renderer/i18n/i18n';
import type { SearchStatus } from '../../../../../src/renderer/search/results/searchStatus';

const en = i18nFor('en', 'en-GB');
const nl = i18nFor('nl', 'nl-NL');
const words = (lang: typeof en, status: SearchStatus) => statusWords(lang.t, lang.localeTag, status);

const local = (count: number | null, running = false): SearchStatus => ({ running, localCount: count, localDone: !running, server: null });
const server = (over: Partial<NonNullable<SearchStatus['server']>>, localCount = 12): SearchStatus => ({
  running: true,
  localCount,
  localDone: true,
  server: { pending: [], extra: 0, failed: [], done: false, ...over },
});

describe('the search status line', () => {
  it('counts results with the right plural, and says when there are none', () => {
    expect(words(en, local(1)).summary).toBe('1 result');
    expect(words(en, local(12_000)).summary).toBe('12,000 results');
    expect(words(nl, local(1)).summary).toBe('1 resultaat');
    expect(words(nl, local(12_000)).summary).toBe('12.000 resultaten');
    expect(words(en, local(0)).summary).toBe('No results');
    expect(words(nl, local(0)).summary).toBe('Geen resultaten');
  });

  it('says it is searching before the first answer, not "no results"', () => {
    expect(words(en, local(null, true)).summary).toBe('Searching…');
    expect(words(nl, local(0, true)).summary).toBe('Zoeken…');
  });

  it('names the mailbox searched on the server and what it found so far', () => {
    const status = server({ pending: [{ label: 'info@example.test', folders: 2 }], extra: 3 });
    expect(words(en, status).summary).toBe('15 results · Searching info@example.test on the server… 3 more');
    expect(words(nl, status).summary).toBe('15 resultaten · Zoeken in info@example.test op de server… nog 3 gevonden');
    const many = server({ pending: [{ label: 'info@example.test', folders: 1 }, { label: 'sales@example.test', folders: 4 }] });
    expect(words(en, many).summary).toBe('12 results · Searching info@example.test and 1 other mailbox on the server…');
    expect(words(nl, many).summary).toBe('12 resultaten · Zoeken in info@example.test en 1 ander postvak op de server…');
  });

  it('after the server: how many it added, or that it was searched too', () => {
    expect(words(en, server({ done: true, extra: 1 }, 0)).summary).toBe('1 result · 1 of them found on the server');
    expect(words(nl, server({ done: true, extra: 2 }, 3)).summary).toBe('5 resultaten · waarvan 2 op de server gevonden');
    expect(words(en, server({ done: true }, 4)).summary).toBe('4 results · the server was searched too');
  });

  it('says in words which mailboxes could not be searched and why', () => {
    const status = server({ done: true, failed: [{ label: 'info@example.test', code: 'connectionFailed' }, { label: 'sales@example.test', code: 'connectionFailed' }] });
    expect(words(en, status).failure).toBe(`Not everything could be searched in info@example.test and sales@example.test. ${en.t('error.connectionFailed')}`);
    expect(words(nl, status).failure).toBe(`Niet alles in info@example.test en sales@example.test kon worden doorzocht. ${nl.t('error.connectionFailed')}`);
    expect(words(en, server({ failed: [{ label: 'x', code: 'no-such-code' }] })).failure).toContain(en.t('error.unknown'));
    expect(words(en, local(3)).failure).toBeNull();
  });
});
