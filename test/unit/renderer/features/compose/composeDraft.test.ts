// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { MessageBody } from '../../../../../src/shared/model';
import { sanitizeMailHtml } from '../../../../../src/renderer/components/sanitize';
import { answerDraft, type DraftDeps } from '../../../../../src/renderer/features/compose/composeDraft';
import { outgoingHtml } from '../../../../../src/renderer/features/compose/editorContent';
import { i18nFor } from '../../../../../src/renderer/i18n/i18n';
import { info, own } from './identities';

function deps(language: 'en' | 'nl'): DraftDeps {
  const { t, fmt } = i18nFor(language, null);
  return { t, fmt: { ...fmt, fullDate: () => '1 May 2026 10:00' }, sanitize: (html, inlineImages) => sanitizeMailHtml(html, { inlineImages }).html };
}

const body: MessageBody = {
  accountId: info.accountId,
  folderPath: 'shared/info@example.test/INBOX',
  uid: 7,
  html: '<p onclick="steal()">Hallo <b>team</b><script>alert(1)</script></p>',
  text: 'Hallo team\n\nGroet',
  attachments: [
    { partId: '2', filename: 'offerte.pdf', contentType: 'application/pdf', size: 1200, contentId: null, inline: false },
    { partId: '3', filename: 'logo.png', contentType: 'image/png', size: 300, contentId: 'logo', inline: true },
  ],
  inlineImages: {},
  headers: {
    from: [{ name: 'Joost Willems', address: 'joost@example.nl' }],
    to: [{ name: 'Info', address: 'info@example.test' }],
    cc: [{ name: '', address: 'alice@example.test' }, { name: '', address: 'piet@example.nl' }],
    replyTo: [],
    sender: [],
    subject: 'Re: Offerte',
    date: 0,
    messageId: '<parent@example.nl>',
    inReplyTo: null,
    references: ['<root@example.test>'],
    deliveredTo: [],
    authResults: [],
  },
  invitations: [],
};
const ownAddresses = [own.address, info.address];

describe('what the composer starts with', () => {
  it('a reply: to the author, threaded, the sanitised original quoted with the attribution', () => {
    const { message, initialHtml } = answerDraft('reply', { body, size: 5000 }, info, ownAddresses, deps('en'));
    expect(message).toMatchObject({
      identityId: info.id,
      to: [{ name: 'Joost Willems', address: 'joost@example.nl' }],
      cc: [],
      subject: 'Re: Offerte',
      inReplyTo: '<parent@example.nl>',
      references: ['<root@example.test>', '<parent@example.nl>'],
      origin: { intent: 'reply', accountId: info.accountId, folderPath: body.folderPath, uid: 7 },
      attachments: [],
    });
    expect(initialHtml).toContain('On 1 May 2026 10:00, Joost Willems wrote:');
    expect(initialHtml).toContain('<blockquote type="cite"><p>Hallo <b>team</b></p></blockquote>');
    expect(initialHtml).not.toMatch(/onclick|script/);
    expect(message.text).toBe('\nOn 1 May 2026 10:00, Joost Willems wrote:\n> Hallo team\n>\n> Groet');
  });

  it('reply all in Dutch: the others in Cc without the person’s own addresses, Dutch attribution', () => {
    const { message, initialHtml } = answerDraft('replyAll', { body, size: 5000 }, info, ownAddresses, deps('nl'));
    expect(message.cc).toEqual([{ name: '', address: 'piet@example.nl' }]);
    expect(initialHtml).toContain('Op 1 May 2026 10:00 schreef Joost Willems:');
  });

  it('forward inline: header block, the original, and its real attachments as parts (not inline images)', () => {
    const { message, initialHtml } = answerDraft('forward', { body, size: 5000 }, own, ownAddresses, deps('en'));
    expect(message.subject).toBe('Fwd: Re: Offerte');
    expect(message.to).toEqual([]);
    // Answers nobody, but names the original's thread so the team can see who forwarded it.
    expect(message.inReplyTo).toBeNull();
    expect(message.references).toEqual(['<root@example.test>', '<parent@example.nl>']);
    expect(message.origin).toEqual({ intent: 'forward', accountId: info.accountId, folderPath: body.folderPath, uid: 7 });
    expect(message.attachments).toEqual([
      {
        kind: 'part',
        id: 'part-2',
        filename: 'offerte.pdf',
        contentType: 'application/pdf',
        size: 1200,
        source: { accountId: info.accountId, folderPath: body.folderPath, uid: 7, partId: '2' },
      },
    ]);
    expect(initialHtml).toContain('---------- Forwarded message ---------<br>From: Joost Willems &lt;joost@example.nl&gt;');
    expect(message.text).toContain('Cc: alice@example.test, piet@example.nl\n\nHallo team');
  });

  it('forward as attachment: the whole original as a message attachment named after its subject', () => {
    const { message } = answerDraft('forwardAsAttachment', { body: { ...body, headers: { ...body.headers, subject: 'a/b: c' } }, size: 5000 }, own, ownAddresses, deps('en'));
    expect(message.attachments).toEqual([
      { kind: 'message', id: 'original', filename: 'a_b_ c.eml', size: 5000, source: { accountId: info.accountId, folderPath: body.folderPath, uid: 7 } },
    ]);
    expect(message.inReplyTo).toBeNull();
    expect(message.references).toEqual(['<root@example.test>', '<parent@example.nl>']);
  });

  it('names forwarded attachments with the shared cleaning: no path, no controls, no bidi tricks', () => {
    const hostile = { ...body, attachments: [{ ...body.attachments[0]!, filename: '..\\evil/\u0007fac\u202Efdp.exe' }] };
    const { message } = answerDraft('forward', { body: hostile, size: 5000 }, own, ownAddresses, deps('en'));
    expect(message.attachments.map((a) => a.filename)).toEqual(['_evil_facfdp.exe']);
  });

  it('sends the editor’s HTML sanitised, with filtered styles restored as style attributes', () => {
    const html = outgoingHtml('<p data-pv-style="color: red">Hi</p><img src="https://tracker.example/x.gif"><a href="javascript:alert(1)">x</a>');
    expect(html).toBe('<p style="color: red">Hi</p><img><a>x</a>');
  });
});
