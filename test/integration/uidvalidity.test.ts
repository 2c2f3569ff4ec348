/**
 * Issue #3, "Done means": UIDVALIDITY changed on the server → that folder is rebuilt, the others
 * untouched (RFC 9051 §2.3.1.1: a new UIDVALIDITY means every cached UID may name another
 * message). Two ways it happens: the folder is deleted and created again under the same name
 * while the app is closed (UIDs 1… now name other messages), and the server renumbers a folder
 * while the app is running (noticed by the STATUS poll).
 */
import { expect, it } from 'vitest';
import type { SyncBatch } from '../../src/shared/api';
import type { Account, MessageSummary } from '../../src/shared/model';
import type { TraceMark } from '../../src/main/services/types';
import { withImap } from './services/serverView';
import 'fake-indexeddb/auto';
import { PostvakDb } from '../../src/renderer/db/schema';
import { TestClient } from './services/testClient';
import { storeView } from './services/storeView';
import { doveadm, fillMaildir, settingsFor, useMailStack } from './services/mailStack';

let stores = 0;

const CHANGED = 'Projects';
const OTHER = 'Letters';

/** The engine's trace marks (ServicesOptions.trace): when each LIST-STATUS poll is done. */
const marks: TraceMark[] = [];
const polls = () => marks.filter((m) => m.what === 'poll').length;

const fixture = useMailStack({
  services: true,
  tuning: { pollMs: 1_000 },
  extra: { trace: (mark) => marks.push(mark) },
  beforeEachTest: async (stack) => {
    await fillMaildir(stack, 'alice', CHANGED, 300, { seed: 1 });
    await fillMaildir(stack, 'alice', OTHER, 200, { seed: 2 });
  },
});

interface ServerFolder {
  uidValidity: number;
  rows: Map<number, { flags: string[]; messageId: string | null }>;
}

async function serverState(): Promise<Map<string, ServerFolder>> {
  return withImap(fixture.stack, 'alice', async (client) => {
    const out = new Map<string, ServerFolder>();
    const list = await client.list();
    for (const path of new Set(list.filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent')).map((f) => f.path))) {
      const lock = await client.getMailboxLock(path, { readOnly: true });
      try {
        const rows: ServerFolder['rows'] = new Map();
        if (client.mailbox && client.mailbox.exists > 0) {
          for await (const m of client.fetch('1:*', { uid: true, flags: true, envelope: true })) {
            rows.set(m.uid, { flags: [...(m.flags ?? [])].sort(), messageId: m.envelope?.messageId ?? null });
          }
        }
        out.set(path, { uidValidity: Number(client.mailbox ? client.mailbox.uidValidity : 0), rows });
      } finally {
        lock.release();
      }
    }
    return out;
  });
}

/** The cache of each folder equals the server: UIDs, Message-IDs, flags, count, UIDVALIDITY. */
async function expectCacheMatchesServer(client: TestClient): Promise<Map<string, ServerFolder>> {
  const server = await serverState();
  await expectStoreMatches(client, server);
  const cachedPaths = [...client.folders.values()].filter((f) => f.selectable).map((f) => f.path).sort();
  expect(cachedPaths).toEqual([...server.keys()].sort());
  for (const [path, folder] of server) {
    const cached = client.messages.get(path) ?? new Map<number, MessageSummary>();
    expect(client.folderUids(path), path).toEqual([...folder.rows.keys()].sort((a, b) => a - b));
    for (const [uid, m] of folder.rows) {
      const row = cached.get(uid)!;
      expect({ messageId: row.messageId, flags: [...row.flags].sort() }, `${path} ${uid}`).toEqual(m);
    }
    expect(client.cursors.get(path), path).toMatchObject({ uidValidity: folder.uidValidity, count: folder.rows.size });
  }
  return server;
}

/** The renderer's real page store (issue #11) after the same batches: same UIDs, flags and counters. */
async function expectStoreMatches(client: TestClient, server: Map<string, ServerFolder>): Promise<void> {
  await client.storeSettled();
  expect(client.storeError).toBeNull();
  const stored = await storeView(client.store!);
  expect(stored.counterDiffs).toEqual([]);
  for (const [path, folder] of server) {
    const rows = stored.messages.get(path) ?? new Map<number, MessageSummary>();
    expect([...rows.keys()].sort((a, b) => a - b), `page store ${path}`).toEqual([...folder.rows.keys()].sort((a, b) => a - b));
    for (const [uid, m] of folder.rows) {
      const row = rows.get(uid)!;
      expect({ messageId: row.messageId, flags: [...row.flags].sort() }, `page store ${path} ${uid}`).toEqual(m);
    }
  }
}

async function syncedAlice(client: TestClient): Promise<Account> {
  const account = await client.call('accounts.add', { settings: settingsFor(fixture.stack, 'alice'), password: fixture.stack.users.alice.password, rememberPassword: false });
  await client.call('sync.start', { accountId: account.id, cursors: [] });
  await client.untilSynced(account.id);
  await expectCacheMatchesServer(client);
  return account;
}

type MessagesBatch = Extract<SyncBatch, { kind: 'messages' }>;
const messageBatches = (batches: SyncBatch[], path?: string): MessagesBatch[] =>
  batches.filter((b): b is MessagesBatch => b.kind === 'messages' && (path === undefined || b.folderPath === path));

/**
 * What every folder except `changed` received after `from`: nothing to write. After a restart
 * each folder is checked (a batch with its cursor); a running sync passes only changed folders.
 */
function expectUntouched(client: TestClient, from: number, changed: string, checkedAll: boolean): void {
  const others = messageBatches(client.batches.slice(from)).filter((b) => b.folderPath !== changed);
  if (checkedAll) {
    const checked = new Set(others.filter((b) => b.cursor).map((b) => b.folderPath));
    expect([...checked].sort(), 'every other folder was checked').toEqual([...client.cursors.keys()].filter((p) => p !== changed).sort());
  }
  for (const b of others) {
    expect({ path: b.folderPath, reset: b.reset, upserts: b.upserts.length, flags: b.flagUpdates.length, removed: b.removedUids.length }).toEqual({
      path: b.folderPath,
      reset: false,
      upserts: 0,
      flags: 0,
      removed: 0,
    });
  }
}

it('rebuilds a folder deleted and created again while the app was closed, and leaves the others alone', async () => {
  const client = new TestClient(fixture.sut.services, { store: new PostvakDb(`uidvalidity-${++stores}`) });
  const account = await syncedAlice(client);
  const before = new Map([...client.cursors].map(([path, cursor]) => [path, { ...cursor }]));
  const oldIds = new Map([...client.messages.get(CHANGED)!].map(([uid, m]) => [uid, m.messageId]));
  await client.call('sync.stop', { accountId: account.id });

  // Same name, new folder: UIDs 1…250 again, but other messages, and a new UIDVALIDITY.
  await doveadm(fixture.stack, 'mailbox', 'delete', '-u', fixture.stack.users.alice.email, CHANGED);
  await fillMaildir(fixture.stack, 'alice', CHANGED, 250, { seed: 9 });
  const server = await serverState();
  const fresh = server.get(CHANGED)!;
  expect(fresh.uidValidity, 'precondition: the server gave the folder a new UIDVALIDITY').not.toBe(before.get(CHANGED)!.uidValidity);
  expect(
    [...fresh.rows].filter(([uid, m]) => oldIds.has(uid) && oldIds.get(uid) !== m.messageId).length,
    'precondition: old UIDs now name other messages',
  ).toBeGreaterThan(200);

  const from = client.batches.length;
  await client.call('sync.start', { accountId: account.id, cursors: [...client.cursors.values()] });
  await client.until(() => client.cursors.get(CHANGED)?.uidValidity === fresh.uidValidity, 'the new UIDVALIDITY in the cache');
  await client.untilSynced(account.id);

  const changed = messageBatches(client.batches.slice(from), CHANGED);
  expect(changed[0]!.reset, 'the first batch of the folder resets it').toBe(true);
  expect(changed.slice(1).some((b) => b.reset)).toBe(false);
  expect(changed.reduce((n, b) => n + b.upserts.length, 0)).toBe(250);
  await expectCacheMatchesServer(client);
  expectUntouched(client, from, CHANGED, true);
  for (const [path, cursor] of client.cursors) if (path !== CHANGED) expect(cursor, path).toEqual(before.get(path));
});

it('rebuilds a folder the server renumbers while the app is running, noticed by the poll', async () => {
  const client = new TestClient(fixture.sut.services, { store: new PostvakDb(`uidvalidity-${++stores}`) });
  const account = await syncedAlice(client);
  const old = client.cursors.get(OTHER)!.uidValidity;
  const before = new Map([...client.cursors].map(([path, cursor]) => [path, { ...cursor }]));
  const from = client.batches.length;

  await doveadm(fixture.stack, 'mailbox', 'update', '-u', fixture.stack.users.alice.email, '--uid-validity', String(old + 77), OTHER);
  await client.until(() => client.cursors.get(OTHER)?.uidValidity === old + 77, 'the new UIDVALIDITY in the cache', 15_000);
  await client.until(() => client.lastStatus(account.id)?.state === 'idle', 'idle again');
  // Two more polls, and the passes they started are done once a third poll has run (one loop
  // does both in turn): nothing else may follow.
  const seen = polls();
  await client.until(() => polls() >= seen + 3, 'three more polls', 15_000);

  const changed = messageBatches(client.batches.slice(from), OTHER);
  expect(changed[0]!.reset).toBe(true);
  expect(changed.reduce((n, b) => n + b.upserts.length, 0)).toBe(200);
  await expectCacheMatchesServer(client);
  expectUntouched(client, from, OTHER, false);
  for (const [path, cursor] of client.cursors) if (path !== OTHER) expect(cursor, path).toEqual(before.get(path));
});
