import { describe, expect, it } from 'vitest';
import {
  chooseFrom,
  emptyFromMemory,
  rememberFrom,
  sharedContextWarning,
  type FromMemory,
  type FromSituation,
} from '../../../../src/shared/compose/chooseFrom';
import type { Identity } from '../../../../src/shared/model/compose';
import { identity } from './fixtures';

const OWN = 'acc1:own';
const INFO = 'acc1:shared:info@example.test';
const SALES = 'acc1:shared:sales@example.test';
const ALIAS = 'acc1:alias:alice.a@example.test';

const aliceIdentities: Identity[] = [
  identity({ id: OWN, kind: 'own', address: 'alice@example.test' }),
  identity({ id: INFO, kind: 'shared', address: 'info@example.test' }),
  identity({ id: SALES, kind: 'shared', address: 'Sales@Example.test', sendMode: 'onBehalf' }),
  identity({ id: ALIAS, kind: 'alias', address: 'alice.a@example.test' }),
];
/** carol: lookup + read on info@ only, so info@ may not send. */
const carolIdentities: Identity[] = [
  identity({ id: 'acc3:own', accountId: 'acc3' as never, kind: 'own', address: 'carol@example.test' }),
  identity({ id: 'acc3:shared:info@example.test', accountId: 'acc3' as never, kind: 'shared', address: 'info@example.test', sendMode: 'none' }),
];

const reply = (mailboxId: string, conversationKey: string | null = '<c1@example.test>', recipients: string[] = []): FromSituation => ({
  intent: 'reply',
  accountId: 'acc1',
  selectedMailboxId: mailboxId,
  original: { mailboxId, conversationKey, recipients },
});
const compose = (selectedMailboxId: string | null, accountId = 'acc1'): FromSituation => ({
  intent: 'new',
  accountId,
  selectedMailboxId,
  original: null,
});
const none = emptyFromMemory();

describe('chooseFrom: the rules', () => {
  it('replies to a message in a shared mailbox from that mailbox', () => {
    expect(chooseFrom(aliceIdentities, reply(INFO), none)).toEqual({ identityId: INFO, reason: 'originalMailbox', ruleIdentityId: INFO });
  });

  it('forwards (inline or as attachment) from the shared mailbox too', () => {
    for (const intent of ['forward', 'forwardAsAttachment', 'replyAll'] as const) {
      expect(chooseFrom(aliceIdentities, { ...reply(SALES), intent }, none)?.identityId).toBe(SALES);
    }
  });

  it('does not offer a shared mailbox that may not send (carol on info@) and falls back to her own address', () => {
    const situation: FromSituation = { ...reply('acc3:shared:info@example.test', '<c@x>', ['info@example.test']), accountId: 'acc3' };
    expect(chooseFrom(carolIdentities, situation, none)).toMatchObject({ identityId: 'acc3:own', reason: 'own' });
  });

  it('answers mail in the own mailbox that was sent to a shared address from that address', () => {
    const situation = reply(OWN, '<c@x>', ['bob@example.test', 'INFO@example.test']);
    expect(chooseFrom(aliceIdentities, situation, none)).toMatchObject({ identityId: INFO, reason: 'addressedTo' });
  });

  it('answers mail in the own mailbox that was sent to an alias from the alias', () => {
    const situation = reply(OWN, '<c@x>', ['Alice.A@example.test']);
    expect(chooseFrom(aliceIdentities, situation, none)).toMatchObject({ identityId: ALIAS, reason: 'addressedTo' });
  });

  it('takes the first addressed identity in recipient order (To before Cc before Delivered-To)', () => {
    const situation = reply(OWN, '<c@x>', ['alice.a@example.test', 'sales@example.test']);
    expect(chooseFrom(aliceIdentities, situation, none)?.identityId).toBe(ALIAS);
    const swapped = reply(OWN, '<c@x>', ['sales@example.test', 'alice.a@example.test']);
    expect(chooseFrom(aliceIdentities, swapped, none)?.identityId).toBe(SALES);
  });

  it('ignores addressed identities that may not send or belong to another account', () => {
    const others = [
      ...aliceIdentities,
      identity({ id: 'acc2:shared:x@example.test', accountId: 'acc2' as never, kind: 'shared', address: 'x@example.test' }),
      identity({ id: 'acc1:shared:ro@example.test', kind: 'shared', address: 'ro@example.test', sendMode: 'none' }),
    ];
    const situation = reply(OWN, '<c@x>', ['x@example.test', 'ro@example.test']);
    expect(chooseFrom(others, situation, none)).toMatchObject({ identityId: OWN, reason: 'own' });
  });

  it('does not look at recipients for a message in a shared mailbox that may not send', () => {
    const ids = [...carolIdentities, identity({ id: 'acc3:alias:c@example.test', accountId: 'acc3' as never, kind: 'alias', address: 'c@example.test' })];
    const situation: FromSituation = { ...reply('acc3:shared:info@example.test', '<c@x>', ['c@example.test']), accountId: 'acc3' };
    expect(chooseFrom(ids, situation, none)?.identityId).toBe('acc3:own');
  });

  it('answers plain mail in the own mailbox from the own address', () => {
    expect(chooseFrom(aliceIdentities, reply(OWN, '<c@x>', ['alice@example.test']), none)).toMatchObject({ identityId: OWN, reason: 'own' });
  });

  it('starts a new message in a shared mailbox from that mailbox', () => {
    expect(chooseFrom(aliceIdentities, compose(SALES), none)).toMatchObject({ identityId: SALES, reason: 'selectedMailbox' });
  });

  it('starts a new message in the own mailbox or a unified view from the own address', () => {
    expect(chooseFrom(aliceIdentities, compose(OWN), none)).toMatchObject({ identityId: OWN, reason: 'own' });
    expect(chooseFrom(aliceIdentities, compose(null), none)).toMatchObject({ identityId: OWN, reason: 'own' });
  });

  it('starts a new message in a read-only shared mailbox from the own address', () => {
    expect(chooseFrom(carolIdentities, compose('acc3:shared:info@example.test', 'acc3'), none)?.identityId).toBe('acc3:own');
  });

  it('uses the own identity of the situation’s account', () => {
    const two = [identity({ id: 'acc2:own', accountId: 'acc2' as never, kind: 'own', address: 'a2@example.test' }), ...aliceIdentities];
    expect(chooseFrom(two, compose(null, 'acc1'), none)?.identityId).toBe(OWN);
    expect(chooseFrom(two, compose(null, 'acc2'), none)?.identityId).toBe('acc2:own');
  });

  it('falls back to the first sendable identity when the account has no own one that may send', () => {
    const ids = [identity({ id: OWN, kind: 'own', address: 'alice@example.test', sendMode: 'none' }), ...aliceIdentities.slice(1)];
    expect(chooseFrom(ids, compose(null), none)).toMatchObject({ identityId: INFO, reason: 'own' });
  });

  it('returns null when nothing may send', () => {
    const ids = carolIdentities.map((i) => ({ ...i, sendMode: 'none' as const }));
    expect(chooseFrom(ids, compose(null, 'acc3'), none)).toBeNull();
    expect(chooseFrom([], compose(null), none)).toBeNull();
  });

  it('treats a reply without its original like a new message in no mailbox', () => {
    expect(chooseFrom(aliceIdentities, { intent: 'reply', accountId: 'acc1', selectedMailboxId: INFO, original: null }, none)).toMatchObject({
      identityId: OWN,
      reason: 'own',
    });
  });
});

describe('chooseFrom: remembered overrides', () => {
  const memory: FromMemory = { conversations: { '<c1@example.test>': OWN }, mailboxes: { [INFO]: ALIAS } };

  it('prefers the choice remembered for the conversation', () => {
    expect(chooseFrom(aliceIdentities, reply(INFO), memory)).toEqual({
      identityId: OWN,
      reason: 'rememberedConversation',
      ruleIdentityId: INFO,
    });
  });

  it('prefers the choice remembered for the selected mailbox of a new message', () => {
    expect(chooseFrom(aliceIdentities, compose(INFO), memory)).toEqual({ identityId: ALIAS, reason: 'rememberedMailbox', ruleIdentityId: INFO });
  });

  it('does not use a mailbox memory for replies, nor a conversation memory for new mail', () => {
    expect(chooseFrom(aliceIdentities, reply(INFO, '<other@example.test>'), memory)?.identityId).toBe(INFO);
    expect(chooseFrom(aliceIdentities, reply(INFO, null), memory)?.identityId).toBe(INFO);
    expect(chooseFrom(aliceIdentities, compose(SALES), memory)?.identityId).toBe(SALES);
  });

  it('ignores a remembered identity that may no longer send or no longer exists', () => {
    const ids = aliceIdentities.map((i) => (i.id === OWN ? { ...i, sendMode: 'none' as const } : i));
    expect(chooseFrom(ids, reply(INFO), memory)).toMatchObject({ identityId: INFO, reason: 'originalMailbox' });
    const gone = { conversations: {}, mailboxes: { [INFO]: 'acc1:alias:gone@example.test' } };
    expect(chooseFrom(aliceIdentities, compose(INFO), gone)).toMatchObject({ identityId: INFO, reason: 'selectedMailbox' });
  });
});

describe('rememberFrom', () => {
  it('records an override per conversation for replies and forwards', () => {
    const next = rememberFrom(none, reply(INFO), INFO, OWN);
    expect(next).toEqual({ conversations: { '<c1@example.test>': OWN }, mailboxes: {} });
    expect(none).toEqual({ conversations: {}, mailboxes: {} });
  });

  it('records an override per mailbox for new messages', () => {
    expect(rememberFrom(none, compose(INFO), INFO, OWN)).toEqual({ conversations: {}, mailboxes: { [INFO]: OWN } });
  });

  it('records nothing without a conversation key or a selected mailbox', () => {
    expect(rememberFrom(none, reply(INFO, null), INFO, OWN)).toEqual(none);
    expect(rememberFrom(none, compose(null), OWN, INFO)).toEqual(none);
  });

  it('records nothing when the suggestion was kept', () => {
    expect(rememberFrom(none, reply(INFO), INFO, INFO)).toEqual(none);
  });

  it('keeps a remembered override that was preselected and kept', () => {
    const memory = { conversations: { '<c1@example.test>': OWN }, mailboxes: {} };
    expect(rememberFrom(memory, reply(INFO), OWN, OWN)).toEqual(memory);
    expect(rememberFrom(memory, reply(INFO), OWN, OWN, INFO)).toEqual(memory);
  });

  it('forgets the override when the person goes back to the rules’ choice', () => {
    const memory = { conversations: { '<c1@example.test>': OWN }, mailboxes: { [INFO]: OWN } };
    expect(rememberFrom(memory, reply(INFO), OWN, INFO, INFO)).toEqual({ conversations: {}, mailboxes: { [INFO]: OWN } });
    expect(rememberFrom(memory, compose(INFO), OWN, INFO, INFO)).toEqual({ conversations: { '<c1@example.test>': OWN }, mailboxes: {} });
  });

  it('without the rules’ choice, stores going back as the new override (same effect next time)', () => {
    const memory = { conversations: { '<c1@example.test>': OWN }, mailboxes: {} };
    expect(rememberFrom(memory, reply(INFO), OWN, INFO)).toEqual({ conversations: { '<c1@example.test>': INFO }, mailboxes: {} });
  });

  it('forgets a stale override when the suggestion (from the rules) was kept', () => {
    const memory = { conversations: { '<c1@example.test>': 'acc1:alias:gone@example.test' }, mailboxes: {} };
    expect(rememberFrom(memory, reply(INFO), INFO, INFO)).toEqual(none);
  });
});

describe('issue #4 §3 acceptance, as pure rules', () => {
  it('alice replies in info@ without touching From: it comes from info@ and no warning is asked', () => {
    const choice = chooseFrom(aliceIdentities, reply(INFO), none);
    expect(choice?.identityId).toBe(INFO);
    expect(sharedContextWarning(aliceIdentities, reply(INFO), INFO)).toBeNull();
  });

  it('alice switches to her own address in info@: warned once, then remembered for the conversation only', () => {
    const first = chooseFrom(aliceIdentities, reply(INFO), none);
    expect(first?.identityId).toBe(INFO);
    expect(sharedContextWarning(aliceIdentities, reply(INFO), OWN)).toEqual({ chosen: 'alice@example.test', shared: 'info@example.test' });
    const memory = rememberFrom(none, reply(INFO), first!.identityId, OWN, first!.ruleIdentityId);

    const next = chooseFrom(aliceIdentities, reply(INFO), memory);
    expect(next).toMatchObject({ identityId: OWN, reason: 'rememberedConversation' });
    const kept = rememberFrom(memory, reply(INFO), next!.identityId, OWN, next!.ruleIdentityId);
    expect(chooseFrom(aliceIdentities, reply(INFO), kept)?.identityId).toBe(OWN);

    expect(chooseFrom(aliceIdentities, reply(INFO, '<another@example.test>'), kept)?.identityId).toBe(INFO);
    expect(chooseFrom(aliceIdentities, compose(INFO), kept)?.identityId).toBe(INFO);
  });

  it('carol, read-only on info@, is never offered info@', () => {
    const situation: FromSituation = { ...reply('acc3:shared:info@example.test'), accountId: 'acc3' };
    expect(chooseFrom(carolIdentities, situation, none)?.identityId).toBe('acc3:own');
    expect(chooseFrom(carolIdentities, situation, { conversations: { '<c1@example.test>': 'acc3:shared:info@example.test' }, mailboxes: {} })?.identityId).toBe(
      'acc3:own',
    );
    expect(sharedContextWarning(carolIdentities, situation, 'acc3:own')).toBeNull();
  });
});

describe('sharedContextWarning', () => {
  it('warns for an alias in a new message started in a shared mailbox', () => {
    expect(sharedContextWarning(aliceIdentities, compose(SALES), ALIAS)).toEqual({ chosen: 'alice.a@example.test', shared: 'Sales@Example.test' });
  });

  it('does not warn when another shared address is chosen', () => {
    expect(sharedContextWarning(aliceIdentities, reply(INFO), SALES)).toBeNull();
  });

  it('does not warn outside a shared context', () => {
    expect(sharedContextWarning(aliceIdentities, reply(OWN), OWN)).toBeNull();
    expect(sharedContextWarning(aliceIdentities, compose(null), OWN)).toBeNull();
    expect(sharedContextWarning(aliceIdentities, compose(OWN), OWN)).toBeNull();
    expect(sharedContextWarning(aliceIdentities, { intent: 'forward', accountId: 'acc1', selectedMailboxId: INFO, original: null }, OWN)).toBeNull();
  });

  it('does not warn for an unknown chosen identity', () => {
    expect(sharedContextWarning(aliceIdentities, reply(INFO), 'nope')).toBeNull();
  });

  it('looks at the original’s mailbox, not the selection, for replies', () => {
    const situation: FromSituation = { ...reply(INFO), selectedMailboxId: OWN };
    expect(sharedContextWarning(aliceIdentities, situation, OWN)?.shared).toBe('info@example.test');
  });
});
