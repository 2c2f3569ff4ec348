// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BodyParts, shownParts } from '../../../../../src/renderer/features/mail/BodyParts';
import type { BodyRow } from '../../../../../src/renderer/db/rows';
import { useStore } from '../../../../../src/renderer/store';
import { render, type Rendered } from '../../support/render';

vi.mock('../../../../../src/renderer/api', () => ({
  api: { call: async () => ({ ok: true, value: undefined }), on: () => () => undefined },
  platform: { host: 'browser', saveFile: async () => undefined, onReconnect: () => () => undefined },
}));

const headers = { from: [], to: [], cc: [], replyTo: [], sender: [], subject: '', date: 0, messageId: null, inReplyTo: null, references: [], deliveredTo: [], authResults: [] };
const body = (extra: Partial<BodyRow>): BodyRow =>
  ({ accountId: 'a', folderPath: 'INBOX', uid: 1, html: null, text: null, attachments: [], inlineImages: {}, headers, invitations: [], fetchedAt: 0, ...extra }) as BodyRow;
let view: Rendered | null = null;
afterEach(() => view?.unmount());

describe('BodyParts (issue #10 §2)', () => {
  it('shows every plain part in order and an attached message under its own header', async () => {
    useStore.setState({ language: 'en' });
    const parts: NonNullable<BodyRow['parts']> = [
      { kind: 'text', text: 'First part' },
      { kind: 'text', text: 'Second part' },
      { kind: 'message', partId: '3', headers: { from: [{ name: 'Dave', address: 'dave@partner.example' }], to: [], cc: [], subject: 'Inner', date: 0 }, parts: [{ kind: 'text', text: 'Inner text https://partner.example/x' }] },
    ];
    view = await render(<BodyParts parts={parts} body={body({ parts })} tag="t" />);
    const text = view.container.textContent ?? '';
    expect(text.indexOf('First part')).toBeLessThan(text.indexOf('Second part'));
    const attached = view.container.querySelector('section[aria-label="Attached message: Inner"]');
    expect(attached?.textContent).toContain('dave@partner.example');
    expect(attached?.querySelector('a')?.getAttribute('href')).toBe('https://partner.example/x');
  });

  it('shows a body cached before issue #10 (no parts) by its HTML, else its text', () => {
    expect(shownParts(body({ html: '<p>x</p>', text: 'x' }))).toEqual([{ kind: 'html', html: '<p>x</p>' }]);
    expect(shownParts(body({ text: 'plain' }))).toEqual([{ kind: 'text', text: 'plain' }]);
    expect(shownParts(body({}))).toEqual([]);
  });
});
