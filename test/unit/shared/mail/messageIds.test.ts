/** Issue #12 §4: References as the conversation index reads them (RFC 5322 §3.6.4, tolerant). */
import { describe, expect, it } from 'vitest';
import { boundReferences, keptReferences, msgIdKey, msgIdsIn, referencesFromHeaderBlock } from '../../../../src/shared/mail/messageIds';

describe('referencesFromHeaderBlock', () => {
  it('reads a folded References field as imapflow returns it', () => {
    const raw = 'References: <a@x.test>\r\n <b@x.test>\r\n\t<c@x.test>\r\n\r\n';
    expect(referencesFromHeaderBlock(raw)).toEqual(['<a@x.test>', '<b@x.test>', '<c@x.test>']);
  });

  it('skips comments and phrases, drops duplicates and takes ids without brackets when there are no others', () => {
    expect(referencesFromHeaderBlock('references: (old) <a@x> junk <a@x> "quoted" <b@y>\r\n')).toEqual(['<a@x>', '<b@y>']);
    expect(referencesFromHeaderBlock('References: a@x b@y nonsense\r\n')).toEqual(['<a@x>', '<b@y>']);
    expect(referencesFromHeaderBlock('References: \r\n')).toEqual([]);
    expect(referencesFromHeaderBlock('')).toEqual([]);
  });

  it('keeps the root and the nearest ancestors of a long chain', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `<m${i}@x>`);
    const kept = referencesFromHeaderBlock(`References: ${ids.join(' ')}\r\n`);
    expect(kept).toHaveLength(keptReferences);
    expect(kept[0]).toBe('<m0@x>');
    expect(kept.at(-1)).toBe('<m299@x>');
    expect(kept[1]).toBe('<m280@x>');
  });
});

describe('msgIdKey', () => {
  it('compares ids with and without brackets as the same', () => {
    expect(msgIdKey('<a@x>')).toBe('a@x');
    expect(msgIdKey(' a@x ')).toBe('a@x');
    expect(msgIdKey('<a@x> (sent by Bob)')).toBe('a@x');
    expect(msgIdKey('')).toBeNull();
    expect(msgIdKey(null)).toBeNull();
    expect(msgIdKey('two words')).toBeNull();
  });

  it('takes the first id of an In-Reply-To', () => {
    expect(msgIdsIn('<p@x> <q@x>')).toEqual(['<p@x>', '<q@x>']);
    expect(msgIdKey('<p@x> <q@x>')).toBe('p@x');
  });

  it('bounds lists without changing short ones', () => {
    expect(boundReferences(['<a>', '<b>'])).toEqual(['<a>', '<b>']);
  });
});
