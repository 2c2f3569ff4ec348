import { describe, expect, it } from 'vitest';
import type { AccountId } from '../../../../../src/shared/model';
import type { OutboxItem } from '../../../../../src/shared/model/compose';
import { outboxNotices } from '../../../../../src/renderer/features/outbox/outboxNotices';
import { outboxErrorText, outboxStateText, pendingItems, sizeLimitFrom } from '../../../../../src/renderer/features/outbox/outboxWording';
import { i18nFor } from '../../../../../src/renderer/i18n/i18n';

const en = i18nFor('en', 'en-GB');
const nl = i18nFor('nl', 'nl-NL');

function item(extra: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 'm1234567',
    accountId: 'acc-a' as AccountId,
    identityId: 'acc-a:shared:info@example.test',
    from: { name: 'Info', address: 'info@example.test' },
    sender: null,
    recipients: [{ name: '', address: 'joost@example.nl' }],
    subject: 'Re: Offerte',
    messageId: '<x@example.test>',
    state: 'waiting',
    createdAt: 0,
    sendAt: 0,
    attempts: 0,
    nextAttemptAt: null,
    error: null,
    sentCopies: [],
    copyFellBackToOwn: false,
    sentAt: null,
    ...extra,
  };
}

const senderRefused = { code: 'senderRefused' as const, message: '553 5.7.1 <info@example.test>: Sender address rejected: not owned by user carol@example.test' };

describe('the outbox in words', () => {
  it('says each state', () => {
    const at = new Date(2026, 4, 1, 14, 5).getTime();
    expect(outboxStateText(item({ state: 'waiting' }), en.t, en.fmt)).toBe('Waiting to send');
    expect(outboxStateText(item({ state: 'queued' }), en.t, en.fmt)).toBe('Waiting to send');
    expect(outboxStateText(item({ state: 'sending' }), en.t, en.fmt)).toBe('Sending…');
    expect(outboxStateText(item({ state: 'retrying', nextAttemptAt: at }), nl.t, nl.fmt)).toMatch(/^Nieuwe poging om /);
    expect(outboxStateText(item({ state: 'retrying', nextAttemptAt: null }), en.t, en.fmt)).toBe('Will retry shortly');
    expect(outboxStateText(item({ state: 'refused', error: senderRefused }), en.t, en.fmt)).toBe('Not sent: you may not send from this address');
    expect(outboxStateText(item({ state: 'refused', error: senderRefused }), nl.t, nl.fmt)).toBe('Niet verzonden: je mag niet vanaf dit adres verzenden');
  });

  it('explains a sender refusal with what to do, in English and Dutch', () => {
    expect(outboxErrorText(item({ state: 'refused', error: senderRefused }), en.t, en.fmt)).toBe(
      'You may not send as info@example.test. Ask an administrator for Send As, or send from your own address.',
    );
    expect(outboxErrorText(item({ state: 'refused', error: senderRefused }), nl.t, nl.fmt)).toBe(
      'Je mag niet verzenden als info@example.test. Vraag een beheerder om het recht Verzenden als, of verzend vanaf je eigen adres.',
    );
  });

  it('names refused recipients, and the size limit when the server gives one', () => {
    const recipient = item({ error: { code: 'recipientRefused', message: '550 5.1.1 unknown', recipients: ['nobody@example.test'] } });
    expect(outboxErrorText(recipient, en.t, en.fmt)).toBe('The mail server refused nobody@example.test. Check the address, or remove it and send again.');
    const big = item({ error: { code: 'messageTooLarge', message: '552 5.3.4 Message size exceeds fixed limit 10240000' } });
    expect(outboxErrorText(big, en.t, en.fmt)).toBe('This message is larger than the server accepts (10.2 MB). Remove attachments or share them another way.');
    expect(sizeLimitFrom('552 5.3.4 Message too big')).toBeNull();
    const offline = item({ state: 'retrying', error: { code: 'offline', message: 'connect ECONNREFUSED' } });
    expect(outboxErrorText(offline, en.t, en.fmt)).toBe('No connection to the mail server. Postvak sends it as soon as the connection is back.');
    expect(outboxErrorText(item(), en.t, en.fmt)).toBeNull();
  });

  it('has words for every error code in both languages', () => {
    const codes = ['senderRefused', 'recipientRefused', 'messageTooLarge', 'authFailed', 'noPassword', 'offline', 'tlsFailed', 'serverError', 'attachmentUnavailable', 'unknown'] as const;
    for (const code of codes) {
      for (const { t, fmt } of [en, nl]) {
        const text = outboxErrorText(item({ error: { code, message: 'x' } }), t, fmt);
        expect(text).toMatch(/^[A-Z].+\.$/);
        expect(text).not.toContain('{');
      }
    }
  });

  it('counts only what is not sent yet', () => {
    expect(pendingItems([item({ id: 'a1234567', state: 'sent' }), item({ id: 'b1234567', state: 'refused' })]).map((i) => i.id)).toEqual(['b1234567']);
  });

  it('tells a refusal and a Sent copy in the own Sent folder once per message', () => {
    const told = new Set<string>();
    const refused = item({ state: 'refused', attempts: 1, error: senderRefused });
    const copied = item({ id: 'c1234567', state: 'sent', copyFellBackToOwn: true });
    expect(outboxNotices([refused, copied], told, en.t)).toEqual([
      { tone: 'error', text: '“Re: Offerte” was not sent. Open the Outbox to see why.' },
      {
        tone: 'info',
        text: 'The copy of “Re: Offerte” was saved in your own Sent folder: the Sent folder of info@example.test could not be written.',
      },
    ]);
    expect(outboxNotices([refused, copied], told, en.t)).toEqual([]);
    expect(outboxNotices([{ ...refused, attempts: 2 }], told, en.t)).toHaveLength(1);
  });
});
