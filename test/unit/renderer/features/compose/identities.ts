/** Synthetic identities for composer tests: alice with her own address, info@ (send as) and sales@ (reading only). */
import type { AccountId } from '../../../../../src/shared/model';
import type { Identity } from '../../../../../src/shared/model/compose';

export const account = 'acc-a' as AccountId;

export function identity(kind: Identity['kind'], address: string, extra: Partial<Identity> = {}): Identity {
  const id = kind === 'own' ? `${account}:own` : kind === 'shared' ? `${account}:shared:${address}` : `${account}:alias:${address}`;
  return {
    id,
    accountId: account,
    kind,
    mailboxId: kind === 'shared' ? id : `${account}:own`,
    address,
    displayName: kind === 'own' ? 'Alice de Vries' : address.split('@')[0] ?? '',
    sendMode: 'sendAs',
    sentCopies: kind === 'shared' ? 'shared' : 'own',
    source: 'default',
    ...extra,
  };
}

export const own = identity('own', 'alice@example.test');
export const info = identity('shared', 'info@example.test', { displayName: 'Info' });
export const sales = identity('shared', 'sales@example.test', { sendMode: 'none' });
export const identities = [own, info, sales];
