import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccountId } from '../../../../../src/shared/model';
import { MAX_INLINE_IMAGE_BYTES, parseMessage } from '../../../../../src/main/services/mail/parseMessage';
import * as fx from './fixtures';

const ref = { accountId: 'acc' as AccountId, folderPath: 'INBOX', uid: 7 };

describe('parseMessage', () => {
  it('reads headers, addresses (groups flattened) and text', async () => {
    const body = await parseMessage(ref, fx.plain);
    expect(body).toMatchObject({ accountId: 'acc', folderPath: 'INBOX', uid: 7, html: null, attachments: [], inlineImages: {} });
    expect(body.text).toContain('Tot morgen!');
    expect(body.headers).toEqual({
      from: [{ name: 'Bob de Vries', address: 'bob@example.test' }],
      to: [
        { name: '', address: 'alice@example.test' },
        { name: 'Carol', address: 'carol@example.test' },
      ],
      cc: [],
      replyTo: [{ name: '', address: 'replies@example.test' }],
      sender: [{ name: '', address: 'assistant@example.test' }],
      subject: 'Café morgen',
      date: Date.parse('2024-05-14T08:00:00Z'),
      messageId: '<m1@example.test>',
      inReplyTo: null,
      references: ['<a@example.test>', '<b@example.test>'],
      deliveredTo: [],
      authResults: [],
    });
  });

  it('keeps each Authentication-Results value unfolded, topmost first (RFC 8601)', async () => {
    const body = await parseMessage(ref, fx.withAuthResults);
    expect(body.headers.authResults).toEqual(['mx.example.test;  dmarc=fail header.from=example.test', 'relay.other.test; spf=pass smtp.mailfrom=other.test']);
  });

  it('returns HTML raw (unsanitised: the renderer sanitises), cid images as data URLs, attachments with part ids', async () => {
    const body = await parseMessage(ref, fx.htmlWithImageAndAttachment);
    expect(body.html).toContain('<script>alert(1)</script>');
    expect(body.html).toContain('src="cid:logo@example.test"');
    expect(body.inlineImages).toEqual({ 'logo@example.test': `data:image/png;base64,${fx.pngBytes.toString('base64')}` });
    expect(body.attachments).toEqual([
      { partId: '1.2', filename: 'logo.png', contentType: 'image/png', size: fx.pngBytes.length, contentId: 'logo@example.test', inline: true },
      // BODYSTRUCTURE gives the encoded size (RFC 9051 §7.5.2): the decoded one is estimated.
      { partId: '2', filename: 'rapport été.pdf', contentType: 'application/pdf', size: expect.closeTo(13, -0.5), contentId: null, inline: false },
    ]);
  });

  it('leaves out inline images over 5 MB, keeps the others', async () => {
    const body = await parseMessage(ref, fx.bigInlineImage(MAX_INLINE_IMAGE_BYTES + 10));
    expect(Object.keys(body.inlineImages)).toEqual(['small@x']);
    expect(body.attachments.map((a) => a.contentId)).toEqual(['big@x', 'small@x']);
  });

  it.each([
    ['a multipart whose boundary never appears', fx.missingBoundary],
    ['a multipart without a boundary parameter', fx.multipartWithoutBoundaryParam],
    ['an unknown charset', fx.badCharset],
    ['broken base64', fx.brokenBase64],
    ['2,000 nested multiparts', fx.deeplyNested(2000)],
    ['random bytes', randomBytes(64 * 1024)],
    ['an empty message', Buffer.alloc(0)],
    ['headers only, no blank line', Buffer.from('Subject: x\r\nFrom: y')],
    ['a 1 MB header line', Buffer.from(`Subject: ${'a'.repeat(1024 * 1024)}\r\n\r\nbody`)],
  ])('does not crash on %s', async (_name, source) => {
    const body = await parseMessage(ref, source);
    expect(body.uid).toBe(7);
    expect(Array.isArray(body.attachments)).toBe(true);
    expect(typeof body.headers.subject).toBe('string');
  });

  it('decodes text in an unknown charset as best it can', async () => {
    const body = await parseMessage(ref, fx.badCharset);
    expect(body.text).toContain('Gr');
  });

  it('keeps what it can of broken base64', async () => {
    const body = await parseMessage(ref, fx.brokenBase64);
    expect(body.text).toContain('Hello');
  });
});
