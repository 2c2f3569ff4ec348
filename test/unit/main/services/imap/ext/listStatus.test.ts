import { describe, expect, it } from 'vitest';
import { mergeListStatus, parseListLine, parseStatusLine } from '../../../../../../src/main/services/imap/ext/listStatus';

const atom = (value: string) => ({ type: 'ATOM', value });
const slash = { type: 'STRING', value: '/' };

describe('parseListLine / parseStatusLine', () => {
  it('reads a LIST line with extended data and a NIL delimiter', () => {
    expect(parseListLine([[atom('\\HasChildren')], slash, atom('shared/info@example.test/INBOX'), [atom('CHILDINFO'), [atom('SUBSCRIBED')]]])).toEqual({
      flags: ['\\HasChildren'],
      delimiter: '/',
      name: 'shared/info@example.test/INBOX',
    });
    expect(parseListLine([[], null, atom('Flat')]).delimiter).toBeNull();
    expect(() => parseListLine([atom('x'), slash, atom('y')])).toThrow(/LIST/);
  });

  it('reads STATUS items, keeping a 63-bit HIGHESTMODSEQ exact and skipping unknown items', () => {
    const items = ['MESSAGES', '15', 'UIDNEXT', '16', 'UIDVALIDITY', '1700000000', 'UNSEEN', '3', 'HIGHESTMODSEQ', '9223372036854775807', 'SIZE', '4096'];
    expect(parseStatusLine([atom('INBOX'), items.map(atom)])).toEqual({
      name: 'INBOX',
      status: { messages: 15, uidNext: 16, uidValidity: 1_700_000_000, unseen: 3, highestModseq: '9223372036854775807' },
    });
    expect(() => parseStatusLine([atom('INBOX'), [atom('MESSAGES'), atom('x')]])).toThrow(/MESSAGES|messages/);
  });
});

describe('mergeListStatus', () => {
  it('merges the duplicate LIST line of a shared INBOX with children and attaches its STATUS', () => {
    const lines = [
      { name: 'INBOX', flags: ['\\HasNoChildren'], delimiter: '/' },
      { name: 'shared/info@example.test/INBOX', flags: [], delimiter: '/' },
      { name: 'shared/info@example.test/INBOX/Projecten', flags: ['\\HasNoChildren'], delimiter: '/' },
      { name: 'shared/info@example.test/INBOX', flags: ['\\HasChildren'], delimiter: '/' },
      { name: 'shared', flags: ['\\NonExistent'], delimiter: '/' },
    ];
    const statuses = [
      { name: 'INBOX', status: { messages: 29 } },
      { name: 'shared/info@example.test/INBOX', status: { messages: 15, uidNext: 16 } },
    ];
    const merged = mergeListStatus(lines, statuses, (w) => w);
    expect(merged.map((f) => f.path)).toEqual(['INBOX', 'shared/info@example.test/INBOX', 'shared/info@example.test/INBOX/Projecten', 'shared']);
    expect(merged[1]).toEqual({ path: 'shared/info@example.test/INBOX', flags: ['\\HasChildren'], delimiter: '/', status: { messages: 15, uidNext: 16 } });
    expect(merged[2]!.status).toBeNull();
    expect(merged[3]!.status).toBeNull();
  });

  it('does not double a flag that differs only in case, and ignores STATUS for unlisted names', () => {
    const merged = mergeListStatus(
      [
        { name: 'A', flags: ['\\Marked'], delimiter: '/' },
        { name: 'A', flags: ['\\marked', '\\Sent'], delimiter: null },
      ],
      [{ name: 'B', status: { messages: 1 } }],
      (w) => w,
    );
    expect(merged).toEqual([{ path: 'A', flags: ['\\Marked', '\\Sent'], delimiter: '/', status: null }]);
  });
});
