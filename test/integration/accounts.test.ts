/**
 * Issue #10 §6 against the real Dovecot and Postfix, with the secrets in the profile folder as
 * the browser host keeps them (FileSecretStore + key file):
 * - credentials stay with their server: after the IMAP host changes, no connection is made with
 *   the old password — the app says it needs the password — until the person gives it again;
 * - a removed account leaves nothing on disk in the profile folder (its id, address and
 *   password appear in no file and no file name), `message.body` no longer serves its mail
 *   kept offline, and the From picker loses its addresses at once (§7).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/shared/model/compose';
import { createServices } from '../../src/main/rpc/createServices';
import { FileSecretStore, KeyFileCipher } from '../../src/main/services/secrets';
import type { Services } from '../../src/main/rpc/createServices';
import { outgoing } from './compose/composeHelpers';
import { settingsFor, startMailStack, stopMailStack, type MailStack } from './services/mailStack';
import { CallError, TestClient } from './services/testClient';

let stack: MailStack;
const opened: { services: Services; profileDir: string }[] = [];

beforeAll(async () => {
  stack = await startMailStack();
});
afterAll(async () => {
  if (stack) await stopMailStack(stack);
});
afterEach(async () => {
  for (const { services, profileDir } of opened.splice(0)) {
    await services.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
});

function start(): { client: TestClient; profileDir: string } {
  const profileDir = mkdtempSync(join(tmpdir(), 'postvak-it-accounts-'));
  const services = createServices(
    {
      profileDir,
      secrets: new FileSecretStore(join(profileDir, 'secrets.json'), new KeyFileCipher(join(profileDir, 'secrets.key'))),
      extraCa: [stack.caPem],
      appVersion: '0.0.0-it',
      host: 'browser',
      systemLocale: 'nl-NL',
      openExternal: async () => undefined,
    },
    { pollMs: 1_000, ackTimeoutMs: 15_000 },
  );
  opened.push({ services, profileDir });
  return { client: new TestClient(services), profileDir };
}

/** A listener standing in for "another server" on the same port: it records every connection. */
async function listenAt(host: string, port: number): Promise<{ connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n');
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
  return {
    connections: () => count,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as CallError);

describe('credentials stay with their server', () => {
  it('a changed IMAP host gets no login with the old password; the app asks for it', async () => {
    const { client } = start();
    const settings = settingsFor(stack, 'alice');
    const alice = await client.call('accounts.add', { settings, password: stack.users.alice.password, rememberPassword: true });
    await client.call('sync.start', { accountId: alice.id, cursors: [] });
    await client.untilSynced(alice.id);

    // Another name only: the same login, so the password stays and the account keeps working.
    const renamed = await client.call('accounts.update', { id: alice.id, settings: { ...settings, displayName: 'Alice B' }, rememberPassword: true });
    expect(renamed.hasPassword).toBe(true);
    expect((await client.call('message.body', { accountId: alice.id, folderPath: 'INBOX', uid: client.folderUids('INBOX')[0]! })).uid).toBeGreaterThan(0);

    // Another host on the same port: something listens there, and must never hear from us.
    const other = await listenAt('127.0.0.2', settings.imap.port);
    try {
      const moved = { ...settings, imap: { ...settings.imap, host: '127.0.0.2' } };
      const updated = await client.call('accounts.update', { id: alice.id, settings: moved, rememberPassword: true });
      expect(updated.hasPassword).toBe(false);
      expect((await client.call('accounts.list', {})).find((a) => a.id === alice.id)?.hasPassword).toBe(false);
      await client.until(() => client.lastStatus(alice.id)?.error?.code === 'noPassword', 'the sync to report noPassword');
      const error = await errorOf(client.call('message.body', { accountId: alice.id, folderPath: 'INBOX', uid: 1 }));
      expect(error?.code).toBe('noPassword');
      expect(other.connections()).toBe(0);

      // Changing it back does not bring the old password back either: it was deleted.
      const back = await client.call('accounts.update', { id: alice.id, settings, rememberPassword: true });
      expect(back.hasPassword).toBe(false);
      // Given again, for the right server, it works again.
      const fixed = await client.call('accounts.update', { id: alice.id, settings, password: stack.users.alice.password, rememberPassword: true });
      expect(fixed.hasPassword).toBe(true);
      await client.until(() => client.lastStatus(alice.id)?.state === 'idle', 'the account to sync again');
      expect(other.connections()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

/** Every file under `dir` (names included) that contains one of `needles`. */
function filesContaining(dir: string, needles: string[]): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (needles.some((n) => name.includes(n))) found.push(full);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const content = readFileSync(full);
        if (needles.some((n) => content.includes(n))) found.push(full);
      }
    }
  };
  walk(dir);
  return found;
}

function namesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
}

describe('removing an account', () => {
  it('leaves nothing of it on disk, no mail served, no From address offered', async () => {
    const { client, profileDir } = start();
    const alice = await client.call('accounts.add', { settings: settingsFor(stack, 'alice'), password: stack.users.alice.password, rememberPassword: true });
    await client.call('sync.start', { accountId: alice.id, cursors: [] });
    await client.untilSynced(alice.id);
    const uid = client.folderUids('INBOX').at(-1)!;

    // Mail kept offline, a local draft, a message waiting in the outbox.
    await client.call('mailboxes.setOffline', { accountId: alice.id, mailboxId: `${alice.id}:own`, days: 3650 });
    await client.until(() => namesUnder(join(profileDir, 'offline')).some((name) => name.endsWith('.pack')), 'mail kept offline');
    const draft = outgoing(alice, `${alice.id}:own`, { subject: 'Half-written' });
    expect((await client.call('drafts.save', { message: draft })).savedLocally).toBe(true);
    const waiting = outgoing(alice, `${alice.id}:own`, { subject: 'Not yet' });
    await client.call('tasks.queue', { task: { type: 'send', message: waiting, delaySeconds: 60 } });
    const needles = [alice.id, alice.email, stack.users.alice.password];
    expect(filesContaining(profileDir, [alice.id]).length).toBeGreaterThan(3);

    await client.call('accounts.remove', { id: alice.id });

    expect(filesContaining(profileDir, needles)).toEqual([]);
    const error = await errorOf(client.call('message.body', { accountId: alice.id, folderPath: 'INBOX', uid }));
    expect(error?.code).toBe('accountNotFound');
    expect(await client.call('drafts.local', {})).toEqual([]);
    expect(await client.call('outbox.list', {})).toEqual([]);
    expect(await client.call('identities.list', {})).toEqual([]);
    const told = client.events.filter((e) => e.event === 'identities.changed').at(-1)?.payload as { identities: Identity[] } | undefined;
    expect(told?.identities.filter((i) => i.accountId === alice.id)).toEqual([]);
  });
});
