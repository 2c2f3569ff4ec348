import { describe, expect, it } from 'vitest';
import {
  aliasIdentityId,
  buildIdentities,
  defaultSendMode,
  envelopeFor,
  mergeIdentityConfig,
  sendableIdentities,
  type IdentityAccount,
} from '../../../../src/shared/compose/identities';
import { AppError } from '../../../../src/shared/errors';
import { identity, mailbox } from './fixtures';

const alice: IdentityAccount = { id: 'acc1', email: 'alice@example.test', displayName: 'Alice Älvsson' };
const own = mailbox({ id: 'acc1:own', kind: 'own', address: 'alice@example.test', displayName: 'Alice Ä.' });
const info = mailbox({ id: 'acc1:shared:info@example.test', kind: 'shared', address: 'info@example.test', displayName: 'Info' });
const sales = mailbox({ id: 'acc1:shared:sales@example.test', kind: 'shared', address: 'Sales@Example.test', displayName: 'Sales' });

describe('defaultSendMode', () => {
  it('sends as the own address', () => {
    expect(defaultSendMode(own)).toBe('sendAs');
  });
  it('sends as a shared mailbox with the insert right (RFC 4314 i)', () => {
    expect(defaultSendMode({ ...info, rights: 'lrswi' })).toBe('sendAs');
  });
  it('offers nothing for a read-only shared mailbox (carol on info@: lookup + read)', () => {
    expect(defaultSendMode({ ...info, rights: 'lr' })).toBe('none');
    expect(defaultSendMode({ ...info, rights: '' })).toBe('none');
  });
  it('sends as a manually added mailbox without rights information', () => {
    expect(defaultSendMode({ ...info, source: 'manual', rights: null })).toBe('sendAs');
  });
  it('offers nothing for a discovered mailbox without rights information', () => {
    expect(defaultSendMode({ ...info, rights: null })).toBe('none');
  });
  it('follows the rights of a manual mailbox when they are known', () => {
    expect(defaultSendMode({ ...info, source: 'manual', rights: 'lr' })).toBe('none');
  });
});

describe('buildIdentities', () => {
  it('makes one identity per visible mailbox with defaults from rights', () => {
    const result = buildIdentities(alice, [own, info, { ...sales, rights: 'lr' }], []);
    expect(result).toEqual([
      {
        id: 'acc1:own',
        accountId: 'acc1',
        kind: 'own',
        mailboxId: 'acc1:own',
        address: 'alice@example.test',
        displayName: 'Alice Ä.',
        sendMode: 'sendAs',
        sentCopies: 'own',
        source: 'default',
      },
      {
        id: info.id,
        accountId: 'acc1',
        kind: 'shared',
        mailboxId: info.id,
        address: 'info@example.test',
        displayName: 'Info',
        sendMode: 'sendAs',
        sentCopies: 'shared',
        source: 'default',
      },
      {
        id: sales.id,
        accountId: 'acc1',
        kind: 'shared',
        mailboxId: sales.id,
        address: 'Sales@Example.test',
        displayName: 'Sales',
        sendMode: 'none',
        sentCopies: 'shared',
        source: 'default',
      },
    ]);
  });

  it('gives hidden mailboxes no identity', () => {
    const result = buildIdentities(alice, [own, { ...info, hidden: true }], []);
    expect(result.map((i) => i.id)).toEqual(['acc1:own']);
  });

  it('gives a hidden own mailbox no identity either', () => {
    const result = buildIdentities(alice, [{ ...own, hidden: true }, info], []);
    expect(result.map((i) => i.id)).toEqual([info.id]);
  });

  it('still has the own identity when the own mailbox is not in the list yet', () => {
    const result = buildIdentities(alice, [info], []);
    expect(result[0]).toMatchObject({
      id: 'acc1:own',
      kind: 'own',
      mailboxId: 'acc1:own',
      address: 'alice@example.test',
      displayName: 'Alice Älvsson',
      sendMode: 'sendAs',
    });
  });

  it('ignores mailboxes of other accounts', () => {
    const other = mailbox({ id: 'acc2:shared:x@example.test', kind: 'shared', address: 'x@example.test' });
    const result = buildIdentities(alice, [own, { ...other, accountId: 'acc2' as never }], []);
    expect(result.map((i) => i.id)).toEqual(['acc1:own']);
  });

  it('applies configuration matched by address, case-insensitively', () => {
    const result = buildIdentities(alice, [own, info, sales], [
      { address: 'SALES@example.TEST', sendMode: 'onBehalf', displayName: 'Verkoop', sentCopies: 'both' },
    ]);
    const salesIdentity = result.find((i) => i.id === sales.id);
    expect(salesIdentity).toMatchObject({ sendMode: 'onBehalf', displayName: 'Verkoop', sentCopies: 'both', source: 'config' });
    expect(result.find((i) => i.id === info.id)?.source).toBe('default');
  });

  it('keeps the defaults for fields the configuration leaves out', () => {
    const result = buildIdentities(alice, [own, info], [{ address: 'info@example.test', sentCopies: 'own' }]);
    expect(result.find((i) => i.id === info.id)).toMatchObject({
      sendMode: 'sendAs',
      displayName: 'Info',
      sentCopies: 'own',
      source: 'config',
    });
  });

  it('lets configuration force a send mode the rights would not give (the server decides)', () => {
    const readOnly = { ...info, rights: 'lr' };
    const result = buildIdentities(alice, [own, readOnly], [{ address: 'info@example.test', sendMode: 'sendAs' }]);
    expect(result.find((i) => i.id === info.id)?.sendMode).toBe('sendAs');
  });

  it('ignores a configured Sent copy policy for the own address', () => {
    const result = buildIdentities(alice, [own], [{ address: 'alice@example.test', sentCopies: 'shared' }]);
    expect(result[0]).toMatchObject({ sentCopies: 'own', source: 'config' });
  });

  it('falls back from an empty display name to the mailbox, then to the account for own', () => {
    const result = buildIdentities(alice, [{ ...own, displayName: ' ' }, { ...info, displayName: '' }], [
      { address: 'info@example.test', displayName: '  ' },
    ]);
    expect(result.map((i) => i.displayName)).toEqual(['Alice Älvsson', '']);
  });

  it('turns configured addresses that are no mailbox into aliases of the own mailbox', () => {
    const result = buildIdentities(alice, [own, info], [
      { address: ' A.Alvsson@Example.test ' },
      { address: 'support@example.test', sendMode: 'onBehalf', displayName: 'Support', sentCopies: 'shared' },
    ]);
    expect(result.slice(2)).toEqual([
      {
        id: 'acc1:alias:a.alvsson@example.test',
        accountId: 'acc1',
        kind: 'alias',
        mailboxId: 'acc1:own',
        address: 'A.Alvsson@Example.test',
        displayName: 'Alice Älvsson',
        sendMode: 'sendAs',
        sentCopies: 'own',
        source: 'config',
      },
      {
        id: 'acc1:alias:support@example.test',
        accountId: 'acc1',
        kind: 'alias',
        mailboxId: 'acc1:own',
        address: 'support@example.test',
        displayName: 'Support',
        sendMode: 'onBehalf',
        sentCopies: 'own',
        source: 'config',
      },
    ]);
  });

  it('does not turn the address of a hidden mailbox into an alias', () => {
    const result = buildIdentities(alice, [own, { ...info, hidden: true }], [{ address: 'info@example.test', sendMode: 'sendAs' }]);
    expect(result.map((i) => i.id)).toEqual(['acc1:own']);
  });

  it('merges several entries for the same address, later ones winning', () => {
    const result = buildIdentities(alice, [own, info], [
      { address: 'info@example.test', sendMode: 'onBehalf', displayName: 'Info desk' },
      { address: 'INFO@example.test', sendMode: 'none' },
    ]);
    expect(result.find((i) => i.id === info.id)).toMatchObject({ sendMode: 'none', displayName: 'Info desk' });
  });

  it('shows a shared mailbox reached through its own login as that account’s own identity', () => {
    const infoLogin: IdentityAccount = { id: 'acc9', email: 'info@example.test', displayName: 'Info', kind: 'shared' };
    const infoOwn = mailbox({ id: 'acc9:own', accountId: 'acc9' as never, kind: 'own', address: 'info@example.test' });
    const result = buildIdentities(infoLogin, [infoOwn], []);
    expect(result).toEqual([
      expect.objectContaining({ id: 'acc9:own', kind: 'own', address: 'info@example.test', displayName: 'Info', sendMode: 'sendAs' }),
    ]);
  });
});

describe('aliasIdentityId', () => {
  it('is the same whatever the spelling of the address', () => {
    expect(aliasIdentityId('acc1', 'Alice.B@Example.TEST')).toBe('acc1:alias:alice.b@example.test');
  });
});

describe('envelopeFor', () => {
  const person = { name: 'Bob Bäcker', address: 'bob@example.test' };

  it('sends as: From the identity, no Sender, MAIL FROM the identity', () => {
    const sales = identity({ id: 's', kind: 'shared', address: 'sales@example.test', displayName: 'Sales' });
    expect(envelopeFor(sales, person)).toEqual({
      from: { name: 'Sales', address: 'sales@example.test' },
      sender: null,
      envelopeFrom: 'sales@example.test',
    });
  });

  it('on behalf: From the identity, Sender the person, MAIL FROM the person', () => {
    const sales = identity({ id: 's', kind: 'shared', address: 'sales@example.test', displayName: 'Sales', sendMode: 'onBehalf' });
    expect(envelopeFor(sales, person)).toEqual({
      from: { name: 'Sales', address: 'sales@example.test' },
      sender: { name: 'Bob Bäcker', address: 'bob@example.test' },
      envelopeFrom: 'bob@example.test',
    });
  });

  it('never sets a Sender equal to From (RFC 5322 §3.6.2)', () => {
    const self = identity({ id: 'acc1:own', kind: 'own', address: 'BOB@example.test', displayName: 'Bob', sendMode: 'onBehalf' });
    expect(envelopeFor(self, person)).toEqual({
      from: { name: 'Bob', address: 'BOB@example.test' },
      sender: null,
      envelopeFrom: 'BOB@example.test',
    });
  });

  it('sends an own address and an alias from that address', () => {
    const self = identity({ id: 'acc1:own', kind: 'own', address: 'bob@example.test', displayName: 'Bob' });
    const alias = identity({ id: 'acc1:alias:b@example.test', kind: 'alias', address: 'b@example.test', displayName: 'B' });
    expect(envelopeFor(self, person)).toMatchObject({ sender: null, envelopeFrom: 'bob@example.test' });
    expect(envelopeFor(alias, person)).toEqual({
      from: { name: 'B', address: 'b@example.test' },
      sender: null,
      envelopeFrom: 'b@example.test',
    });
  });

  it('refuses an identity that is reading only', () => {
    const info = identity({ id: 'i', kind: 'shared', address: 'info@example.test', sendMode: 'none' });
    expect(() => envelopeFor(info, person)).toThrow(/info@example\.test/);
    expect(() => envelopeFor(info, person)).toThrow(AppError);
  });
});

describe('sendableIdentities', () => {
  it('keeps only identities that may send: own, shared by address, then aliases', () => {
    const list = [
      identity({ id: 'al1', kind: 'alias', address: 'zz@example.test' }),
      identity({ id: 'sales', kind: 'shared', address: 'Sales@example.test' }),
      identity({ id: 'none', kind: 'shared', address: 'abc@example.test', sendMode: 'none' }),
      identity({ id: 'own', kind: 'own', address: 'alice@example.test' }),
      identity({ id: 'info', kind: 'shared', address: 'info@example.test', sendMode: 'onBehalf' }),
      identity({ id: 'al2', kind: 'alias', address: 'aa@example.test' }),
    ];
    expect(sendableIdentities(list).map((i) => i.id)).toEqual(['own', 'info', 'sales', 'al1', 'al2']);
  });

  it('keeps the given order for own identities of several accounts', () => {
    const list = [
      identity({ id: 'acc2:own', kind: 'own', address: 'z@example.test' }),
      identity({ id: 'acc1:own', kind: 'own', address: 'a@example.test' }),
    ];
    expect(sendableIdentities(list).map((i) => i.id)).toEqual(['acc2:own', 'acc1:own']);
  });

  it('keeps the given order for shared identities with the same address (two accounts)', () => {
    const list = [
      identity({ id: 'acc2:shared:info', kind: 'shared', address: 'INFO@example.test' }),
      identity({ id: 'acc1:shared:info', kind: 'shared', address: 'info@example.test' }),
    ];
    expect(sendableIdentities(list).map((i) => i.id)).toEqual(['acc2:shared:info', 'acc1:shared:info']);
  });

  it('is empty when nothing may send', () => {
    expect(sendableIdentities([identity({ id: 'x', kind: 'shared', address: 'x@example.test', sendMode: 'none' })])).toEqual([]);
  });
});

describe('mergeIdentityConfig', () => {
  it('lets imported fields win and keeps the others, matching addresses case-insensitively', () => {
    const current = [
      { address: 'info@example.test', displayName: 'Info', sentCopies: 'both' as const },
      { address: 'sales@example.test', sendMode: 'sendAs' as const },
    ];
    const imported = [
      { address: 'SALES@example.test', sendMode: 'onBehalf' as const },
      { address: 'new@example.test', sendMode: 'none' as const },
    ];
    expect(mergeIdentityConfig(current, imported)).toEqual([
      { address: 'info@example.test', displayName: 'Info', sentCopies: 'both' },
      { address: 'SALES@example.test', sendMode: 'onBehalf' },
      { address: 'new@example.test', sendMode: 'none' },
    ]);
  });

  it('does not erase a kept field with an explicit undefined', () => {
    const merged = mergeIdentityConfig([{ address: 'a@example.test', displayName: 'A' }], [
      { address: 'a@example.test', displayName: undefined, sentCopies: 'own' },
    ]);
    expect(merged).toEqual([{ address: 'a@example.test', displayName: 'A', sentCopies: 'own' }]);
  });

  it('drops entries without an address and trims addresses', () => {
    expect(mergeIdentityConfig([{ address: '  ' }], [{ address: ' b@example.test ' }])).toEqual([{ address: 'b@example.test' }]);
  });

  it('leaves its inputs unchanged', () => {
    const current = [{ address: 'a@example.test', displayName: 'A' }];
    mergeIdentityConfig(current, [{ address: 'a@example.test', displayName: 'B' }]);
    expect(current).toEqual([{ address: 'a@example.test', displayName: 'A' }]);
  });
});
