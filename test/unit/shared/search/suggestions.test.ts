/** What the search box suggests and the chips it shows (issue #13 §2: nobody must learn the language). */
import { describe, expect, it } from 'vitest';
import { applySuggestion, describeQuery, removeAtom, suggest, tokenAt, type SuggestionContext } from '../../../../src/shared/search/suggestions';
import { parseQuery, queryToText } from '../../../../src/shared/search/parseQuery';

const ctx: SuggestionContext = {
  folders: ['Postvak IN', 'Verzonden items', 'Klanten/Acme', 'Facturen'],
  mailboxes: ['alice@example.test', 'info@example.test'],
  recentAddresses: ['jan.devries@klant.test', 'janneke@example.test', 'piet@leverancier.test', 'Jan.DeVries@klant.test'],
  language: 'en',
  locale: 'en-US',
  now: Date.UTC(2026, 11, 7, 13),
  timeZone: 'Europe/Amsterdam',
};
const nl: SuggestionContext = { ...ctx, language: 'nl', locale: 'nl-NL' };
const inserts = (text: string, c = ctx, caret = text.length): string[] => suggest(text, caret, c).map((s) => s.insert);

describe('suggest: operators as you type', () => {
  it('completes operator names', () => {
    expect(inserts('fr')).toEqual(['from:']);
    expect(inserts('sub')).toEqual(['subject:']);
    expect(inserts('invoice is')).toEqual(['is:']);
    expect(inserts('-fr')).toEqual(['-from:']);
  });

  it('offers the Dutch names to Dutch speakers only', () => {
    expect(inserts('va', nl)).toEqual(['van:']);
    expect(inserts('va', ctx)).toEqual([]);
    expect(inserts('onder', nl)).toEqual(['onderwerp:']);
  });

  it('offers the common operators for an empty token', () => {
    expect(inserts('').slice(0, 4)).toEqual(['from:', 'to:', 'subject:', 'has:']);
  });

  it('suggests from: a recent address a plain word starts', () => {
    expect(inserts('pie')).toEqual(['from:piet@leverancier.test']);
  });

  it('labels each with a key for the box to translate', () => {
    expect(suggest('fr', 2, ctx)[0]).toMatchObject({ kind: 'operator', labelKey: 'searchQuery.op.from', from: 0, to: 2 });
  });
});

describe('suggest: values after an operator', () => {
  it('from:/to:/cc: → recent addresses containing a word that starts so, once each', () => {
    expect(inserts('from:jan')).toEqual(['from:jan.devries@klant.test', 'from:janneke@example.test']);
    expect(inserts('to:devr')).toEqual(['to:jan.devries@klant.test']);
    expect(inserts('FROM:pi')).toEqual(['FROM:piet@leverancier.test']);
  });

  it('in: → folder names, quoted when they hold a space', () => {
    expect(inserts('in:post')).toEqual(['in:"Postvak IN"']);
    expect(inserts('in:"verz')).toEqual(['in:"Verzonden items"']);
    expect(inserts('in:acme')).toEqual(['in:Klanten/Acme']);
  });

  it('mailbox: → mailbox addresses', () => {
    expect(inserts('mailbox:in')).toEqual(['mailbox:info@example.test']);
    expect(inserts('-mailbox:')).toEqual(['-mailbox:alice@example.test', '-mailbox:info@example.test']);
  });

  it('is: → states (Dutch words in Dutch), has: → attachment', () => {
    expect(inserts('is:')).toEqual(['is:unread', 'is:read', 'is:flagged', 'is:answered', 'is:unanswered']);
    expect(inserts('is:un')).toEqual(['is:unread', 'is:unanswered']);
    expect(inserts('is:', nl)).toEqual(['is:ongelezen', 'is:gelezen', 'is:gemarkeerd', 'is:beantwoord', 'is:onbeantwoord']);
    expect(inserts('has:')).toEqual(['has:attachment']);
    expect(inserts('has:', nl)).toEqual(['has:bijlage']);
  });

  it('before:/after: → today, yesterday, a week and a month ago, written the locale’s way', () => {
    expect(inserts('after:')).toEqual(['after:12/7/2026', 'after:12/6/2026', 'after:11/30/2026', 'after:11/7/2026']);
    expect(inserts('before:', nl)).toEqual(['before:7-12-2026', 'before:6-12-2026', 'before:30-11-2026', 'before:7-11-2026']);
    expect(suggest('after:', 6, ctx)[1]).toMatchObject({ labelKey: 'searchQuery.date.yesterday', labelParams: { date: '12/6/2026' } });
  });

  it('suggested values parse to the term they say', () => {
    for (const text of ['is:', 'has:', 'after:', 'older_than:', 'larger:', 'in:', 'mailbox:', 'from:j']) {
      for (const s of suggest(text, text.length, nl)) {
        const q = parseQuery(s.insert, { locale: nl.locale, now: nl.now, timeZone: nl.timeZone });
        const term = q.clauses[0]?.[0]?.term;
        expect(term, s.insert).toBeDefined();
        expect(term && (term.kind === 'text' ? term.field : term.kind), s.insert).not.toBe('any');
      }
    }
  });

  it('suggests nothing for unknown prefixes or inside a phrase', () => {
    expect(inserts('Re:')).toEqual([]);
    expect(inserts('"fr')).toEqual([]);
  });

  it('works on the token under the caret, not the end of the text', () => {
    const text = 'fr offerte';
    expect(suggest(text, 2, ctx)[0]).toMatchObject({ insert: 'from:', from: 0, to: 2 });
  });
});

describe('tokenAt / applySuggestion', () => {
  it('finds the token, quoted spaces included', () => {
    const text = 'a in:"Postvak I b';
    expect(tokenAt(text, text.length)).toEqual({ start: 2, end: text.length });
    expect(tokenAt('ab cd', 1)).toEqual({ start: 0, end: 2 });
  });

  it('replaces the token and puts the caret after it (past a space after a value)', () => {
    const [op] = suggest('invoice fr', 10, ctx);
    expect(op && applySuggestion('invoice fr', op)).toEqual({ text: 'invoice from:', caret: 13 });
    const [value] = suggest('from:pi x', 7, ctx);
    expect(value && applySuggestion('from:pi x', value)).toEqual({ text: 'from:piet@leverancier.test x', caret: 27 });
    const [end] = suggest('is:unr', 6, ctx);
    expect(end && applySuggestion('is:unr', end)).toEqual({ text: 'is:unread ', caret: 10 });
  });
});

describe('describeQuery / removeAtom', () => {
  const parse = (text: string) => parseQuery(text, { locale: 'nl-NL', now: ctx.now, timeZone: 'Europe/Amsterdam' });

  it('gives one chip per term with its label and text', () => {
    const chips = describeQuery(parse('from:jan OR from:piet -is:answered "exact zin" larger:2M before:7-12-2026 in:"Postvak IN"'));
    expect(chips.map((c) => [c.labelKey, c.labelParams, c.negated, c.orWithPrevious, c.text])).toEqual([
      ['searchQuery.chip.from', { value: 'jan' }, false, false, 'from:jan'],
      ['searchQuery.chip.from', { value: 'piet' }, false, true, 'from:piet'],
      ['searchQuery.state.answered', {}, true, false, '-is:answered'],
      ['searchQuery.chip.phrase', { value: 'exact zin' }, false, false, '"exact zin"'],
      ['searchQuery.chip.larger', { value: '2 MB' }, false, false, 'larger:2M'],
      ['searchQuery.chip.before', { value: '7-12-2026' }, false, false, 'before:7-12-2026'],
      ['searchQuery.chip.in', { value: 'Postvak IN' }, false, false, 'in:"Postvak IN"'],
    ]);
  });

  it('writes dates the locale’s way when given the locale', () => {
    const [chip] = describeQuery(parse('older_than:2d'), { locale: 'en-US', timeZone: 'Europe/Amsterdam' });
    expect(chip).toMatchObject({ labelKey: 'searchQuery.chip.before', labelParams: { value: '12/5/2026' }, text: 'older_than:2d' });
  });

  it('removes one chip’s term, and an emptied clause', () => {
    const q = parse('from:jan OR from:piet offerte');
    expect(queryToText(removeAtom(q, 0, 1))).toBe('from:jan offerte');
    expect(queryToText(removeAtom(q, 1, 0))).toBe('from:jan OR from:piet');
  });
});
