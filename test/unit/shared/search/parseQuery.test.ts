/** The search box's language (issue #13 §2): every operator, quoting, negation, OR, malformed input. */
import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery, parseSize, queryToText } from '../../../../src/shared/search/parseQuery';
import { searchQuerySchema, type QueryAtom, type SearchQuery } from '../../../../src/shared/search/queryModel';
import { startOfDay } from '../../../../src/shared/search/dates';

const zone = 'Europe/Amsterdam';
/** 2026-12-07 14:00 in Amsterdam. */
const now = Date.UTC(2026, 11, 7, 13, 0, 0);
const nl = { locale: 'nl-NL', now, timeZone: zone };
const parse = (text: string, options = nl): SearchQuery => parseQuery(text, options);
const text = (value: string, field = 'any', phrase = false, negated = false): QueryAtom => ({
  term: { kind: 'text', field, value, phrase } as QueryAtom['term'],
  negated,
});
const single = (q: SearchQuery): QueryAtom => {
  expect(q.clauses).toHaveLength(1);
  expect(q.clauses[0]).toHaveLength(1);
  return q.clauses[0]?.[0] as QueryAtom;
};

describe('parseQuery: words and phrases', () => {
  it('reads plain words as prefix text terms over every field, AND-ed', () => {
    expect(parse('factuur de Vries')).toEqual({ clauses: [[text('factuur')], [text('de')], [text('Vries')]] });
  });

  it('keeps values as typed (case and diacritics are the matcher’s job)', () => {
    expect(single(parse('Coördinatie'))).toEqual(text('Coördinatie'));
  });

  it('reads "exact phrase" as one phrase term, white space collapsed', () => {
    expect(parse('"exact   phrase" x')).toEqual({ clauses: [[text('exact phrase', 'any', true)], [text('x')]] });
  });

  it('reads a quote left open as a phrase to the end (still being typed)', () => {
    expect(single(parse('"Mrs. de Vr'))).toEqual(text('Mrs. de Vr', 'any', true));
  });

  it('drops an empty or punctuation-only phrase or word', () => {
    expect(parse('"" " " ... & -- ,')).toEqual({ clauses: [] });
  });

  it('asks once for a word typed twice', () => {
    expect(parse('offerte offerte')).toEqual({ clauses: [[text('offerte')]] });
  });
});

describe('parseQuery: text operators', () => {
  it.each([
    ['from:jan@example.test', 'from', 'jan@example.test'],
    ['to:info@', 'to', 'info@'],
    ['cc:piet', 'cc', 'piet'],
    ['subject:offerte', 'subject', 'offerte'],
    ['filename:factuur.pdf', 'filename', 'factuur.pdf'],
    ['attachment:factuur.pdf', 'filename', 'factuur.pdf'],
    ['body:levering', 'body', 'levering'],
    ['van:jan', 'from', 'jan'],
    ['aan:info', 'to', 'info'],
    ['onderwerp:offerte', 'subject', 'offerte'],
    ['bijlage:factuur.pdf', 'filename', 'factuur.pdf'],
  ])('%s → %s', (input, field, value) => {
    expect(single(parse(input))).toEqual(text(value, field));
  });

  it('reads operator names in any case', () => {
    expect(single(parse('FROM:Jan'))).toEqual(text('Jan', 'from'));
    expect(single(parse('Subject:x'))).toEqual(text('x', 'subject'));
  });

  it('reads a quoted value as a phrase of that field', () => {
    expect(single(parse('from:"Jan de Vries"'))).toEqual(text('Jan de Vries', 'from', true));
  });

  it('drops an operator with nothing after it, keeping the rest', () => {
    expect(parse('from: jan')).toEqual({ clauses: [[text('jan')]] });
    expect(parse('from:')).toEqual({ clauses: [] });
    expect(parse('subject:""')).toEqual({ clauses: [] });
  });
});

describe('parseQuery: states, attachment, folders, mailboxes', () => {
  it.each([
    ['is:unread', 'unread', false],
    ['is:read', 'read', false],
    ['is:flagged', 'flagged', false],
    ['is:starred', 'flagged', false],
    ['is:answered', 'answered', false],
    ['is:ongelezen', 'unread', false],
    ['is:gelezen', 'read', false],
    ['is:gemarkeerd', 'flagged', false],
    ['is:vlag', 'flagged', false],
    ['is:beantwoord', 'answered', false],
    ['IS:UNREAD', 'unread', false],
    ['is:unanswered', 'answered', true],
    ['is:onbeantwoord', 'answered', true],
    ['-is:unanswered', 'answered', false],
  ])('%s → is:%s negated=%s', (input, state, negated) => {
    expect(single(parse(input))).toEqual({ term: { kind: 'is', state }, negated });
  });

  it('reads has:attachment (also Dutch)', () => {
    for (const input of ['has:attachment', 'has:attachments', 'has:bijlage']) {
      expect(single(parse(input))).toEqual({ term: { kind: 'has', what: 'attachment' }, negated: false });
    }
  });

  it('reads Outlook’s hasattachments:yes/no', () => {
    expect(single(parse('hasattachments:yes'))).toEqual({ term: { kind: 'has', what: 'attachment' }, negated: false });
    expect(single(parse('HasAttachments:false'))).toEqual({ term: { kind: 'has', what: 'attachment' }, negated: true });
    expect(single(parse('hasattachments:maybe'))).toEqual(text('hasattachments:maybe'));
  });

  it('searches an unknown is:/has: value as text', () => {
    expect(single(parse('is:foo'))).toEqual(text('is:foo'));
    expect(single(parse('has:drive'))).toEqual(text('has:drive'));
  });

  it('reads in:<folder>, quoted names with spaces, and its aliases', () => {
    expect(single(parse('in:inbox'))).toEqual({ term: { kind: 'in', folder: 'inbox' }, negated: false });
    expect(single(parse('in:"Postvak IN"'))).toEqual({ term: { kind: 'in', folder: 'Postvak IN' }, negated: false });
    expect(single(parse('map:Klanten/Acme'))).toEqual({ term: { kind: 'in', folder: 'Klanten/Acme' }, negated: false });
    expect(single(parse('-in:trash'))).toEqual({ term: { kind: 'in', folder: 'trash' }, negated: true });
  });

  it('reads mailbox:<address> as typed', () => {
    expect(single(parse('mailbox:info@'))).toEqual({ term: { kind: 'mailbox', address: 'info@' }, negated: false });
    expect(single(parse('postvak:sales@example.test'))).toEqual({ term: { kind: 'mailbox', address: 'sales@example.test' }, negated: false });
  });
});

describe('parseQuery: dates', () => {
  const day = (y: number, m: number, d: number): number => startOfDay({ year: y, month: m, day: d }, zone);

  it.each([
    ['before:2026-12-07', 'nl-NL', 'before', [2026, 12, 7]],
    ['after:2026/12/07', 'en-US', 'after', [2026, 12, 7]],
    ['after:7-12-2026', 'nl-NL', 'after', [2026, 12, 7]],
    ['after:7/12/2026', 'nl-NL', 'after', [2026, 12, 7]],
    ['after:12/7/2026', 'en-US', 'after', [2026, 12, 7]],
    ['after:7/12/2026', 'en-GB', 'after', [2026, 12, 7]],
    ['after:7/12/2026', 'en-US', 'after', [2026, 7, 12]],
    ['before:1-3', 'nl-NL', 'before', [2026, 3, 1]],
    ['before:07.12.26', 'de-DE', 'before', [2026, 12, 7]],
    ['after:7-dec-2026', 'nl-NL', 'after', [2026, 12, 7]],
    ['after:"7 december 2026"', 'nl-NL', 'after', [2026, 12, 7]],
  ] as const)('%s in %s', (input, locale, op, [y, m, d]) => {
    const atom = single(parse(input, { ...nl, locale }));
    expect(atom.term).toEqual({ kind: 'date', op, ms: day(y, m, d), text: input.slice(input.indexOf(':') + 1).replace(/"/g, '') });
  });

  it('starts the day at local midnight in the given zone', () => {
    const atom = single(parse('after:2026-07-01', { ...nl, timeZone: 'America/New_York' }));
    expect(atom.term).toMatchObject({ ms: Date.UTC(2026, 6, 1, 4) });
  });

  it('reads today and yesterday (also Dutch)', () => {
    expect(single(parse('after:today')).term).toMatchObject({ ms: day(2026, 12, 7) });
    expect(single(parse('after:gisteren')).term).toMatchObject({ ms: day(2026, 12, 6) });
  });

  it('reads older_than:/newer_than: counted back from now', () => {
    expect(single(parse('older_than:2d')).term).toEqual({ kind: 'date', op: 'before', ms: now - 2 * 86_400_000, text: '2d' });
    expect(single(parse('newer_than:3w')).term).toEqual({ kind: 'date', op: 'after', ms: now - 21 * 86_400_000, text: '3w' });
    expect(single(parse('newer_than:1m')).term).toMatchObject({ ms: Date.UTC(2026, 10, 7, 13) });
    expect(single(parse('older_than:1y')).term).toMatchObject({ ms: Date.UTC(2025, 11, 7, 13) });
  });

  it('searches a date it cannot read as text', () => {
    expect(single(parse('before:31-2-2026'))).toEqual(text('before:31-2-2026'));
    expect(single(parse('after:soon'))).toEqual(text('after:soon'));
    expect(single(parse('older_than:2x'))).toEqual(text('older_than:2x'));
  });
});

describe('parseQuery: sizes', () => {
  it.each([
    ['larger:1000', 'larger', 1000],
    ['larger:500k', 'larger', 500 * 1024],
    ['larger:2M', 'larger', 2 * 1024 ** 2],
    ['smaller:1.5MB', 'smaller', 1.5 * 1024 ** 2],
    ['kleiner:1,5mb', 'smaller', 1.5 * 1024 ** 2],
    ['size:1G', 'larger', 1024 ** 3],
  ] as const)('%s', (input, op, bytes) => {
    expect(single(parse(input)).term).toEqual({ kind: 'size', op, bytes });
  });

  it('searches an unreadable size as text', () => {
    expect(single(parse('larger:abc'))).toEqual(text('larger:abc'));
    expect(parseSize('12 parsecs')).toBeNull();
  });
});

describe('parseQuery: negation, OR, grouping', () => {
  it('negates -word, -"phrase", -from:x, -is:answered and NOT word', () => {
    expect(parse('-spam -"out of office" -from:noreply -is:answered NOT nieuwsbrief')).toEqual({
      clauses: [
        [text('spam', 'any', false, true)],
        [text('out of office', 'any', true, true)],
        [text('noreply', 'from', false, true)],
        [{ term: { kind: 'is', state: 'answered' }, negated: true }],
        [text('nieuwsbrief', 'any', false, true)],
      ],
    });
  });

  it('keeps a dash inside a word and drops a lone dash', () => {
    expect(parse('e-mail - x')).toEqual({ clauses: [[text('e-mail')], [text('x')]] });
  });

  it('binds OR tighter than AND: a OR b c = (a OR b) AND c', () => {
    expect(parse('a OR b c')).toEqual({ clauses: [[text('a'), text('b')], [text('c')]] });
    expect(parse('from:jan OR from:piet is:unread')).toEqual({
      clauses: [[text('jan', 'from'), text('piet', 'from')], [{ term: { kind: 'is', state: 'unread' }, negated: false }]],
    });
  });

  it('reads | like OR, even without spaces, and lower-case or as a word', () => {
    expect(parse('a|b')).toEqual({ clauses: [[text('a'), text('b')]] });
    expect(parse('a or b')).toEqual({ clauses: [[text('a')], [text('or')], [text('b')]] });
  });

  it('flattens parentheses and ignores AND', () => {
    expect(parse('(a OR b) AND c')).toEqual({ clauses: [[text('a'), text('b')], [text('c')]] });
  });

  it('applies an operator to each word of a group after it (Gmail’s subject:(a b))', () => {
    expect(parse('subject:(offerte "nieuw pand") x')).toEqual({
      clauses: [[text('offerte', 'subject')], [text('nieuw pand', 'subject', true)], [text('x')]],
    });
    expect(parse('from:(jan OR piet)')).toEqual({ clauses: [[text('jan', 'from'), text('piet', 'from')]] });
  });

  it('negates a group after De Morgan: -subject:(a b) is not both, -from:(a OR b) neither', () => {
    expect(parse('-subject:(a b)')).toEqual({ clauses: [[text('a', 'subject', false, true), text('b', 'subject', false, true)]] });
    expect(parse('-from:(jan OR piet)')).toEqual({ clauses: [[text('jan', 'from', false, true)], [text('piet', 'from', false, true)]] });
    expect(parse('is:(unread flagged)')).toEqual({
      clauses: [[{ term: { kind: 'is', state: 'unread' }, negated: false }], [{ term: { kind: 'is', state: 'flagged' }, negated: false }]],
    });
  });

  it('reads an unclosed or empty group without losing the rest', () => {
    expect(parse('from:(jan piet')).toEqual({ clauses: [[text('jan', 'from')], [text('piet', 'from')]] });
    expect(parse('from:() x')).toEqual({ clauses: [[text('x')]] });
  });

  it('ignores a dangling OR, but searches the word when it is all there is', () => {
    expect(parse('OR a OR')).toEqual({ clauses: [[text('a')]] });
    expect(parse('a OR OR b')).toEqual({ clauses: [[text('a'), text('b')]] });
    expect(parse('OR')).toEqual({ clauses: [[text('OR')]] });
  });
});

describe('parseQuery: unknown prefixes stay text', () => {
  it.each(['Re:', '10:30', 'http://example.test/x', 'foo:bar', 'AW:', 'mailto:jan@example.test'])('%s', (input) => {
    expect(single(parse(input))).toEqual(text(input));
  });
});

describe('parseQuery: malformed input gives a usable query', () => {
  const nasty = [
    '',
    '   ',
    '"',
    '""',
    '"""',
    'from:"',
    'from:"Jan',
    '-',
    '--',
    '-"',
    '(',
    ')',
    '((a)',
    '|',
    '||',
    'OR OR OR',
    'NOT',
    'from:(',
    '-from:(OR NOT -)',
    'subject:(((a) b',
    'is:(foo',
    'larger:',
    'larger:-1',
    'larger:99999999999999999999999',
    'before:0-0-0',
    'older_than:999999y',
    'is:',
    'in:',
    'in:"',
    'mailbox:"  "',
    ':',
    '::::',
    '\u200f\u200e',
    'שלום עולם',
    '\u202eevil\u202c',
    'a\u0000b',
    '😀 from:😀',
    '\ud800',
    'x'.repeat(10_000),
    'from:' + 'y'.repeat(10_000),
    '"' + 'z '.repeat(5_000),
    'a OR '.repeat(3_000),
    Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '),
  ];

  it.each(nasty.map((s) => [s.length > 40 ? `${s.slice(0, 40)}… (${s.length})` : JSON.stringify(s), s]))(
    '%s never throws and fits the contract',
    (_label, input) => {
      const q = parseQuery(input, nl);
      expect(searchQuerySchema.safeParse(q).success).toBe(true);
      expect(() => queryToText(q)).not.toThrow();
    },
  );

  it('cuts an overlong word to what the contract carries', () => {
    const atom = single(parse('x'.repeat(10_000)));
    expect(atom.term).toMatchObject({ kind: 'text', value: 'x'.repeat(500) });
  });

  it('strips direction marks and controls from words', () => {
    expect(single(parse('\u200ffactuur\u200e'))).toEqual(text('factuur'));
    expect(parse('\u200f')).toEqual({ clauses: [] });
  });

  it('survives an unknown locale and time zone', () => {
    const q = parseQuery('after:7-12-2026', { locale: 'not a locale!', now, timeZone: 'Mars/Olympus' });
    expect(single(q).term).toMatchObject({ kind: 'date', op: 'after' });
  });

  it('survives a clock that is not a number', () => {
    for (const now of [NaN, Infinity, 1.5]) {
      const q = parseQuery('after:today older_than:2d before:7-12', { locale: 'nl', now, timeZone: zone });
      expect(searchQuerySchema.safeParse(q).success).toBe(true);
      expect(q.clauses.map((c) => c[0]?.term.kind)).toEqual(['date', 'date', 'date']);
    }
  });

  it('keeps at most 40 clauses of at most 20 atoms', () => {
    expect(parse(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')).clauses).toHaveLength(40);
    expect(parse(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' OR ')).clauses).toEqual([
      Array.from({ length: 20 }, (_, i) => text(`w${i}`)),
    ]);
  });

  it('counts a word repeated many times once before the limit', () => {
    expect(parse(`${'a '.repeat(60)}b`)).toEqual({ clauses: [[text('a')], [text('b')]] });
  });
});

describe('queryToText / isEmptyQuery', () => {
  it.each([
    'factuur',
    '"exact phrase"',
    'from:"Jan de Vries" -is:answered',
    'a OR b c',
    'in:"Postvak IN" mailbox:info@',
    'larger:2M smaller:500K',
    'before:7-12-2026 newer_than:2d',
    'after:"7 dec 2026"',
    '-"out of office" subject:offerte filename:factuur.pdf has:attachment',
    'Re: 10:30 larger:abc',
    'OR',
    '-OR x',
    'from:(jan OR piet) -subject:(a b)',
  ])('%s reads back to the same query', (input) => {
    const q = parse(input);
    expect(parse(queryToText(q))).toEqual(q);
  });

  it('writes canonical operator names', () => {
    expect(queryToText(parse('van:jan is:ongelezen map:Archief groter:1024k'))).toBe('from:jan is:unread in:Archief larger:1M');
  });

  it('tells an empty query', () => {
    expect(isEmptyQuery(parse(' - "" '))).toBe(true);
    expect(isEmptyQuery(parse('a'))).toBe(false);
  });
});
