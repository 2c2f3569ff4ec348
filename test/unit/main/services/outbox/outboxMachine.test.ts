import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../../src/shared/model/compose';
import type { AccountId } from '../../../../../src/shared/model';
import { cancellable, nextActionAt, retryDelay, transition, OutboxTransitionError, type RetryTuning } from '../../../../../src/main/services/outbox/outboxMachine';

const tuning: RetryTuning = { retryBaseMs: 1_000, retryCapMs: 10_000 };

function item(over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 'msg-00000001',
    accountId: 'a' as AccountId,
    identityId: 'a:own',
    from: { name: 'Alice', address: 'alice@example.test' },
    sender: null,
    recipients: [{ name: '', address: 'x@example.org' }],
    subject: 'Hi',
    messageId: '<1@example.test>',
    state: 'waiting',
    createdAt: 100,
    sendAt: 5_100,
    attempts: 0,
    nextAttemptAt: null,
    error: null,
    sentCopies: [],
    copyFellBackToOwn: false,
    sentAt: null,
    ...over,
  };
}

const offline = { code: 'offline' as const, message: 'connect ECONNREFUSED', permanent: false };
const refusedSender = { code: 'senderRefused' as const, message: '553 5.7.1 <info@example.test>: Sender address rejected: not owned by user carol@example.test', permanent: true };

describe('outbox state machine', () => {
  it('waits for the undo window, then queues', () => {
    expect(transition(item(), { type: 'due', now: 5_000 }).state).toBe('waiting');
    expect(transition(item(), { type: 'due', now: 5_100 }).state).toBe('queued');
  });

  it('counts an attempt when sending starts, from queued and from retrying', () => {
    const sending = transition(item({ state: 'queued' }), { type: 'start', now: 6_000 });
    expect(sending).toMatchObject({ state: 'sending', attempts: 1, nextAttemptAt: null });
    expect(transition(item({ state: 'retrying', attempts: 2, nextAttemptAt: 9 }), { type: 'start', now: 10 })).toMatchObject({ state: 'sending', attempts: 3, nextAttemptAt: null });
    expect(() => transition(item({ state: 'waiting' }), { type: 'start', now: 1 })).toThrow(OutboxTransitionError);
  });

  it('records acceptance with the time, and recipients refused while the others got it', () => {
    const accepted = transition(item({ state: 'sending', attempts: 1 }), { type: 'accepted', now: 7_000 });
    expect(accepted).toMatchObject({ state: 'accepted', sentAt: 7_000, error: null });
    const partly = transition(item({ state: 'sending' }), {
      type: 'accepted',
      now: 7_000,
      refusedRecipients: { recipients: ['nobody@example.test'], message: 'nobody@example.test: 550 5.1.1 User unknown' },
    });
    expect(partly.error).toEqual({ code: 'recipientRefused', message: 'nobody@example.test: 550 5.1.1 User unknown', recipients: ['nobody@example.test'] });
  });

  it('retries temporary failures with exponential backoff up to the cap', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, tuning))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
    const failed = transition(item({ state: 'sending', attempts: 3 }), { type: 'failed', now: 50_000, failure: offline, tuning });
    expect(failed).toMatchObject({ state: 'retrying', nextAttemptAt: 54_000, error: { code: 'offline', message: 'connect ECONNREFUSED' } });
  });

  it('stops at a permanent refusal with the server words, until the person retries', () => {
    const refused = transition(item({ state: 'sending', attempts: 1 }), { type: 'failed', now: 1, failure: refusedSender, tuning });
    expect(refused).toMatchObject({ state: 'refused', nextAttemptAt: null, error: { code: 'senderRefused', message: refusedSender.message } });
    expect(nextActionAt(refused, 60_000)).toBeNull();
    expect(transition(refused, { type: 'retry', now: 2 }).state).toBe('queued');
  });

  it('keeps the recipients of a recipient refusal', () => {
    const failure = { code: 'recipientRefused' as const, message: '550 5.1.1 nope', permanent: true, recipients: ['a@b.test'] };
    expect(transition(item({ state: 'sending' }), { type: 'failed', now: 1, failure, tuning }).error).toEqual({ code: 'recipientRefused', message: '550 5.1.1 nope', recipients: ['a@b.test'] });
  });

  it('retry sends a waiting message at once and is refused once SMTP is under way', () => {
    expect(transition(item(), { type: 'retry', now: 200 })).toMatchObject({ state: 'queued', sendAt: 200 });
    for (const state of ['sending', 'accepted', 'sent'] as const) {
      expect(cancellable(item({ state }))).toBe(false);
      expect(() => transition(item({ state }), { type: 'retry', now: 1 })).toThrow(OutboxTransitionError);
    }
    for (const state of ['waiting', 'queued', 'retrying', 'refused'] as const) expect(cancellable(item({ state }))).toBe(true);
  });

  it('a connection coming back ends only network waits', () => {
    const offlineWait = item({ state: 'retrying', error: { code: 'offline', message: 'x' }, nextAttemptAt: 99_999 });
    expect(transition(offlineWait, { type: 'connectionBack' })).toMatchObject({ state: 'queued', nextAttemptAt: null });
    const authWait = item({ state: 'retrying', error: { code: 'authFailed', message: 'x' }, nextAttemptAt: 99_999 });
    expect(transition(authWait, { type: 'connectionBack' })).toBe(authWait);
    const refused = item({ state: 'refused', error: { code: 'offline', message: 'x' } });
    expect(transition(refused, { type: 'connectionBack' })).toBe(refused);
  });

  describe('restart recovery', () => {
    it('an uncertain message found in Sent counts as accepted and is never sent again', () => {
      const recovered = transition(item({ state: 'sending', attempts: 1 }), { type: 'recovered', now: 9_000, found: true });
      expect(recovered).toMatchObject({ state: 'accepted', sentAt: 9_000 });
      expect(() => transition(recovered, { type: 'start', now: 9_001 })).toThrow(OutboxTransitionError);
    });

    it('an uncertain message not found in Sent is queued again', () => {
      expect(transition(item({ state: 'sending', attempts: 1 }), { type: 'recovered', now: 9_000, found: false })).toMatchObject({ state: 'queued', attempts: 1 });
    });

    it('a restart makes unfinished sending and accepted items due at once', () => {
      expect(transition(item({ state: 'accepted', nextAttemptAt: 1e12 }), { type: 'restarted' }).nextAttemptAt).toBeNull();
      expect(transition(item({ state: 'sending', nextAttemptAt: 1e12 }), { type: 'restarted' }).nextAttemptAt).toBeNull();
      const retrying = item({ state: 'retrying', nextAttemptAt: 1e12 });
      expect(transition(retrying, { type: 'restarted' })).toBe(retrying);
    });

    it('IMAP trouble during recovery or the copy step waits with backoff, without resending', () => {
      const later = transition(item({ state: 'accepted', sentAt: 1 }), { type: 'stepFailed', now: 1_000, failures: 2, tuning });
      expect(later).toMatchObject({ state: 'accepted', nextAttemptAt: 3_000 });
      expect(transition(item({ state: 'sending' }), { type: 'stepFailed', now: 0, failures: 1, tuning })).toMatchObject({ state: 'sending', nextAttemptAt: 1_000 });
    });
  });

  describe('Sent copies', () => {
    const accepted = item({ state: 'accepted', sentAt: 1 });
    const shared = { mailboxId: 'a:shared:info@example.test', folderPath: 'shared/info@example.test/Sent' };
    const own = { mailboxId: 'a:own', folderPath: 'Sent' };

    it('plans, saves, and keeps what was saved when planned again', () => {
      const planned = transition(accepted, { type: 'copiesPlanned', copies: [shared, own], fellBack: false });
      expect(planned.sentCopies).toEqual([{ ...shared, saved: false }, { ...own, saved: false }]);
      const one = transition(planned, { type: 'copySaved', folderPath: 'Sent' });
      const again = transition(one, { type: 'copiesPlanned', copies: [shared, own], fellBack: false });
      expect(again.sentCopies).toEqual([{ ...shared, saved: false }, { ...own, saved: true }]);
    });

    it('falls back to the own Sent when the shared one refuses, and says so', () => {
      const planned = transition(accepted, { type: 'copiesPlanned', copies: [shared], fellBack: false });
      const fell = transition(planned, { type: 'copyFellBack', folderPath: shared.folderPath, own });
      expect(fell).toMatchObject({ copyFellBackToOwn: true, sentCopies: [{ ...own, saved: false }] });
      const upFront = transition(accepted, { type: 'copiesPlanned', copies: [own], fellBack: true });
      expect(upFront.copyFellBackToOwn).toBe(true);
    });

    it('finishes as sent, kept for a while, then due for removal', () => {
      const sent = transition(accepted, { type: 'finished', now: 2 });
      expect(sent.state).toBe('sent');
      expect(nextActionAt(sent, 60_000)).toBe(60_001);
      expect(() => transition(item({ state: 'queued' }), { type: 'finished', now: 2 })).toThrow(OutboxTransitionError);
    });
  });
});
