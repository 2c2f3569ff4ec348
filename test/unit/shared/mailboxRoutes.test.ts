import { describe, expect, it } from 'vitest';
import { chooseRoute, oncePerMailbox, rightsRank, routeGroups, routeKey, type RoutedMailbox } from '../../../src/shared/mailboxRoutes';

const FULL = 'lrwstipekxacd';
const READ = 'lr';
const order = ['alice', 'bob', 'carol'];
const server = { host: 'Mail.Example.Test', port: 993 };
const accounts = order.map((id) => ({ id, email: `${id}@example.test`, imap: server }));

describe('chooseRoute (issue #10 §7)', () => {
  it('full access beats read-only, whatever the order the accounts were added in', () => {
    const choice = chooseRoute({ candidates: [{ accountId: 'carol', rank: rightsRank(READ) }, { accountId: 'bob', rank: rightsRank(FULL) }], order: ['carol', 'bob'] });
    expect(choice).toEqual({ accountId: 'bob', pending: false });
  });

  it('equal rights: the account added first, so the choice is stable', () => {
    const candidates = [
      { accountId: 'bob', rank: rightsRank(FULL) },
      { accountId: 'alice', rank: rightsRank(FULL) },
      { accountId: 'carol', rank: rightsRank(READ) },
    ];
    expect(chooseRoute({ candidates, order })?.accountId).toBe('alice');
    expect(chooseRoute({ candidates: [...candidates].reverse(), order })?.accountId).toBe('alice');
  });

  it('the person’s choice wins — also a read-only one — while that account still reaches the mailbox', () => {
    const candidates = [
      { accountId: 'alice', rank: rightsRank(FULL) },
      { accountId: 'carol', rank: rightsRank(READ) },
    ];
    expect(chooseRoute({ candidates, order, preferred: 'carol' })?.accountId).toBe('carol');
    // carol lost access (or was removed): the next one takes over.
    expect(chooseRoute({ candidates: candidates.slice(0, 1), order, preferred: 'carol' })?.accountId).toBe('alice');
  });

  it('an account that is the mailbox itself always wins (it cannot be hidden)', () => {
    const candidates = [
      { accountId: 'alice', rank: rightsRank(FULL) },
      { accountId: 'info', rank: Number.MAX_SAFE_INTEGER, owner: true },
    ];
    expect(chooseRoute({ candidates, order: [...order, 'info'], preferred: 'alice' })).toEqual({ accountId: 'info', pending: false });
  });

  it('an earlier account that has not reported yet may hold every right: the choice waits for it', () => {
    const choice = chooseRoute({ candidates: [{ accountId: 'carol', rank: rightsRank(READ) }], order, unsettled: ['alice'] });
    expect(choice).toEqual({ accountId: 'alice', pending: true });
    // Once alice reported without it, carol is the only one.
    expect(chooseRoute({ candidates: [{ accountId: 'carol', rank: rightsRank(READ) }], order })).toEqual({ accountId: 'carol', pending: false });
  });

  it('no account reaches it: no choice', () => {
    expect(chooseRoute({ candidates: [], order })).toBeNull();
  });

  it('ranks rights by how many RFC 4314 rights are held; no answer ranks lowest', () => {
    expect(rightsRank(FULL)).toBeGreaterThan(rightsRank('lrs'));
    expect(rightsRank('lrs')).toBeGreaterThan(rightsRank(READ));
    expect(rightsRank(READ)).toBeGreaterThan(rightsRank(null));
  });

  it('the same mailbox is the same address on the same server (host case and address case ignored), not the same label', () => {
    expect(routeKey(server, 'Info@Example.test')).toBe(routeKey({ host: 'mail.example.test', port: 993 }, 'info@example.test'));
    expect(routeKey(server, 'info@example.test')).not.toBe(routeKey({ host: 'mail.example.test', port: 143 }, 'info@example.test'));
    expect(routeKey(server, 'info@example.test')).not.toBe(routeKey({ host: 'other.example.test', port: 993 }, 'info@example.test'));
  });
});

describe('routeGroups / oncePerMailbox: the rows a window shows', () => {
  const row = (accountId: string, address: string, rights: string | null, via?: string): RoutedMailbox => ({
    id: `${accountId}:shared:${address}`,
    accountId,
    kind: 'shared',
    source: 'discovered',
    address,
    rights,
    ...(via ? { via } : {}),
  });

  it('shows the row main did not mark as reached through another account', () => {
    const rows = [row('alice', 'info@example.test', FULL, 'bob'), row('bob', 'info@example.test', FULL), row('carol', 'info@example.test', READ, 'bob')];
    const groups = routeGroups(rows, accounts);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.chosen.accountId).toBe('bob');
    expect(groups[0]!.rows.map((r) => r.accountId)).toEqual(['alice', 'bob', 'carol']);
  });

  it('several unmarked rows (a cache from before, batches on their way): one by the same rules, never carol’s read-only one', () => {
    const rows = [row('carol', 'info@example.test', READ), row('bob', 'info@example.test', FULL), row('alice', 'info@example.test', FULL), row('bob', 'sales@example.test', FULL)];
    expect(oncePerMailbox(rows, accounts).map((r) => r.id)).toEqual(['alice:shared:info@example.test', 'bob:shared:sales@example.test']);
  });

  it('the same address on another server is another mailbox', () => {
    const two = [accounts[0]!, { id: 'bob', email: 'bob@example.test', imap: { host: 'imap.elsewhere.test', port: 993 } }];
    expect(oncePerMailbox([row('alice', 'info@example.test', FULL), row('bob', 'info@example.test', FULL)], two)).toHaveLength(2);
  });
});
