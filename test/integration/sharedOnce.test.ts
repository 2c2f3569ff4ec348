/**
 * Issue #10 §7 against the real stack: alice, bob and carol signed in in one profile all reach
 * info@ (alice and bob with full access, carol read-only). info@ is synced through one account
 * only — never carol's read-only one — and the others list it as reached through that one.
 * When that account goes, the next takes over without a restart; the person's choice moves it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncBatch } from '../../src/shared/api';
import type { Account, Mailbox } from '../../src/shared/model';
import { TestClient } from './services/testClient';
import { settingsFor, type User, useMailStack } from './services/mailStack';

const fixture = useMailStack({ services: true, tuning: { pollMs: 2_000, discoveryMs: 60_000 } });
const INFO = 'shared/info@example.test/';
const SALES = 'shared/sales@example.test/';

type FoldersBatch = Extract<SyncBatch, { kind: 'folders' }>;

const foldersBatches = (client: TestClient, accountId: string): FoldersBatch[] =>
  client.batches.filter((b): b is FoldersBatch => b.kind === 'folders' && b.accountId === accountId);
const lastFolders = (client: TestClient, accountId: string): FoldersBatch | undefined => foldersBatches(client, accountId).at(-1);
const infoOf = (batch: FoldersBatch | undefined): Mailbox | undefined => batch?.mailboxes.find((m) => m.address === 'info@example.test');
const syncsInfo = (batch: FoldersBatch | undefined) => (batch?.folders ?? []).some((f) => f.path.startsWith(INFO));
/** Accounts that were sent info@'s messages. */
const infoMessagesFrom = (client: TestClient, since = 0) =>
  new Set(client.batches.slice(since).flatMap((b) => (b.kind === 'messages' && b.folderPath.startsWith(INFO) && b.upserts.length > 0 ? [b.accountId] : [])));

async function addAll(client: TestClient): Promise<Record<User, Account>> {
  const out = {} as Record<User, Account>;
  for (const user of ['alice', 'bob', 'carol'] as const) {
    out[user] = await client.call('accounts.add', { settings: settingsFor(fixture.stack, user), password: fixture.stack.users[user].password, rememberPassword: false });
  }
  // All three start at once, as a window does on start.
  await Promise.all(Object.values(out).map((account) => client.call('sync.start', { accountId: account.id, cursors: [] })));
  await client.until(() => Object.values(out).every((a) => client.lastStatus(a.id)?.state === 'idle'), 'all three accounts to be idle', 90_000);
  return out;
}

describe('one shared mailbox through three accounts (issue #10 §7)', () => {
  it('info@ is synced through alice only; bob and carol list it as reached through her; bob still syncs sales@', async () => {
    const client = new TestClient(fixture.sut.services);
    const { alice, bob, carol } = await addAll(client);

    expect(infoMessagesFrom(client)).toEqual(new Set([alice.id]));
    expect(syncsInfo(lastFolders(client, alice.id))).toBe(true);
    expect(infoOf(lastFolders(client, alice.id))).toMatchObject({ hidden: false });
    expect(infoOf(lastFolders(client, alice.id))?.via).toBeUndefined();
    for (const other of [bob, carol]) {
      // Never synced here, not even briefly at start-up.
      expect(foldersBatches(client, other.id).some(syncsInfo)).toBe(false);
      expect(infoOf(lastFolders(client, other.id))).toMatchObject({ via: alice.id, hidden: true });
    }
    expect(lastFolders(client, bob.id)?.folders.some((f) => f.path === `${SALES}INBOX`)).toBe(true);

    // The From picker offers info@ once, through alice.
    const identities = await client.call('identities.list', {});
    expect(identities.filter((i) => i.address === 'info@example.test').map((i) => i.accountId)).toEqual([alice.id]);
  }, 180_000);

  it('when alice is removed, bob takes over info@ without a restart; carol’s read-only view never does', async () => {
    const client = new TestClient(fixture.sut.services);
    const { alice, bob, carol } = await addAll(client);
    const before = client.batches.length;
    await client.call('accounts.remove', { id: alice.id });
    await client.until(() => syncsInfo(lastFolders(client, bob.id)), 'bob to take info@ over', 30_000);
    await client.until(() => infoMessagesFrom(client, before).has(bob.id), 'info@’s mail through bob', 30_000);
    await client.until(() => infoOf(lastFolders(client, carol.id))?.via === bob.id, 'carol to reach info@ through bob', 30_000);
    expect(foldersBatches(client, carol.id).some(syncsInfo)).toBe(false);
    expect(infoMessagesFrom(client, before).has(carol.id)).toBe(false);
  }, 180_000);

  it('the person’s choice moves info@ to carol and is remembered in the profile', async () => {
    const client = new TestClient(fixture.sut.services);
    const { alice, carol } = await addAll(client);
    await client.call('mailboxes.setRoute', { accountId: carol.id, address: 'info@example.test' });
    await client.until(() => syncsInfo(lastFolders(client, carol.id)), 'carol to sync info@', 30_000);
    await client.until(() => infoOf(lastFolders(client, alice.id))?.via === carol.id && !syncsInfo(lastFolders(client, alice.id)), 'alice to reach info@ through carol', 30_000);
    expect(infoOf(lastFolders(client, carol.id))).toMatchObject({ hidden: false, rights: 'lr' });
    const saved = JSON.parse(readFileSync(join(fixture.sut.profileDir, 'mailboxRoutes.json'), 'utf8')) as { usedThrough: Record<string, string> };
    expect(Object.values(saved.usedThrough)).toEqual([carol.id]);
  }, 180_000);
});
