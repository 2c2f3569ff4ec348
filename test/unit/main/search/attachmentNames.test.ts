/**
 * Issue #13 §3: the attachment names a summary carries, read from BODYSTRUCTURE (imapflow has
 * decoded RFC 2231 / 2047 already; the integration test checks that against Dovecot).
 */
import { describe, expect, it } from 'vitest';
import { attachmentNames, type BodyNode } from '../../../../src/main/services/mail/bodyStructure';
import { toSummary } from '../../../../src/main/services/sync/toSummary';
import type { AccountId } from '../../../../src/shared/model';

const text = (type = 'text/plain', extra: Partial<BodyNode> = {}): BodyNode => ({ type, parameters: { charset: 'utf-8' }, ...extra });
const multi = (type: string, ...childNodes: BodyNode[]): BodyNode => ({ type, childNodes });
const file = (name: string, extra: Partial<BodyNode> = {}): BodyNode => ({ type: 'application/pdf', disposition: 'attachment', dispositionParameters: { filename: name }, ...extra });

describe('attachmentNames', () => {
  it('names every attachment in document order, by disposition filename or Content-Type name', () => {
    const root = multi(
      'multipart/mixed',
      multi('multipart/alternative', text(), text('text/html')),
      file('factuur-2026-031.pdf'),
      { type: 'image/png', parameters: { name: 'plattegrond coördinatie.png' } },
      file('notulen.txt', { type: 'text/plain' }),
    );
    expect(attachmentNames(root)).toEqual(['factuur-2026-031.pdf', 'plattegrond coördinatie.png', 'notulen.txt']);
  });

  it('leaves out what is not an attachment: body text, an HTML page’s own images, the parts of an attached message', () => {
    const root = multi(
      'multipart/mixed',
      multi('multipart/related', text('text/html'), { type: 'image/png', id: '<logo@x>', parameters: { name: 'logo.png' } }),
      { type: 'message/rfc822', childNodes: [multi('multipart/mixed', text(), file('inner.pdf'))] },
      text('text/plain', { parameters: { charset: 'utf-8', name: 'body.txt' } }),
    );
    expect(attachmentNames(root)).toEqual([]);
  });

  it('keeps a related image the sender marked as an attachment', () => {
    const root = multi('multipart/related', text('text/html'), { type: 'image/png', id: '<scan@x>', disposition: 'attachment', dispositionParameters: { filename: 'scan.png' } });
    expect(attachmentNames(root)).toEqual(['scan.png']);
  });

  it('removes control characters, cuts long names and stops at 50 names', () => {
    const long = `${'a'.repeat(300)}.pdf`;
    const many = multi('multipart/mixed', text(), file('two\r\nlines\t.pdf'), file(long), ...Array.from({ length: 60 }, (_, i) => file(`f${i}.pdf`)));
    const names = attachmentNames(many);
    expect(names[0]).toBe('two lines .pdf');
    expect(names[1]).toHaveLength(255);
    expect(names).toHaveLength(50);
  });
});

describe('toSummary: attachmentNames', () => {
  const row = (bodyStructure: BodyNode | null) => ({ uid: 7, flags: [], modseq: '0', envelope: null, bodyStructure, internalDate: 0, size: 10 });

  it('carries the names only when there are any', () => {
    const withFile = toSummary('a' as AccountId, 'INBOX', row(multi('multipart/mixed', text(), file('offerte.pdf'))), '');
    expect(withFile.attachmentNames).toEqual(['offerte.pdf']);
    expect(withFile.hasAttachments).toBe(true);
    expect('attachmentNames' in toSummary('a' as AccountId, 'INBOX', row(text()), '')).toBe(false);
    expect('attachmentNames' in toSummary('a' as AccountId, 'INBOX', row(null), '')).toBe(false);
  });
});
