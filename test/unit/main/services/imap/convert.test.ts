import { describe, expect, it } from 'vitest';
import { capsFrom, flagList, toAddresses, toDate, toEnvelope } from '../../../../../src/main/services/imap/convert';

describe('capsFrom', () => {
  it('reads announced capabilities and what was ENABLEd (RFC 5161)', () => {
    const caps = capsFrom(new Map([['IMAP4rev1', true], ['IDLE', true], ['CONDSTORE', true], ['QRESYNC', true], ['UIDPLUS', true]]), new Set(['QRESYNC']));
    expect(caps).toMatchObject({ imap4rev1: true, imap4rev2: false, idle: true, condstore: true, qresync: true, uidplus: true });
  });

  it('does not count CONDSTORE as usable when it was announced but not enabled', () => {
    expect(capsFrom(new Map([['CONDSTORE', true]]), new Set())).toMatchObject({ condstore: false, qresync: false });
  });
});

describe('envelope conversion', () => {
  it('converts dates, drops empty addresses, keeps names', () => {
    expect(toDate(new Date('2024-05-14T10:00:00Z'))).toBe(Date.parse('2024-05-14T10:00:00Z'));
    expect(toDate('Tue, 14 May 2024 10:00:00 +0000')).toBe(Date.parse('2024-05-14T10:00:00Z'));
    expect(toDate('not a date')).toBeNull();
    expect(toDate(undefined)).toBeNull();
    expect(toAddresses([{ name: 'Bob', address: 'bob@example.test' }, {}, { address: 'x@example.test' }])).toEqual([
      { name: 'Bob', address: 'bob@example.test' },
      { name: '', address: 'x@example.test' },
    ]);
  });

  it('fills a sparse envelope with empty values', () => {
    expect(toEnvelope({})).toEqual({ date: null, subject: '', messageId: null, inReplyTo: null, from: [], sender: [], replyTo: [], to: [], cc: [] });
  });
});

describe('flagList', () => {
  it('keeps flags and keywords but drops the per-session \\Recent (RFC 9051 §2.3.2)', () => {
    expect(flagList(new Set(['\\Seen', '\\Recent', '$Forwarded']))).toEqual(['\\Seen', '$Forwarded']);
    expect(flagList(new Set(['\\RECENT']))).toEqual([]);
    expect(flagList(undefined)).toEqual([]);
  });
});
