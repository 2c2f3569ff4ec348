import { describe, expect, it } from 'vitest';
import { chooseFrom, emptyFromMemory, rememberFrom, threading } from '../../../../../src/shared/compose';
import type { MessageBody } from '../../../../../src/shared/model';
import type { OutgoingMessage } from '../../../../../src/shared/model/compose';
import { emptyMessage } from '../../../../../src/renderer/features/compose/composeDraft';
import { buildSituation, reopenedSituation } from '../../../../../src/renderer/features/compose/situation';
import { account, identities, info, own } from './identities';

function headers(extra: Partial<MessageBody['headers']> = {}): MessageBody['headers'] {
  return {
    from: [{ name: 'Joost Willems', address: 'joost@example.nl' }],
    to: [{ name: '', address: 'info@example.test' }],
    cc: [{ name: '', address: 'bob@example.test' }],
    replyTo: [],
    sender: [],
    subject: 'Offerte',
    date: 0,
    messageId: '<parent@example.nl>',
    inReplyTo: '<root@example.test>',
    references: ['<root@example.test>'],
    deliveredTo: ['info@example.test'],
    authResults: [],
    ...extra,
  };
}

describe('the From situation the composer builds', () => {
  it('takes the original mailbox, its conversation and To, Cc, Delivered-To in that order', () => {
    const situation = buildSituation({ intent: 'reply', accountId: account, selectedMailboxId: null, original: { mailboxId: info.mailboxId, headers: headers() } });
    expect(situation).toEqual({
      intent: 'reply',
      accountId: account,
      selectedMailboxId: null,
      original: { mailboxId: info.mailboxId, conversationKey: '<root@example.test>', recipients: ['info@example.test', 'bob@example.test', 'info@example.test'] },
    });
    expect(chooseFrom(identities, situation, emptyFromMemory())?.identityId).toBe(info.id);
  });

  it('answers mail in the own mailbox that was delivered to info@ (only in Delivered-To) from info@', () => {
    const h = headers({ to: [{ name: '', address: 'list@example.org' }], cc: [] });
    const situation = buildSituation({ intent: 'reply', accountId: account, selectedMailboxId: null, original: { mailboxId: own.mailboxId, headers: h } });
    expect(chooseFrom(identities, situation, emptyFromMemory())).toMatchObject({ identityId: info.id, reason: 'addressedTo' });
  });

  it('a new message started in info@ defaults to info@; in a unified view to the own address', () => {
    const inInfo = buildSituation({ intent: 'new', accountId: account, selectedMailboxId: info.mailboxId, original: null });
    const unified = buildSituation({ intent: 'new', accountId: account, selectedMailboxId: null, original: null });
    expect(chooseFrom(identities, inInfo, emptyFromMemory())?.identityId).toBe(info.id);
    expect(chooseFrom(identities, unified, emptyFromMemory())?.identityId).toBe(own.id);
  });

  it('a reopened reply has the original conversation key, so an override remembered there still applies', () => {
    const h = headers();
    const original = buildSituation({ intent: 'reply', accountId: account, selectedMailboxId: null, original: { mailboxId: info.mailboxId, headers: h } });
    const choice = chooseFrom(identities, original, emptyFromMemory());
    const memory = rememberFrom(emptyFromMemory(), original, choice?.identityId ?? '', own.id, choice?.ruleIdentityId);

    const draft: OutgoingMessage = {
      ...emptyMessage(account, own.id),
      ...threading(h),
      origin: { intent: 'reply', accountId: account, folderPath: 'shared/info@example.test/INBOX', uid: 7 },
    };
    const reopened = reopenedSituation(draft, info.mailboxId, null);
    expect(reopened.original?.conversationKey).toBe(original.original?.conversationKey);
    expect(chooseFrom(identities, reopened, memory)).toMatchObject({ identityId: own.id, reason: 'rememberedConversation' });
  });

  it('a reopened message without an original is a new message', () => {
    const draft = emptyMessage(account, own.id);
    expect(reopenedSituation(draft, null, info.mailboxId)).toEqual({ intent: 'new', accountId: account, selectedMailboxId: info.mailboxId, original: null });
  });
});
