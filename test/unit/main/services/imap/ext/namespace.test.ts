import { describe, expect, it } from 'vitest';
import { otherUserOf, parseNamespaceResponse } from '../../../../../../src/main/services/imap/ext/namespace';

const str = (value: string) => ({ type: 'STRING', value });

describe('parseNamespaceResponse (RFC 2342 §5)', () => {
  it("reads Dovecot's answer: own folders, other users under shared/, no shared namespace", () => {
    expect(parseNamespaceResponse([[[str(''), str('/')]], [[str('shared/'), str('/')]], null])).toEqual({
      personal: [{ prefix: '', delimiter: '/', kind: 'personal' }],
      otherUsers: [{ prefix: 'shared/', delimiter: '/', kind: 'otherUsers' }],
      shared: [],
    });
  });

  it('reads NIL sections, a NIL (flat) delimiter, several entries and ignores extensions', () => {
    const ext = [str('X-PARAM'), [str('FLAG1'), str('FLAG2')]];
    expect(parseNamespaceResponse([null, [[str('~'), null]], [[str('#public.'), str('.'), ...ext], [str('#news.'), str('.')]]])).toEqual({
      personal: [],
      otherUsers: [{ prefix: '~', delimiter: null, kind: 'otherUsers' }],
      shared: [
        { prefix: '#public.', delimiter: '.', kind: 'shared' },
        { prefix: '#news.', delimiter: '.', kind: 'shared' },
      ],
    });
  });

  it("reads Cyrus's answer without altnamespace: INBOX., user., and public folders at the top", () => {
    expect(parseNamespaceResponse([[[str('INBOX.'), str('.')]], [[str('user.'), str('.')]], [[str(''), str('.')]]])).toEqual({
      personal: [{ prefix: 'INBOX.', delimiter: '.', kind: 'personal' }],
      otherUsers: [{ prefix: 'user.', delimiter: '.', kind: 'otherUsers' }],
      shared: [{ prefix: '', delimiter: '.', kind: 'shared' }],
    });
  });

  it('rejects a response with a section missing or malformed', () => {
    expect(() => parseNamespaceResponse([null, null])).toThrow(/three/);
    expect(() => parseNamespaceResponse([str('x'), null, null])).toThrow(/namespace list/);
    expect(() => parseNamespaceResponse([[[str('')]], null, null])).toThrow(/prefix delimiter/);
  });
});

describe('otherUserOf', () => {
  const ns = { personal: [{ prefix: '', delimiter: '/' }], otherUsers: [{ prefix: 'shared/', delimiter: '/' }], shared: [] };
  it('finds the owner after the prefix', () => {
    expect(otherUserOf(ns, 'shared/info@example.test/INBOX/Projecten')).toEqual({ owner: 'info@example.test', prefix: 'shared/', rest: 'INBOX/Projecten' });
    expect(otherUserOf(ns, 'shared/info@example.test')).toEqual({ owner: 'info@example.test', prefix: 'shared/', rest: '' });
  });
  it('returns null for own folders and the bare prefix', () => {
    expect(otherUserOf(ns, 'INBOX')).toBeNull();
    expect(otherUserOf(ns, 'shared/')).toBeNull();
    expect(otherUserOf(ns, 'sharedstuff')).toBeNull();
  });
});
