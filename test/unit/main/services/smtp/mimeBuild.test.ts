import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../../../src/shared/model/compose';
import { buildDraft, buildOutgoing, formatAddress, newMessageId, type MimeInput } from '../../../../../src/main/services/smtp/mimeBuild';
import { parseAnswerHeaders } from '../../../../../src/main/services/mail/parseMessage';

const message: OutgoingMessage = {
  id: 'compose-0001',
  accountId: 'a',
  identityId: 'a:shared:info@example.test',
  to: [{ name: 'Jörg Müller', address: 'joerg@example.org' }],
  cc: [{ name: '', address: 'cc@example.org' }],
  bcc: [{ name: 'Hidden', address: 'hidden@example.org' }],
  subject: 'Re: Vergadering über Café — € 🎉',
  text: 'Dag Jörg,\n\nPrima.\n',
  html: '<p>Dag <b>Jörg</b>,</p><p>Prima.</p>',
  attachments: [],
  inReplyTo: '<orig-1@example.org>',
  references: ['<root@example.org>', '<orig-1@example.org>'],
  origin: { intent: 'reply', accountId: 'a', folderPath: 'shared/info@example.test/INBOX', uid: 7 },
  draft: null,
};

const forwarded = Buffer.from('From: a@example.org\r\nTo: b@example.org\r\nSubject: Origineel\r\nMessage-ID: <fw@example.org>\r\n\r\nDe tekst.\r\n');

function input(over: Partial<MimeInput> = {}): MimeInput {
  return {
    message,
    from: { name: 'Info Ontvangst', address: 'info@example.test' },
    sender: null,
    author: { name: 'Zoë de Vries', address: 'alice@example.test' },
    messageId: '<fixed-id@example.test>',
    date: new Date('2026-03-01T10:00:00Z'),
    attachments: [
      { filename: 'offerte €.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 fake') },
      { filename: 'Origineel.eml', contentType: 'message/rfc822', content: forwarded },
    ],
    ...over,
  };
}

const addr = (value: AddressObject | AddressObject[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.value);

describe('buildOutgoing', () => {
  it('builds the wire copy without Bcc and the Sent copy with Bcc, author and intent, same Message-ID and Date', async () => {
    const { wire, copy } = await buildOutgoing(input());
    const w = await simpleParser(wire);
    const c = await simpleParser(copy);
    expect(w.messageId).toBe('<fixed-id@example.test>');
    expect(c.messageId).toBe('<fixed-id@example.test>');
    expect(w.date?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(c.date?.toISOString()).toBe(w.date?.toISOString());
    expect(w.headers.has('bcc')).toBe(false);
    expect(wire.toString('latin1')).not.toMatch(/hidden@example\.org/);
    expect(addr(c.bcc)).toEqual([{ name: 'Hidden', address: 'hidden@example.org' }]);
    expect(w.headers.has('x-postvak-author')).toBe(false);
    expect(copy.toString('latin1')).toMatch(/^X-Postvak-Author: =\?UTF-8\?Q\?Zo=C3=AB_de_Vries\?= <alice@example\.test>\r$/m);
    expect(c.headers.get('x-postvak-intent')).toBe('reply');
    const head = copy.subarray(0, copy.indexOf('\r\n\r\n') + 2);
    expect(await parseAnswerHeaders(head)).toEqual({
      from: { name: 'Info Ontvangst', address: 'info@example.test' },
      sender: null,
      author: { name: 'Zoë de Vries', address: 'alice@example.test' },
      intent: 'reply',
      date: Date.parse('2026-03-01T10:00:00Z'),
    });
  });

  it('encodes non-ASCII names and subjects as RFC 2047 encoded words and keeps them readable', async () => {
    const { wire } = await buildOutgoing(input());
    const head = wire.toString('latin1').split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    expect(head).not.toMatch(/[\u0080-\u00ff]/);
    const parsed = await simpleParser(wire);
    expect(parsed.subject).toBe('Re: Vergadering über Café — € 🎉');
    expect(addr(parsed.to)).toEqual([{ name: 'Jörg Müller', address: 'joerg@example.org' }]);
    expect(addr(parsed.from)).toEqual([{ name: 'Info Ontvangst', address: 'info@example.test' }]);
  });

  it('sets Sender only for send on behalf', async () => {
    const asIs = await simpleParser((await buildOutgoing(input())).wire);
    expect(asIs.headers.has('sender')).toBe(false);
    const onBehalf = await simpleParser((await buildOutgoing(input({ sender: { name: 'Bob', address: 'bob@example.test' } }))).wire);
    expect(addr(onBehalf.headers.get('sender') as AddressObject)).toEqual([{ name: 'Bob', address: 'bob@example.test' }]);
  });

  it('keeps threading headers', async () => {
    const parsed = await simpleParser((await buildOutgoing(input())).wire);
    expect(parsed.inReplyTo).toBe('<orig-1@example.org>');
    expect(parsed.references).toEqual(['<root@example.org>', '<orig-1@example.org>']);
  });

  it('makes text/plain and text/html alternatives and carries attachments, a forward as message/rfc822', async () => {
    const { wire } = await buildOutgoing(input());
    expect(wire.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/);
    const parsed = await simpleParser(wire);
    expect(parsed.text).toContain('Prima.');
    expect(parsed.html).toContain('<b>Jörg</b>');
    const pdf = parsed.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe('offerte €.pdf');
    expect(pdf?.content.toString()).toBe('%PDF-1.4 fake');
    const rfc822 = parsed.attachments.find((a) => a.contentType === 'message/rfc822');
    expect(rfc822?.content.toString()).toContain('Subject: Origineel');
  });

  it('is a single text/plain part for a plain message without attachments, with CRLF line ends', async () => {
    const { wire } = await buildOutgoing(input({ message: { ...message, html: null }, attachments: [] }));
    expect(wire.toString('latin1')).toMatch(/^Content-Type: text\/plain; charset=utf-8/m);
    expect(wire.toString('latin1')).not.toMatch(/[^\r]\n/);
  });

  it('marks forwards in the Sent copy and leaves the intent out for a new message', async () => {
    const fwd = await simpleParser((await buildOutgoing(input({ message: { ...message, origin: { ...message.origin!, intent: 'forwardAsAttachment' } } }))).copy);
    expect(fwd.headers.get('x-postvak-intent')).toBe('forward');
    const fresh = await simpleParser((await buildOutgoing(input({ message: { ...message, origin: null, inReplyTo: null, references: [] } }))).copy);
    expect(fresh.headers.has('x-postvak-intent')).toBe(false);
  });
});

describe('buildDraft', () => {
  it('keeps Bcc and the composer id', async () => {
    const parsed = await simpleParser(await buildDraft(input()));
    expect(addr(parsed.bcc)).toEqual([{ name: 'Hidden', address: 'hidden@example.org' }]);
    expect(parsed.headers.get('x-postvak-draft-id')).toBe('compose-0001');
  });
});

describe('formatAddress', () => {
  it('quotes ASCII names and encodes others (RFC 5322 §3.4, RFC 2047)', () => {
    expect(formatAddress({ name: 'Bob "B" Smith', address: 'bob@example.test' })).toBe('"Bob \\"B\\" Smith" <bob@example.test>');
    expect(formatAddress({ name: '', address: 'bob@example.test' })).toBe('<bob@example.test>');
    expect(formatAddress({ name: 'Zoë', address: 'z@example.test' })).toBe('=?UTF-8?Q?Zo=C3=AB?= <z@example.test>');
  });
});

describe('newMessageId', () => {
  it('is unique and in the From domain (RFC 5322 §3.6.4)', () => {
    const a = newMessageId('Info@Example.Test');
    expect(a).toMatch(/^<[A-Za-z0-9_-]{24}@example\.test>$/);
    expect(newMessageId('info@example.test')).not.toBe(a);
  });
});

describe('no CR/LF reaches a header (issue #10 §6)', () => {
  /** Header names of a raw message, in order (unfolded). */
  function headerNames(raw: Buffer): string[] {
    const head = raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
    return head
      .split('\r\n')
      .filter((line) => !/^[ \t]/.test(line))
      .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
  }

  it('a display name, subject, recipient name and file name with CR/LF add no header to either copy or a draft', async () => {
    const evil = 'Zoë\r\nX-Injected: yes\r\nBcc: victim@example.org';
    const over = {
      author: { name: 'Alice\r\nX-Injected: author', address: 'alice@example.test' },
      from: { name: evil, address: 'info@example.test' },
      message: {
        ...message,
        subject: 'Hallo\r\nX-Injected: subject',
        to: [{ name: 'Klant\nX-Injected: to', address: 'joerg@example.org' }],
        references: ['<root@example.org>\r\nX-Injected: refs'],
      },
      attachments: [{ filename: 'a\r\nX-Injected: file.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF') }],
    };
    const { wire, copy } = await buildOutgoing(input(over));
    const draft = await buildDraft(input(over));
    for (const raw of [wire, copy, draft]) {
      expect(headerNames(raw)).not.toContain('x-injected');
      expect(raw.toString('latin1')).not.toMatch(/\r\nX-Injected:/i);
    }
    const c = await simpleParser(copy);
    expect(c.headers.get('x-postvak-author')).toBeDefined();
    expect(copy.toString('latin1')).toMatch(/^X-Postvak-Author: "Alice X-Injected: author" <alice@example\.test>\r$/m);
    expect(c.subject).toBe('Hallo X-Injected: subject');
    expect(addr(c.to)).toEqual([{ name: 'Klant X-Injected: to', address: 'joerg@example.org' }]);
    expect(addr(c.bcc)).toEqual([{ name: 'Hidden', address: 'hidden@example.org' }]);
  });
});
