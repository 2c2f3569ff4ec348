/** Mailbox ids from one place (issue #10 §12): what main discovers is what the renderer looks up. */
import { describe, expect, it } from 'vitest';
import { manualMailboxId, ownMailboxId, publicMailboxId, sharedMailboxId } from '../../../src/shared/mailboxIds';
import { mailboxSkeletons } from '../../../src/main/services/mailboxes/discovery';
import { buildIdentities } from '../../../src/shared/compose';

describe('mailbox ids', () => {
  it('name each kind of mailbox by its account and what names it on the server', () => {
    expect(ownMailboxId('acc1')).toBe('acc1:own');
    expect(sharedMailboxId('acc1', 'info@example.test')).toBe('acc1:shared:info@example.test');
    expect(publicMailboxId('acc1', 'Shared Folders/team/')).toBe('acc1:public:Shared Folders/team/');
    expect(manualMailboxId('acc1', 'Gedeeld/Inkoop/')).toBe('acc1:manual:Gedeeld/Inkoop/');
  });

  it('give one shared mailbox one id however its address is spelt', () => {
    expect(sharedMailboxId('acc1', ' Info@Example.TEST ')).toBe(sharedMailboxId('acc1', 'info@example.test'));
  });

  it('keep accounts apart', () => {
    expect(ownMailboxId('acc1')).not.toBe(ownMailboxId('acc2'));
    expect(sharedMailboxId('acc1', 'info@example.test')).not.toBe(sharedMailboxId('acc2', 'info@example.test'));
  });

  it('are the ids discovery gives and identities point at', () => {
    const mailboxes = mailboxSkeletons(
      { accountId: 'acc1', email: 'alice@example.test', displayName: 'Alice', hidden: [], manual: [{ prefix: 'Inkoop/', address: 'inkoop@example.test', displayName: '' }] } as never,
      [{ owner: 'info@example.test', prefix: 'shared/info@example.test/' }] as never,
    );
    expect(mailboxes.map((m) => m.id)).toEqual([ownMailboxId('acc1'), sharedMailboxId('acc1', 'info@example.test'), manualMailboxId('acc1', 'Inkoop/')]);
    const identities = buildIdentities({ id: 'acc1', email: 'alice@example.test', displayName: 'Alice' }, [], []);
    expect(identities[0]).toMatchObject({ kind: 'own', mailboxId: ownMailboxId('acc1') });
  });
});
