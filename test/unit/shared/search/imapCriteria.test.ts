/**
 * Parsed query → IMAP SEARCH criteria (issue #13 §4): the shapes, and what imapflow's own
 * compiler makes of them (the SEARCH keys the server receives, RFC 9051 §6.4.4).
 */
import { describe, expect, it } from 'vitest';
import type { ImapFlow, SearchObject } from 'imapflow';
import { searchCompiler } from 'imapflow/lib/search-compiler.js';
import { parseQuery } from '../../../../src/shared/search/parseQuery';
import { toImapCriteria, type ImapSearchCriteria } from '../../../../src/shared/search/imapCriteria';

const zone = 'Europe/Amsterdam';
const parse = (text: string) => parseQuery(text, { locale: 'nl-NL', now: Date.UTC(2026, 11, 7, 13), timeZone: zone });
const criteria = (text: string, options = {}) => toImapCriteria(parse(text), { timeZone: zone, ...options });
const utcDay = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

type Attr = { type: string; value: unknown } | Attr[];
/** The SEARCH arguments as the server would read them. */
function compiled(c: ImapSearchCriteria | null): string {
  if (!c) throw new Error('no criteria');
  const connection = { capabilities: new Map(), enabled: new Set(['UTF8=ACCEPT']) } as unknown as ImapFlow;
  const render = (attrs: Attr[]): string =>
    attrs
      .map((a) => (Array.isArray(a) ? `(${render(a)})` : Buffer.isBuffer(a.value) ? `{${a.value.toString()}}` : String(a.value)))
      .join(' ');
  return render(searchCompiler(connection, c as SearchObject) as Attr[]);
}

describe('toImapCriteria: shapes', () => {
  it.each([
    ['offerte', { text: 'offerte' }],
    ['"levering morgen"', { text: 'levering morgen' }],
    ['from:jan', { from: 'jan' }],
    ['to:info@', { to: 'info@' }],
    ['cc:piet', { cc: 'piet' }],
    ['subject:offerte', { subject: 'offerte' }],
    ['body:levering', { body: 'levering' }],
    ['filename:factuur.pdf', { text: 'factuur.pdf' }],
    ['has:attachment', { header: { 'Content-Type': 'multipart/mixed' } }],
    ['is:unread', { seen: false }],
    ['is:read', { seen: true }],
    ['is:flagged', { flagged: true }],
    ['is:answered', { answered: true }],
    ['-is:answered', { answered: false }],
    ['-is:unread', { seen: true }],
    ['larger:2M', { larger: 2 * 1024 ** 2 }],
    ['smaller:500k', { smaller: 500 * 1024 }],
    ['-from:noreply', { not: { from: 'noreply' } }],
    ['after:7-12-2026', { sentSince: utcDay(2026, 12, 7) }],
    ['before:7-12-2026', { sentBefore: utcDay(2026, 12, 7) }],
    ['-after:7-12-2026', { sentBefore: utcDay(2026, 12, 7) }],
    ['', { all: true }],
  ] as const)('%s', (text, expected) => {
    expect(criteria(text)).toEqual(expected);
  });

  it('ORs the atoms of a clause and ANDs clauses with different keys in one object', () => {
    expect(criteria('from:jan OR from:piet is:unread')).toEqual({ or: [{ from: 'jan' }, { from: 'piet' }], seen: false });
  });

  it('nests an AND whose keys collide instead of overwriting one', () => {
    const c = criteria('offerte levering factuur');
    expect(compiled(c)).toBe('TEXT offerte (TEXT levering TEXT factuur)');
  });

  it('takes the calendar day in the query’s zone, not the UTC day of the instant', () => {
    // after:7-12-2026 in Amsterdam is 6 Dec 23:00 UTC; the server must get 7-Dec-2026.
    expect(compiled(criteria('after:7-12-2026'))).toBe('SENTSINCE 07-Dec-2026');
    // Local midnight of 1 July in Auckland is 30 June 12:00 UTC.
    const auckland = { locale: 'en-NZ', now: Date.UTC(2026, 11, 7), timeZone: 'Pacific/Auckland' };
    expect(compiled(toImapCriteria(parseQuery('before:2026-07-01', auckland), auckland))).toBe('SENTBEFORE 01-Jul-2026');
  });

  it('leaves in:/mailbox: standing alone to the folder choice', () => {
    expect(criteria('mailbox:info@ -in:trash offerte')).toEqual({ text: 'offerte' });
  });

  it('does not widen an OR with a folder term when it cannot tell the folder', () => {
    expect(criteria('in:facturen OR from:jan')).toEqual({ from: 'jan' });
  });

  it('asks the folder test when given one', () => {
    const isFacturen = (term: { kind: string; folder?: string }) => term.folder === 'facturen';
    expect(criteria('in:facturen OR from:jan', { folderTest: isFacturen })).toEqual({ all: true });
    expect(criteria('in:archief', { folderTest: isFacturen })).toBeNull();
    expect(criteria('-in:facturen offerte', { folderTest: isFacturen })).toBeNull();
  });

  it('knows that nothing is smaller than 0 bytes and everything larger', () => {
    expect(criteria('smaller:0')).toBeNull();
    expect(criteria('larger:0 offerte')).toEqual({ text: 'offerte' });
    expect(criteria('-larger:0')).toBeNull();
  });
});

describe('toImapCriteria: compiled by imapflow', () => {
  it.each([
    ['from:"Jan de Vries" is:unread', 'FROM Jan de Vries UNSEEN'],
    ['-is:flagged larger:1M', 'UNFLAGGED LARGER 1048576'],
    ['a OR b OR c', 'OR OR TEXT a TEXT b TEXT c'],
    ['-from:x -subject:y -from:z', 'NOT FROM x (NOT SUBJECT y NOT FROM z)'],
    ['-"out of office" café', 'NOT TEXT out of office TEXT {café}'],
    ['has:attachment -has:attachment', 'HEADER CONTENT-TYPE multipart/mixed NOT HEADER CONTENT-TYPE multipart/mixed'],
  ])('%s → %s', (text, expected) => {
    expect(compiled(criteria(text))).toBe(expected);
  });

  it('compiles every clause of a long query without colliding keys', () => {
    const q = Array.from({ length: 40 }, (_, i) => (i % 2 ? `from:p${i}` : `w${i}`)).join(' ');
    const out = compiled(criteria(q));
    for (let i = 0; i < 40; i++) expect(out).toContain(i % 2 ? `FROM p${i}` : `TEXT w${i}`);
  });
});
