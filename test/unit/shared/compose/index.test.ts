/**
 * The compose rules as main and the renderer import them (src/shared/compose/index.ts), worked
 * through together the way a reply from a shared address uses them (issue #4): each rule has its
 * own tests beside this one; this checks they fit, not merely that they exist (issue #10 §13).
 */
import { describe, expect, it } from 'vitest';
import {
  buildIdentities,
  chooseFrom,
  emptyFromMemory,
  envelopeFor,
  formatAddress,
  parseAddressField,
  rememberFrom,
  replyRecipients,
  replySubject,
  senderDisplay,
  sharedContextWarning,
  threading,
  type FromSituation,
} from '../../../../src/shared/compose';
import type { MessageBody } from '../../../../src/shared/model';
import { mailbox } from './fixtures';

const alice = { id: 'acc1', email: 'alice@example.test', displayName: 'Alice' };
const own = mailbox({ id: 'acc1:own', kind: 'own', address: 'alice@example.test' });
const info = mailbox({ id: 'acc1:shared:info@example.test', kind: 'shared', address: 'info@example.test', displayName: 'Info', rights: 'lrswipkxtea' });
const sales = mailbox({ id: 'acc1:shared:sales@example.test', kind: 'shared', address: 'sales@example.test', displayName: 'Sales', rights: 'lr' });

/** The customer's message in info@'s Inbox; its display name pretends to be an address. */
const original: MessageBody['headers'] = {
  from: [{ name: 'Info <info@example.test>', address: 'noor@example.nl' }],
  to: [{ name: 'Info', address: 'info@example.test' }],
  cc: [],
  replyTo: [],
  subject: 'Afspraak inplannen',
  date: Date.UTC(2026, 10, 5, 10, 54),
  messageId: '<afspraak-1@example.nl>',
  inReplyTo: null,
  references: [],
} as unknown as MessageBody['headers'];

const replyInInfo: FromSituation = {
  intent: 'reply',
  accountId: 'acc1',
  selectedMailboxId: info.id,
  original: { mailboxId: info.id, conversationKey: '<afspraak-1@example.nl>', recipients: ['info@example.test'] },
};

describe('a reply in info@, through the rules the processes share', () => {
  const identities = buildIdentities(alice, [own, info, sales], []);

  it('goes out from info@ as info@, to the customer, threaded under the original', () => {
    const choice = chooseFrom(identities, replyInInfo, emptyFromMemory());
    const from = identities.find((i) => i.id === choice?.identityId);
    expect(from?.address).toBe('info@example.test');
    expect(sharedContextWarning(identities, replyInInfo, from!.id)).toBeNull();

    const envelope = envelopeFor(from!, { name: 'Alice', address: 'alice@example.test' });
    expect(envelope).toEqual({ from: { name: 'Info', address: 'info@example.test' }, sender: null, envelopeFrom: 'info@example.test' });

    const { to, cc } = replyRecipients('reply', original, ['alice@example.test'], from!.address);
    expect(to.map((a) => a.address)).toEqual(['noor@example.nl']);
    expect(cc).toEqual([]);
    // The To field the composer shows reads back as the customer's address, not the one in the name.
    expect(parseAddressField(to.map(formatAddress).join(', '))).toEqual({ addresses: [{ name: 'Info <info@example.test>', address: 'noor@example.nl' }], invalid: [] });

    expect(replySubject(original.subject)).toBe('Re: Afspraak inplannen');
    expect(threading(original)).toEqual({ inReplyTo: '<afspraak-1@example.nl>', references: ['<afspraak-1@example.nl>'] });
    // What the customer's client shows: from info@, nobody on whose behalf.
    expect(senderDisplay([envelope.from], envelope.sender ? [envelope.sender] : [])).toEqual({ kind: 'from', from: envelope.from });
  });

  it('asks once when alice picks her own address instead, and remembers it for this conversation only', () => {
    const mine = identities.find((i) => i.kind === 'own')!;
    expect(sharedContextWarning(identities, replyInInfo, mine.id)).toEqual({ chosen: 'alice@example.test', shared: 'info@example.test' });
    const memory = rememberFrom(emptyFromMemory(), replyInInfo, info.id, mine.id);
    expect(chooseFrom(identities, replyInInfo, memory)?.identityId).toBe(mine.id);
    const otherConversation = { ...replyInInfo, original: { ...replyInInfo.original!, conversationKey: '<other@example.nl>' } };
    expect(chooseFrom(identities, otherConversation, memory)?.identityId).toBe(info.id);
  });

  it('never offers a mailbox alice may only read: a reply in sales@ comes from her own address', () => {
    const inSales: FromSituation = { ...replyInInfo, selectedMailboxId: sales.id, original: { ...replyInInfo.original!, mailboxId: sales.id } };
    const choice = chooseFrom(identities, inSales, emptyFromMemory());
    expect(identities.find((i) => i.id === choice?.identityId)?.address).toBe('alice@example.test');
    expect(() => envelopeFor(identities.find((i) => i.address === 'sales@example.test')!, { name: 'Alice', address: 'alice@example.test' })).toThrow(/reading only/);
  });
});
