import { describe, expect, it } from 'vitest';
import type { BodyNode } from '../../../../../src/main/services/mail/bodyStructure';
import { displayPlan, TEXT_PART_BYTES } from '../../../../../src/main/services/mail/displayPlan';

const text = (type = 'text/plain', extra: Partial<BodyNode> = {}): BodyNode => ({ type, encoding: '7bit', parameters: { charset: 'utf-8' }, size: 10, ...extra });
const multi = (type: string, ...childNodes: BodyNode[]): BodyNode => ({ type, childNodes });
const file = (name: string, size = 4_000_000): BodyNode => ({
  type: 'application/pdf',
  encoding: 'base64',
  size,
  disposition: 'attachment',
  dispositionParameters: { filename: name },
});
const summary = (root: BodyNode) => {
  const plan = displayPlan(root);
  const items = (list: typeof plan.items): unknown[] => list.map((i) => (i.kind === 'message' ? { message: i.partId, items: items(i.items) } : `${i.kind} ${i.partId}`));
  return { items: items(plan.items), attachments: plan.attachments.map((a) => `${a.partId} ${a.filename}`), sections: plan.sections.map((s) => s.key) };
};

describe('displayPlan: what a message shows, from BODYSTRUCTURE alone (issue #10 §1–2)', () => {
  it('shows a plain part and a later HTML part of a multipart/mixed, both, in order', () => {
    expect(summary(multi('multipart/mixed', text(), text('text/html')))).toEqual({
      items: ['plain 1', 'html 2'],
      attachments: [],
      sections: ['HEADER', '1', '2'],
    });
  });

  it('shows the richest alternative and does not list the other as an attachment', () => {
    expect(summary(multi('multipart/mixed', multi('multipart/alternative', text(), text('text/html')), file('a.pdf')))).toEqual({
      items: ['html 1.2'],
      attachments: ['2 a.pdf'],
      sections: ['HEADER', '1.2'],
    });
  });

  it('fetches only the header and the text part of a large message, never its attachment', () => {
    const plan = displayPlan(multi('multipart/mixed', text(), file('scan.bin', 41_000_000)));
    expect(plan.sections).toEqual([{ key: 'HEADER' }, { key: '1', maxLength: TEXT_PART_BYTES }]);
    expect(plan.attachments[0]).toMatchObject({ partId: '2', filename: 'scan.bin', size: expect.closeTo(41_000_000 * 0.73, -6) });
  });

  it('shows an attached message as a message, with its own header, and lists it as an attachment', () => {
    const forwarded = { type: 'message/rfc822', size: 900, disposition: 'attachment', dispositionParameters: { filename: 'fw.eml' }, childNodes: [multi('multipart/alternative', text(), text('text/html'))] };
    expect(summary(multi('multipart/mixed', text(), forwarded))).toEqual({
      items: ['plain 1', { message: '2', items: ['html 2.2'] }],
      attachments: ['2 fw.eml'],
      sections: ['HEADER', '1', '2.HEADER', '2.2'],
    });
  });

  it('lists every attachment of a 1,000-part message and shows its text', () => {
    const parts = [text(), ...Array.from({ length: 999 }, (_, i) => file(`deel-${i + 1}.csv`, 20))];
    const plan = displayPlan(multi('multipart/mixed', ...parts));
    expect(plan.items).toHaveLength(1);
    expect(plan.attachments).toHaveLength(999);
    expect(plan.attachments[998]).toMatchObject({ partId: '1000', filename: 'deel-999.csv' });
  });

  it('shows at most 100 text parts of a message made of text parts', () => {
    const plan = displayPlan(multi('multipart/mixed', ...Array.from({ length: 1000 }, () => text())));
    expect(plan.items).toHaveLength(100);
  });

  it('shows the root of a multipart/related and fetches its cid images, which are not listed as files', () => {
    const logo: BodyNode = { type: 'image/png', encoding: 'base64', size: 100, id: '<logo@x>' };
    const plan = displayPlan(multi('multipart/related', text('text/html'), logo));
    expect(plan.items.map((i) => i.partId)).toEqual(['1']);
    expect(plan.images).toEqual([{ partId: '2', contentId: 'logo@x', type: 'image/png' }]);
    expect(plan.attachments).toEqual([expect.objectContaining({ partId: '2', inline: true, contentId: 'logo@x' })]);
  });

  it('reads invitations from calendar parts of the message itself', () => {
    const plan = displayPlan(multi('multipart/mixed', text(), text('text/calendar', { parameters: { method: 'REQUEST' } })));
    expect(plan.calendars).toEqual(['2']);
    expect(plan.sections.map((s) => s.key)).toEqual(['HEADER', '1', '2']);
  });
});
