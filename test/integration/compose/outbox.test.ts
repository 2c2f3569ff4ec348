/**
 * The durable outbox against the real stack (issue #4 §6): the SMTP port unreachable while
 * sending (retried, delivered once), and a restart between SMTP acceptance and the Sent copy
 * (the recipient and Sent each hold exactly one copy). The network is cut with the fault proxy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, MemorySecretStore, type Services } from '../../../src/main/rpc/createServices';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy.mjs';
import { doveadm, type MailStack, postfixQueueEmpty, startMailStack, stopMailStack } from '../services/mailStack';
import { withImap } from '../services/serverView';
import { TestClient } from '../services/testClient';
import { addAccount, outgoing, untilState, uidsWithMessageId } from './composeHelpers';

let stack: MailStack;
let smtpProxy: FaultProxy;
let imapProxy: FaultProxy;
const profiles: string[] = [];
const open = new Set<Services>();
const secrets = new MemorySecretStore();

function services(profileDir: string): Services {
  const created = createServices(
    {
      profileDir,
      secrets,
      extraCa: [stack.caPem],
      appVersion: '0.0.0-it',
      host: 'browser',
      systemLocale: 'nl-NL',
      openExternal: async () => undefined,
      outboxTuning: { retryBaseMs: 200, retryCapMs: 800 },
    },
    { pollMs: 1_000 },
  );
  open.add(created);
  return created;
}

async function closeServices(s: Services): Promise<void> {
  open.delete(s);
  await s.close();
}

beforeAll(async () => {
  stack = await startMailStack();
  smtpProxy = await startFaultProxy({ targetPort: stack.ports.submission });
  imapProxy = await startFaultProxy({ targetPort: stack.ports.imaps });
});

afterAll(async () => {
  for (const s of open) await s.close();
  // A LOGOUT still on its way out: closing the proxy in that moment can wait for a socket
  // close that never comes (seen ~2 runs in 3), so let the connections end first.
  for (let i = 0; i < 30 && (imapProxy?.connections() ?? 0) + (smtpProxy?.connections() ?? 0) > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await smtpProxy?.close();
  await imapProxy?.close();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  if (stack) await stopMailStack(stack);
});

function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postvak-outbox-it-'));
  profiles.push(dir);
  return dir;
}

async function copiesAt(user: 'catchall' | 'alice', path: string, messageId: string): Promise<number> {
  if (user === 'catchall') {
    const out = await doveadm(stack, '-f', 'tab', 'fetch', '-u', 'catchall@example.test', 'uid', 'mailbox', path, 'header', 'Message-ID', messageId);
    return out.split('\n').slice(1).filter((l) => l.trim()).length;
  }
  return withImap(stack, 'alice', async (imap) => (await uidsWithMessageId(imap, path, messageId)).length);
}

async function untilDelivered(messageId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await copiesAt('catchall', 'INBOX', messageId)) === 0) {
    if (Date.now() > deadline) throw new Error(`${messageId} was not delivered`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('outbox', () => {
  it('waits while the SMTP port is unreachable, retries with backoff and delivers exactly once when it returns', async () => {
    const s = services(profile());
    const client = new TestClient(s);
    const alice = await addAccount(client, stack, 'alice', { submission: smtpProxy.port });
    smtpProxy.refuse(true);
    const message = outgoing(alice, `${alice.id}:own`);
    await client.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
    const waiting = await untilState(client, message.id, 'retrying');
    expect(waiting.error?.code).toBe('offline');
    await client.until(() => (client.events.filter((e) => e.event === 'outbox.changed').length > 0 && smtpProxy.stats().refused >= 3), 'three refused attempts', 10_000);
    smtpProxy.refuse(false);
    const sent = await untilState(client, message.id, 'sent', 20_000);
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    await untilDelivered(sent.messageId);
    // Nothing left in Postfix's queue: a second submission would have been delivered by now.
    await expect.poll(() => postfixQueueEmpty(stack)).toBe(true);
    expect(await copiesAt('catchall', 'INBOX', sent.messageId)).toBe(1);
    expect(await copiesAt('alice', 'Sent', sent.messageId)).toBe(1);
    await closeServices(s);
  });

  it('a restart after SMTP accepted the message but before the Sent copy: one delivery, one Sent copy', async () => {
    const dir = profile();
    const first = services(dir);
    const client = new TestClient(first);
    const alice = await addAccount(client, stack, 'alice', { imaps: imapProxy.port });
    // Discovery while IMAP works; then the IMAP network goes away (open connections too).
    expect((await client.call('identities.list', {})).some((i) => i.accountId === alice.id && i.kind === 'own')).toBe(true);
    imapProxy.refuse(true);
    imapProxy.cutAll();
    const message = outgoing(alice, `${alice.id}:own`);
    await client.call('tasks.queue', { task: { type: 'send', message, delaySeconds: 0 } });
    const accepted = await untilState(client, message.id, 'accepted');
    await client.until(() => imapProxy.stats().refused >= 2, 'the Sent copy step to fail twice', 10_000);
    await untilDelivered(accepted.messageId);
    expect(await copiesAt('alice', 'Sent', accepted.messageId)).toBe(0);
    await closeServices(first);

    imapProxy.refuse(false);
    const second = services(dir);
    const again = new TestClient(second);
    expect((await again.call('outbox.list', {})).find((i) => i.id === message.id)?.state).toMatch(/^(accepted|sent)$/);
    await untilState(again, message.id, 'sent', 20_000);
    expect(await copiesAt('catchall', 'INBOX', accepted.messageId)).toBe(1);
    expect(await copiesAt('alice', 'Sent', accepted.messageId)).toBe(1);
    await closeServices(second);
  });
});
