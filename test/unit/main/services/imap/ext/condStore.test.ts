import { describe, expect, it } from 'vitest';
import { conditionalStoreOutcome, modseqArg } from '../../../../../../src/main/services/imap/ext/condStore';
import { expandSequenceSet } from '../../../../../../src/main/services/imap/ext/imapValues';

describe('conditionalStoreOutcome (RFC 7162 §3.1.3)', () => {
  it('is ok without a MODIFIED code', () => {
    expect(conditionalStoreOutcome(1, undefined, [])).toEqual({ ok: true });
  });
  it('reports the messages the server did not change', () => {
    expect(conditionalStoreOutcome(1, 'MODIFIED', ['1'])).toEqual({ ok: false, modified: [1] });
    expect(conditionalStoreOutcome(4, 'MODIFIED', ['1:5,9'])).toEqual({ ok: false, modified: [1, 2, 3, 4, 5, 9] });
  });
  it('is ok when MODIFIED names only other messages', () => {
    expect(conditionalStoreOutcome(7, 'MODIFIED', ['1:5'])).toEqual({ ok: true });
  });
  it('refuses a MODIFIED set it cannot read', () => {
    expect(() => conditionalStoreOutcome(1, 'MODIFIED', ['1:*'])).toThrow(/sequence set/);
    expect(() => conditionalStoreOutcome(1, 'MODIFIED', [])).toThrow(/sequence set/);
  });
});

describe('expandSequenceSet', () => {
  it('expands, sorts and dedupes, reversed ranges included', () => {
    expect(expandSequenceSet('5:3,1,4')).toEqual([1, 3, 4, 5]);
  });
  it('refuses 0 and sets above the cap', () => {
    expect(() => expandSequenceSet('0')).toThrow();
    expect(() => expandSequenceSet('1:200000')).toThrow(/range/);
  });
});

describe('modseqArg', () => {
  it('accepts decimal strings, bigints and safe numbers up to 2^63-1', () => {
    expect(modseqArg('0009')).toBe('9');
    expect(modseqArg(9223372036854775807n)).toBe('9223372036854775807');
    expect(modseqArg(42)).toBe('42');
  });
  it('refuses anything else', () => {
    for (const bad of ['9223372036854775808', '-1', '1e3', '', 2 ** 60, 1.5]) expect(() => modseqArg(bad)).toThrow(/mod-sequence/);
  });
});
