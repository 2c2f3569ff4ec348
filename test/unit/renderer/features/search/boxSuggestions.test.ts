/** Issue #13 §2: the box's suggestions and chips in the person's words, and what taking or removing one does to the text. */
import { describe, expect, it } from 'vitest';
import { boxChips, typedSuggestions } from '../../../../../src/renderer/features/search/boxSuggestions';
import { i18nFor } from '../../../../../src/renderer/i18n/i18n';

const en = i18nFor('en', 'en-GB');
const nl = i18nFor('nl', 'nl-NL');
const now = Date.UTC(2026, 11, 7, 12);
const context = (language: 'en' | 'nl') => ({
  folders: ['INBOX', 'Klanten'],
  mailboxes: ['info@example.test', 'alice@example.test'],
  recentAddresses: ['jan@bakker.nl', 'm.devries@klant.nl'],
  language,
  locale: language === 'nl' ? 'nl-NL' : 'en-GB',
  now,
});

describe('typed suggestions', () => {
  it('completes an operator and explains it in the person’s language; taking it waits for the value', () => {
    const [first] = typedSuggestions(en.t, 'fr', 2, context('en'));
    expect(first).toMatchObject({ kind: 'operator', label: 'from:', detail: 'From a person or address', text: 'from:', runs: false });
    const [eerste] = typedSuggestions(nl.t, 'fr', 2, context('nl'));
    expect(eerste?.detail).toBe('Van een persoon of adres');
  });

  it('offers recent addresses after from:, mailboxes after mailbox:, and a value runs the search with the caret after it', () => {
    const from = typedSuggestions(en.t, 'factuur from:m.de', 17, context('en'));
    expect(from.map((s) => s.text)).toEqual(['factuur from:m.devries@klant.nl ']);
    expect(from[0]).toMatchObject({ kind: 'value', runs: true, caret: 'factuur from:m.devries@klant.nl '.length });
    expect(typedSuggestions(nl.t, 'mailbox:in', 10, context('nl'))[0]?.detail).toBe(nl.t('searchQuery.value.mailbox', { value: 'info@example.test' }));
  });
});

describe('chips', () => {
  it('one per operator (plain words stay text), named in words, each removable leaving the rest', () => {
    const chips = boxChips(en.t, 'factuur from:jan@bakker.nl -is:answered', { locale: 'en-GB', now });
    expect(chips.map((c) => c.label)).toEqual(['From: jan@bakker.nl', 'Not Answered']);
    expect(chips[0]?.without).toBe('factuur -is:answered');
    expect(chips[1]?.without).toBe('factuur from:jan@bakker.nl');
    expect(boxChips(nl.t, 'has:attachment in:Klanten', { locale: 'nl-NL', now }).map((c) => c.label)).toEqual(['Met een bijlage', 'Map: Klanten']);
    expect(boxChips(en.t, 'just words', { locale: 'en-GB', now })).toEqual([]);
  });
});
