import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, Mailbox } from '../../../../../src/shared/model';
import { MailboxRoutes } from '../../../../../src/main/services/mailboxes/MailboxRoutes';
import { mailboxSkeletons } from '../../../../../src/main/services/mailboxes/discovery';

const imap = { host: 'mail.example.test', port: 993 };
const account = (id: string) => ({ id: id as AccountId, email: `${id}@example.test`, imap });
const FULL = 'lrwstipekxacd';

function shared(accountId: string, address: string, rights: string | null): Mailbox {
  return { id: `${accountId}:shared:${address}`, accountId: accountId as AccountId, kind: 'shared', source: 'discovered', address, displayName: '', prefix: `shared/${address}/`, rights, hidden: false, quota: null, offlineDays: 0 };
}

describe('MailboxRoutes (issue #10 §7)', () => {
  let dir: string;
  let accounts: ReturnType<typeof account>[];
  let rediscovered: string[];
  let withPassword: Set<string>;
  const make = (graceMs = 60_000) =>
    new MailboxRoutes({
      profileDir: dir,
      accounts: async () => accounts,
      canSync: async (id) => withPassword.has(id),
      rediscover: (id) => rediscovered.push(id),
      graceMs,
      log: () => undefined,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'postvak-routes-'));
    accounts = [account('alice'), account('bob'), account('carol')];
    withPassword = new Set(['alice', 'bob', 'carol']);
    rediscovered = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('bob and carol wait for alice’s first discovery, then reach info@ through her; bob keeps sales@', async () => {
    const routes = make();
    const alice = await routes.resolver('alice');
    expect(alice('info@example.test')).toBeNull();
    let carolAsked = false;
    const carolResolver = routes.resolver('carol').then((r) => {
      carolAsked = true;
      return r;
    });
    await Promise.resolve();
    expect(carolAsked).toBe(false);
    await routes.note('alice', [shared('alice', 'info@example.test', FULL)]);
    const bob = await routes.resolver('bob');
    expect(bob('info@example.test')).toBe('alice');
    expect(bob('sales@example.test')).toBeNull();
    await routes.note('bob', [shared('bob', 'info@example.test', FULL), shared('bob', 'sales@example.test', FULL)]);
    const carol = await carolResolver;
    expect(carol('info@example.test')).toBe('alice');
    // The mailbox as discovery lists it: reached through alice, so not synced here.
    const [, info] = mailboxSkeletons({ accountId: 'carol' as AccountId, email: 'carol@example.test', displayName: 'Carol', manual: [], hidden: [], via: carol }, [{ prefix: 'shared/info@example.test/', owner: 'info@example.test' }]);
    expect(info).toMatchObject({ address: 'info@example.test', via: 'alice', hidden: true });
    expect(rediscovered).toEqual([]);
  });

  it('carol added first with read-only access hands info@ to alice once alice reports full access', async () => {
    accounts = [account('carol'), account('alice')];
    const routes = make();
    const carol = await routes.resolver('carol');
    expect(carol('info@example.test')).toBeNull();
    await routes.note('carol', [shared('carol', 'info@example.test', 'lr')]);
    const alice = await routes.resolver('alice');
    expect(alice('info@example.test')).toBeNull();
    await routes.note('alice', [shared('alice', 'info@example.test', FULL)]);
    expect(rediscovered).toEqual(['carol']);
    expect((await routes.resolver('carol'))('info@example.test')).toBe('alice');
  });

  it('when alice is removed or loses access, bob takes over at once', async () => {
    const routes = make();
    await routes.resolver('alice').then((r) => r('info@example.test'));
    await routes.note('alice', [shared('alice', 'info@example.test', FULL)]);
    expect((await routes.resolver('bob'))('info@example.test')).toBe('alice');
    await routes.note('bob', [shared('bob', 'info@example.test', FULL)]);
    // alice's MYRIGHTS now refused / info@ gone from her LIST.
    await routes.note('alice', []);
    expect(rediscovered).toEqual(['bob']);
    expect((await routes.resolver('bob'))('info@example.test')).toBeNull();

    await routes.note('alice', [shared('alice', 'info@example.test', FULL)]);
    expect((await routes.resolver('bob'))('info@example.test')).toBe('alice');
    accounts = accounts.filter((a) => a.id !== 'alice');
    rediscovered = [];
    await routes.forget('alice');
    expect(rediscovered).toEqual(['bob']);
  });

  it('the person’s choice is kept in the profile, survives a restart and is dropped with its account', async () => {
    withPassword.delete('bob');
    const routes = make();
    await routes.resolver('alice').then((r) => r('info@example.test'));
    await routes.note('alice', [shared('alice', 'info@example.test', FULL)]);
    await routes.resolver('carol').then((r) => r('info@example.test'));
    await routes.note('carol', [shared('carol', 'info@example.test', 'lr')]);
    await routes.prefer('carol', 'info@example.test');
    expect(rediscovered.sort()).toEqual(['alice', 'carol']);
    expect((await routes.resolver('alice'))('info@example.test')).toBe('carol');
    expect(JSON.parse(readFileSync(join(dir, 'mailboxRoutes.json'), 'utf8'))).toEqual({ version: 1, usedThrough: { 'mail.example.test:993|info@example.test': 'carol' } });

    const again = make();
    await again.note('carol', [shared('carol', 'info@example.test', 'lr')]);
    expect((await again.resolver('alice'))('info@example.test')).toBe('carol');
    accounts = accounts.filter((a) => a.id !== 'carol');
    await again.forget('carol');
    expect(JSON.parse(readFileSync(join(dir, 'mailboxRoutes.json'), 'utf8')).usedThrough).toEqual({});
  });

  it('an earlier account without a password is not waited for; one that never reports is given up after the grace', async () => {
    withPassword.delete('alice');
    const routes = make();
    expect((await routes.resolver('bob'))('info@example.test')).toBeNull();

    withPassword.add('alice');
    const short = make(20);
    expect((await short.resolver('carol'))('info@example.test')).toBeNull();
  });

  it('the own login of info@ is where info@ is used: alice’s view of it is reached through that account', async () => {
    accounts = [account('alice'), { id: 'infoLogin' as AccountId, email: 'info@example.test', imap }];
    const routes = make();
    expect((await routes.resolver('alice'))('info@example.test')).toBe('infoLogin');
  });
});
