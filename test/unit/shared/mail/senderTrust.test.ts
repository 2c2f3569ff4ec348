/** Issue #10 §3: calm warnings where a sender is not what it seems. */
import { describe, expect, it } from 'vitest';
import { parseAuthResults } from '../../../../src/shared/mail/authResults';
import { defaultAuthservIds, parseAuthservIds, senderWarnings, suspiciousScripts, trustedAuthservIds, type SenderTrustInput } from '../../../../src/shared/mail/senderTrust';

const base: SenderTrustInput = {
  from: [{ name: 'Anna Jansen', address: 'anna@customer.example' }],
  authResults: [],
  ownAddresses: ['alice@example.test', 'info@example.test'],
  trustedAuthservIds: ['mail.example.test', 'example.test'],
};
const kinds = (input: Partial<SenderTrustInput>) => senderWarnings({ ...base, ...input }).map((w) => w.kind);

describe('parseAuthResults (RFC 8601)', () => {
  it('reads the authserv-id and each method, without comments and properties', () => {
    expect(
      parseAuthResults(
        'mx.example.test (Postfix) 1; spf=fail (sender IP is 192.0.2.1) smtp.mailfrom=evil.test;\r\n dkim=none; DMARC=fail header.from=example.test',
      ),
    ).toEqual({
      authservId: 'mx.example.test',
      results: [
        { method: 'spf', result: 'fail' },
        { method: 'dkim', result: 'none' },
        { method: 'dmarc', result: 'fail' },
      ],
    });
  });

  it('handles a quoted id, method versions, semicolons in quoted properties and "none"', () => {
    expect(parseAuthResults('"example.test"; dkim/1=pass header.b="a;b" ; spf = pass')).toEqual({
      authservId: 'example.test',
      results: [
        { method: 'dkim', result: 'pass' },
        { method: 'spf', result: 'pass' },
      ],
    });
    expect(parseAuthResults('example.test; none')).toEqual({ authservId: 'example.test', results: [] });
    expect(parseAuthResults('  (only a comment) ')).toBeNull();
  });
});

describe('a display name that is another address', () => {
  it('warns for "info@bank.example" <x@evil.test>', () => {
    expect(senderWarnings({ ...base, from: [{ name: 'info@bank.example', address: 'x@evil.test' }] })).toEqual([
      { kind: 'nameIsOtherAddress', claimed: 'info@bank.example', actual: 'x@evil.test' },
    ]);
    expect(kinds({ from: [{ name: 'Info <info@example.test>', address: 'phish@evil.test' }] })).toEqual(['nameIsOtherAddress']);
  });

  it('is quiet when the name is the same address or no address', () => {
    expect(kinds({ from: [{ name: 'Anna@Customer.example', address: 'anna@customer.example' }] })).toEqual([]);
    expect(kinds({ from: [{ name: 'Anna Jansen (at the office)', address: 'anna@customer.example' }] })).toEqual([]);
  });
});

describe('mixed scripts in a word', () => {
  it('warns for PаyPal with a Cyrillic а', () => {
    expect(senderWarnings({ ...base, from: [{ name: 'P\u0430yPal Support', address: 'service@paypal.example' }] })).toEqual([
      { kind: 'mixedScripts', word: 'P\u0430yPal', scripts: ['Latn', 'Cyrl'] },
    ]);
    expect(suspiciousScripts('Αpple')).toEqual(['Grek', 'Latn']);
    expect(kinds({ from: [{ name: 'Service', address: 'service@p\u0430ypal.example' }] })).toEqual(['mixedScripts']);
  });

  it('is quiet for one script per word, and for the mixes languages use', () => {
    expect(suspiciousScripts('Иван')).toBeNull();
    expect(suspiciousScripts('Zoë')).toBeNull();
    expect(suspiciousScripts('東京タワーTV')).toBeNull();
    expect(suspiciousScripts('한국어漢字')).toBeNull();
    expect(kinds({ from: [{ name: 'Иван Petrov', address: 'ivan@customer.example' }] })).toEqual([]);
  });
});

describe('own address that the own server says failed', () => {
  const spoof = { from: [{ name: 'Info', address: 'INFO@example.test' }] };

  it('warns when the own server says dmarc=fail', () => {
    expect(senderWarnings({ ...base, ...spoof, authResults: ['mail.example.test; spf=fail smtp.mailfrom=evil.test; dmarc=fail header.from=example.test'] })).toEqual([
      { kind: 'ownAddressFailed', address: 'INFO@example.test', method: 'dmarc' },
    ]);
  });

  it('without DMARC, an SPF fail or a DKIM fail with no DKIM pass counts', () => {
    expect(kinds({ ...spoof, authResults: ['mx1.example.test; spf=fail'] })).toEqual(['ownAddressFailed']);
    expect(kinds({ ...spoof, authResults: ['example.test; dkim=fail'] })).toEqual(['ownAddressFailed']);
    expect(kinds({ ...spoof, authResults: ['example.test; dkim=fail; dkim=pass; spf=softfail'] })).toEqual([]);
  });

  it('ignores statements by any other authserv-id', () => {
    expect(kinds({ ...spoof, authResults: ['evil.test; dmarc=fail', 'example.test.evil.test; spf=fail', 'notexample.test; spf=fail'] })).toEqual([]);
  });

  it('a forged pass does not hide the own server fail', () => {
    expect(kinds({ ...spoof, authResults: ['mail.example.test; dmarc=fail', 'mail.example.test; dmarc=pass'] })).toEqual(['ownAddressFailed']);
  });

  it('is quiet when it passed, and for mail from others', () => {
    expect(kinds({ ...spoof, authResults: ['mail.example.test; dmarc=pass; spf=fail'] })).toEqual([]);
    expect(kinds({ authResults: ['mail.example.test; dmarc=fail'] })).toEqual([]);
  });
});

describe('defaultAuthservIds', () => {
  it('is the IMAP host, its domain and the address domain', () => {
    expect(defaultAuthservIds({ email: 'alice@example.test', imap: { host: 'IMAP.Mail.example.test' } })).toEqual(['imap.mail.example.test', 'mail.example.test', 'example.test']);
    expect(defaultAuthservIds({ email: 'alice@example.test', imap: { host: '127.0.0.1' } })).toEqual(['example.test']);
  });
});

describe('the person’s own choice of authserv-ids', () => {
  it('reads names separated by commas or spaces, leaving out what is no name', () => {
    expect(parseAuthservIds(' MX.Example.test, mail.example.test.  bad_id  example.test ;')).toEqual(['mx.example.test', 'mail.example.test', 'example.test']);
    expect(parseAuthservIds('')).toEqual([]);
  });

  it('replaces the defaults when made, and falls back to them when empty', () => {
    const account = { email: 'alice@example.test', imap: { host: 'imap.example.test' } };
    expect(trustedAuthservIds(account, ['mx.google.com'])).toEqual(['mx.google.com']);
    expect(trustedAuthservIds(account, [])).toEqual(['imap.example.test', 'example.test']);
    expect(trustedAuthservIds(account, undefined)).toEqual(['imap.example.test', 'example.test']);
  });
});
