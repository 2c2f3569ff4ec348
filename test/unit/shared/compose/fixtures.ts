import type { AccountId, Mailbox } from '../../../../src/shared/model';
import type { Identity } from '../../../../src/shared/model/compose';

/** Synthetic mailboxes and identities for the compose rules (example.test, never real people). */
export function mailbox(over: Partial<Mailbox> & Pick<Mailbox, 'id' | 'kind' | 'address'>): Mailbox {
  return {
    accountId: 'acc1' as AccountId,
    source: over.kind === 'own' ? 'account' : 'discovered',
    displayName: '',
    prefix: over.kind === 'own' ? '' : `shared/${over.address}/`,
    rights: over.kind === 'own' ? null : 'lrswipkxtea',
    hidden: false,
    quota: null,
    offlineDays: 0,
    ...over,
  };
}

export function identity(over: Partial<Identity> & Pick<Identity, 'id' | 'kind' | 'address'>): Identity {
  return {
    accountId: 'acc1' as AccountId,
    mailboxId: over.kind === 'alias' ? 'acc1:own' : over.id,
    displayName: '',
    sendMode: 'sendAs',
    sentCopies: over.kind === 'shared' ? 'shared' : 'own',
    source: 'default',
    ...over,
  };
}
