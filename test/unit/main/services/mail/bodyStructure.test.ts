import { describe, expect, it } from 'vitest';
import { hasAttachments, leaves, snippetPart, type BodyNode } from '../../../../../src/main/services/mail/bodyStructure';

const text = (type = 'text/plain', extra: Partial<BodyNode> = {}): BodyNode => ({ type, encoding: 'quoted-printable', parameters: { charset: 'utf-8' }, ...extra });
const multi = (type: string, ...childNodes: BodyNode[]): BodyNode => ({ type, childNodes });
const pdf: BodyNode = { type: 'application/pdf', encoding: 'base64', disposition: 'attachment', dispositionParameters: { filename: 'a.pdf' } };

describe('leaves: part numbers (RFC 9051 §6.4.5)', () => {
  it('numbers a single-part message 1', () => {
    expect(leaves(text()).map((l) => l.partId)).toEqual(['1']);
  });

  it('numbers nested multiparts and an attached message', () => {
    const root = multi(
      'multipart/mixed',
      multi('multipart/alternative', text(), text('text/html')),
      pdf,
      { type: 'message/rfc822', childNodes: [multi('multipart/mixed', text(), pdf)] },
      { type: 'message/rfc822', childNodes: [text()] },
    );
    expect(leaves(root).map((l) => `${l.partId} ${l.type}${l.inMessage ? ' (inner)' : ''}`)).toEqual([
      '1.1 text/plain',
      '1.2 text/html',
      '2 application/pdf',
      '3 message/rfc822',
      '3.1 text/plain (inner)',
      '3.2 application/pdf (inner)',
      '4 message/rfc822',
      '4.1 text/plain (inner)',
    ]);
  });

  it('stops at absurd nesting instead of overflowing the stack', () => {
    let node: BodyNode = text();
    for (let i = 0; i < 10_000; i += 1) node = multi('multipart/mixed', node);
    expect(leaves(node)).toEqual([]);
  });
});

describe('snippetPart', () => {
  it('prefers text/plain in an alternative', () => {
    expect(snippetPart(multi('multipart/alternative', text('text/html'), text()))).toMatchObject({ partId: '2', kind: 'plain' });
  });

  it('falls back to HTML, with its encoding and charset', () => {
    const html = text('text/html', { encoding: 'BASE64', parameters: { charset: 'ISO-8859-1' } });
    expect(snippetPart(multi('multipart/related', html, { type: 'image/png', id: '<logo>' }))).toEqual({
      partId: '1',
      kind: 'html',
      encoding: 'base64',
      charset: 'ISO-8859-1',
    });
  });

  it('skips text attachments and text inside an attached message', () => {
    const attachedTxt = text('text/plain', { disposition: 'attachment', dispositionParameters: { filename: 'notes.txt' } });
    const root = multi('multipart/mixed', attachedTxt, { type: 'message/rfc822', childNodes: [text()] });
    expect(snippetPart(root)).toBeNull();
  });

  it('assumes us-ascii 7bit when the structure says nothing', () => {
    expect(snippetPart({ type: 'TEXT/PLAIN' })).toEqual({ partId: '1', kind: 'plain', encoding: '7bit', charset: 'us-ascii' });
  });
});

describe('hasAttachments', () => {
  it('is false for plain and alternative mail', () => {
    expect(hasAttachments(text())).toBe(false);
    expect(hasAttachments(multi('multipart/alternative', text(), text('text/html')))).toBe(false);
  });

  it('is true for a disposition attachment, a named non-text part, or an attached message', () => {
    expect(hasAttachments(multi('multipart/mixed', text(), pdf))).toBe(true);
    expect(hasAttachments(multi('multipart/mixed', text(), { type: 'image/jpeg', parameters: { name: 'foto.jpg' } }))).toBe(true);
    expect(hasAttachments(multi('multipart/mixed', text(), { type: 'message/rfc822', childNodes: [text()] }))).toBe(true);
    expect(hasAttachments(multi('multipart/mixed', text(), text('text/csv', { disposition: 'attachment' })))).toBe(true);
  });

  it('is false for the images of an HTML page (multipart/related with Content-ID)', () => {
    const logo: BodyNode = { type: 'image/png', id: '<logo@x>', disposition: 'inline', dispositionParameters: { filename: 'logo.png' } };
    expect(hasAttachments(multi('multipart/related', text('text/html'), logo))).toBe(false);
  });

  it('is false for an unnamed non-text part without disposition', () => {
    expect(hasAttachments(multi('multipart/mixed', text(), { type: 'application/octet-stream' }))).toBe(false);
  });
});
