/**
 * The sync engine against the real mail stack: full sync, incremental changes made by another
 * session, a UIDVALIDITY change, resuming from cursors, and setFlags.
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../src/shared/model';
import { TestClient } from './testClient';
import { deliver, doveadm, seed, settingsFor, type User, useMailStack } from './mailStack';
import { folderState, selectableFolders, withImap } from './serverView';

const fixture = useMailStack({ services: true });

async function addAccount(client: TestClient, user: User): Promise<Account> {
  return client.call('accounts.add', { settings: settingsFor(fixture.stack, user), password: fixture.stack.users[user].password, rememberPassword: false });
}

/** The client's cache equals what a separate session sees, for every selectable folder. */
async function expectCacheMatchesServer(client: TestClient, user: User): Promise<void> {
  await withImap(fixture.stack, user, async (imap) => {
    const paths = await selectableFolders(imap);
    expect([...client.folders.values()].filter((f) => f.selectable).map((f) => f.path).sort()).toEqual([...paths].sort());
    for (const path of paths) {
      const server = await folderState(imap, path);
      const cached = client.messages.get(path) ?? new Map();
      expect(client.folderUids(path), path).toEqual([...server.keys()].sort((a, b) => a - b));
      for (const [uid, flags] of server) expect([...cached.get(uid)!.flags].sort(), `${path} ${uid}`).toEqual(flags);
      expect(client.cursors.get(path)!.count, path).toBe(server.size);
    }
  });
}

async function cacheMatches(client: TestClient, user: User): Promise<boolean> {
  try {
    await expectCacheMatchesServer(client, user);
    return true;
  } catch {
    return false;
  }
}

async function eventually(client: TestClient, user: User, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await cacheMatches(client, user))) {
    if (Date.now() > deadline) {
      await expectCacheMatchesServer(client, user);
      throw new Error(`cache never matched: ${what}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('full sync', () => {
  it('brings every folder of alice into the cache, as the server has it', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, 'alice');
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);
    await expectCacheMatchesServer(client, 'alice');

    const roles = Object.fromEntries([...client.folders.values()].filter((f) => f.role).map((f) => [f.path, f.role]));
    expect(roles).toMatchObject({ INBOX: 'inbox', Sent: 'sent', Drafts: 'drafts', Trash: 'trash', Junk: 'junk', Archive: 'archive' });
    expect(roles['shared/info@example.test/INBOX']).toBe('inbox');
    expect(roles['shared/info@example.test/Sent']).toBe('sent');
    const firstMessagesBatch = client.batches.find((b) => b.kind === 'messages');
    expect(firstMessagesBatch).toMatchObject({ folderPath: 'INBOX' });

    const inbox = [...client.messages.get('INBOX')!.values()];
    expect(inbox.length).toBeGreaterThanOrEqual(25);
    const cafe = inbox.find((m) => m.subject === seed.CAFE_SUBJECT)!;
    expect(cafe.from[0]!.address).toMatch(/@example\.nl$/);
    expect(cafe.snippet.length).toBeGreaterThan(10);
    expect(cafe.modseq).not.toBe('0');
    expect(inbox.filter((m) => m.snippet === '').map((m) => m.subject)).toEqual([]);
    expect(inbox.find((m) => m.subject === seed.FLAGGED_SUBJECT)!.flags).toContain('\\Flagged');
    expect(inbox.some((m) => m.hasAttachments)).toBe(true);
    for (const m of inbox) {
      expect(m.date).toBeGreaterThan(Date.parse('2020-01-01'));
      expect(m.snippet.length).toBeLessThanOrEqual(200);
      expect(m.snippet).not.toMatch(/\s{2}|<[a-z]+[\s>]/i);
    }
    expect(client.lastStatus(account.id)).toMatchObject({ state: 'idle' });
  });

  it('sends nothing new when started again from the cursors it acknowledged', async () => {
    const first = new TestClient(fixture.sut.services);
    const account = await addAccount(first, 'alice');
    await first.call('sync.start', { accountId: account.id, cursors: [] });
    await first.untilSynced(account.id);
    await first.call('sync.stop', { accountId: account.id });
    const before = first.batches.length;
    await first.call('sync.start', { accountId: account.id, cursors: [...first.cursors.values()] });
    await first.until(() => first.batches.length - before >= 1 + first.cursors.size && first.lastStatus(account.id)?.state === 'idle', 'resync');
    const again = first.batches.slice(before).filter((b) => b.kind === 'messages');
    expect(again.every((b) => b.kind === 'messages' && b.upserts.length === 0 && b.flagUpdates.length === 0)).toBe(true);
    await expectCacheMatchesServer(first, 'alice');
  });

  it('reports a password main does not hold as a noPassword sync error', async () => {
    const first = new TestClient(fixture.sut.services);
    const account = await addAccount(first, 'alice');
    // Same profile, fresh process: the password was not to be remembered, so it is gone.
    const { createServices, MemorySecretStore } = await import('../../../src/main/rpc/createServices');
    const restarted = createServices({
      profileDir: fixture.sut.profileDir,
      secrets: new MemorySecretStore(),
      extraCa: [fixture.stack.caPem],
      appVersion: '0',
      host: 'browser',
      systemLocale: '',
      openExternal: async () => undefined,
    });
    try {
      const client = new TestClient(restarted);
      expect(await client.call('accounts.list', {})).toEqual([expect.objectContaining({ id: account.id, hasPassword: false })]);
      await client.call('sync.start', { accountId: account.id, cursors: [] });
      await client.until(() => client.lastStatus(account.id)?.state === 'error', 'an error status');
      expect(client.lastStatus(account.id)!.error).toMatchObject({ code: 'noPassword' });
      await expect(client.call('message.body', { accountId: account.id, folderPath: 'INBOX', uid: 1 })).rejects.toMatchObject({ code: 'noPassword' });
    } finally {
      await restarted.close();
    }
  });
});

describe('incremental sync', () => {
  it('follows flag changes, a delivery and an expunge made by another session', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, 'alice');
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);
    const inboxBefore = client.folderUids('INBOX');

    await withImap(fixture.stack, 'alice', async (imap) => {
      const lock = await imap.getMailboxLock('INBOX');
      try {
        await imap.messageFlagsAdd(String(inboxBefore[0]), ['\\Flagged', '$Label1'], { uid: true });
        await imap.messageFlagsRemove(String(inboxBefore[1]), ['\\Seen'], { uid: true });
        await imap.messageDelete(String(inboxBefore[2]), { uid: true });
      } finally {
        lock.release();
      }
      const archive = await imap.getMailboxLock('Archive');
      try {
        await imap.messageFlagsAdd('1:*', ['\\Flagged'], { uid: false });
      } finally {
        archive.release();
      }
    });
    await deliver(fixture.stack, {
      from: 'sanne.devries@example.nl',
      to: fixture.stack.users.alice.email,
      raw: 'From: Sanne <sanne.devries@example.nl>\r\nTo: alice@example.test\r\nSubject: Nieuw bericht\r\n\r\nDit is nieuw.\r\n',
    });

    await eventually(client, 'alice', 'changes in INBOX (IDLE) and Archive (poll)');
    const inbox = client.messages.get('INBOX')!;
    expect(inbox.get(inboxBefore[0]!)!.flags).toEqual(expect.arrayContaining(['\\Flagged', '$Label1']));
    expect(inbox.has(inboxBefore[2]!)).toBe(false);
    const fresh = [...inbox.values()].find((m) => m.subject === 'Nieuw bericht')!;
    expect(fresh.snippet).toBe('Dit is nieuw.');
    expect(fresh.uid).toBeGreaterThan(Math.max(...inboxBefore));
  });

  it('catches up on changes made while the sync was stopped', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, 'alice');
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);
    await client.call('sync.stop', { accountId: account.id });
    await withImap(fixture.stack, 'alice', async (imap) => {
      const lock = await imap.getMailboxLock('Sent');
      try {
        await imap.messageDelete('1', { uid: false });
        await imap.messageFlagsAdd('1:*', ['$Done'], { uid: false });
      } finally {
        lock.release();
      }
    });
    const before = client.batches.length;
    await client.call('sync.start', { accountId: account.id, cursors: [...client.cursors.values()] });
    await eventually(client, 'alice', 'changes while stopped');
    const upserts = client.batches.slice(before).reduce((n, b) => n + (b.kind === 'messages' ? b.upserts.length : 0), 0);
    expect(upserts).toBe(0);
  });

  it('wipes and refetches a folder whose UIDVALIDITY changed', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, 'alice');
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);
    const oldValidity = client.cursors.get('Archive')!.uidValidity;
    await client.call('sync.stop', { accountId: account.id });
    await doveadm(fixture.stack, 'mailbox', 'update', '-u', fixture.stack.users.alice.email, '--uid-validity', String(oldValidity + 1000), 'Archive');
    const before = client.batches.length;
    await client.call('sync.start', { accountId: account.id, cursors: [...client.cursors.values()] });
    await client.until(() => client.cursors.get('Archive')?.uidValidity === oldValidity + 1000, 'new UIDVALIDITY');
    const archiveBatches = client.batches.slice(before).filter((b) => b.kind === 'messages' && b.folderPath === 'Archive');
    expect(archiveBatches[0]).toMatchObject({ reset: true });
    await eventually(client, 'alice', 'after reset');
  });
});

describe('tasks.queue setFlags', () => {
  it('stores flags on the server and the cache two windows share follows, written by the window that started last', async () => {
    const a = new TestClient(fixture.sut.services);
    const b = new TestClient(fixture.sut.services, { cacheOf: a });
    const account = await addAccount(a, 'alice');
    await a.call('sync.start', { accountId: account.id, cursors: [] });
    await a.untilSynced(account.id);
    await b.call('sync.start', { accountId: account.id, cursors: [...a.cursors.values()] });
    const batchesOfA = a.batches.length;
    const statusesOfA = a.statuses.length;
    const uid = a.folderUids('Archive')[0]!;
    await a.call('tasks.queue', { task: { type: 'setFlags', accountId: account.id, folderPath: 'Archive', uids: [uid], add: ['\\Flagged'], remove: ['\\Seen'] } });
    const server = await withImap(fixture.stack, 'alice', (imap) => folderState(imap, 'Archive'));
    expect(server.get(uid)).toContain('\\Flagged');
    expect(server.get(uid)).not.toContain('\\Seen');
    await b.until(() => b.messages.get('Archive')?.get(uid)?.flags.includes('\\Flagged') === true, 'client b to see the flag', 5_000);
    expect(b.messages.get('Archive')!.get(uid)!.flags).not.toContain('\\Seen');
    // Issue #10 §9: the window that started last writes; the first still hears the status.
    expect(a.batches.length).toBe(batchesOfA);
    expect(b.batches.length).toBeGreaterThan(0);
    expect(a.statuses.length).toBeGreaterThan(statusesOfA);
  });

  it('refuses changes in a shared mailbox carol may only read', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, 'carol');
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.untilSynced(account.id);
    const path = 'shared/info@example.test/INBOX';
    const uid = client.folderUids(path)[0]!;
    await expect(
      client.call('tasks.queue', { task: { type: 'setFlags', accountId: account.id, folderPath: path, uids: [uid], add: ['\\Flagged'], remove: [] } }),
    ).rejects.toMatchObject({ code: 'notPermitted' });
  });

  it('reports an unknown account and a missing folder', async () => {
    const client = new TestClient(fixture.sut.services);
    const account = await addAccount(client, 'alice');
    await expect(
      client.call('tasks.queue', { task: { type: 'setFlags', accountId: 'nope', folderPath: 'INBOX', uids: [1], add: ['\\Seen'], remove: [] } }),
    ).rejects.toMatchObject({ code: 'accountNotFound' });
    await expect(
      client.call('tasks.queue', { task: { type: 'setFlags', accountId: account.id, folderPath: 'Nope', uids: [1], add: ['\\Seen'], remove: [] } }),
    ).rejects.toMatchObject({ code: 'serverRefused' });
  });
});

describe('an unreachable server', () => {
  it('answers requests with offline and keeps the sync retrying as offline', async () => {
    const client = new TestClient(fixture.sut.services);
    const settings = settingsFor(fixture.stack, 'alice');
    settings.imap.port = 1;
    const account = await client.call('accounts.add', { settings, password: fixture.stack.users.alice.password, rememberPassword: false });
    await expect(
      client.call('tasks.queue', { task: { type: 'setFlags', accountId: account.id, folderPath: 'INBOX', uids: [1], add: ['\\Seen'], remove: [] } }),
    ).rejects.toMatchObject({ code: 'offline' });
    await client.call('sync.start', { accountId: account.id, cursors: [] });
    await client.until(() => client.statuses.filter((s) => s.state === 'offline').length >= 2, 'two offline attempts', 10_000);
    expect(client.lastStatus(account.id)!.error).toMatchObject({ code: 'offline' });
    expect(JSON.stringify(client.statuses)).not.toContain(fixture.stack.users.alice.password);
  });
});
