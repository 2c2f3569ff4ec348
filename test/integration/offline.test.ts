/**
 * "Keep mail from the last N days offline" (issue #3 §3) against the real stack: the kept sources
 * are the server's BODY[] byte for byte, reading them changes no \Seen, mail outside the window
 * is not kept, kept mail opens with the server down, and switching off removes the store.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/shared/model';
import { folderKey, OfflineStore } from '../../src/main/services/offline/offlineStore';
import { windowStart } from '../../src/main/services/offline/offlinePlan';
import { CallError, TestClient } from './services/testClient';
import { type MailStack, servicesFor, settingsFor, startMailStack, stopMailStack, type ServicesUnderTest } from './services/mailStack';
import { withImap } from './services/serverView';

const DAYS = 10;

interface ServerMessage {
  uid: number;
  internalDate: number;
  seen: boolean;
  source: Buffer;
}

let stack: MailStack | null;
let sut: ServicesUnderTest;
let client: TestClient;
let account: Account;
let uidValidity: number;
let before: ServerMessage[];

async function serverInbox(s: MailStack): Promise<{ uidValidity: number; messages: ServerMessage[] }> {
  return withImap(s, 'alice', async (imap) => {
    const box = await imap.mailboxOpen('INBOX', { readOnly: true });
    const messages: ServerMessage[] = [];
    for await (const m of imap.fetch('1:*', { uid: true, flags: true, internalDate: true, source: true })) {
      messages.push({ uid: m.uid, internalDate: new Date(m.internalDate ?? 0).getTime(), seen: m.flags?.has('\\Seen') ?? false, source: m.source! });
    }
    return { uidValidity: Number(box.uidValidity), messages };
  });
}

/** The kept source through the store's own reader (packs + indexes), as message.body reads it. */
const kept = (uid: number) => new OfflineStore(join(sut.profileDir, 'offline')).read(account.id, 'INBOX', uid, 1 << 30);
const keptAll = async (ms: readonly ServerMessage[]) => Promise.all(ms.map((m) => kept(m.uid)));
const inWindow = (m: ServerMessage) => m.internalDate >= windowStart(Date.now(), DAYS).getTime();

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  stack = await startMailStack();
  sut = servicesFor(stack);
  client = new TestClient(sut.services);
  account = await client.call('accounts.add', { settings: settingsFor(stack, 'alice'), password: stack.users.alice.password, rememberPassword: false });
  ({ uidValidity, messages: before } = await serverInbox(stack));
});

afterAll(async () => {
  await sut?.cleanup();
  if (stack) await stopMailStack(stack);
});

describe('offline store', () => {
  it('keeps the INBOX mail of the window byte-identical to BODY[], without touching \\Seen', async () => {
    const recent = before.filter(inWindow);
    const unread = before.filter((m) => !m.seen);
    expect(recent.length).toBeGreaterThan(3);
    expect(unread.some(inWindow)).toBe(true);
    await client.call('mailboxes.setOffline', { accountId: account.id, mailboxId: `${account.id}:own`, days: DAYS });
    await until(async () => (await keptAll(recent)).every((source) => source !== null), 'the recent INBOX mail on disk');
    const sources = await keptAll(recent);
    recent.forEach((m, i) => expect(sources[i]?.equals(m.source)).toBe(true));
    // Packs and their indexes, in the folder's UIDVALIDITY directory; no file per message.
    const shelf = readdirSync(join(sut.profileDir, 'offline', account.id, folderKey('INBOX'), String(uidValidity)));
    expect(shelf.some((f) => f.endsWith('.pack')) && shelf.some((f) => f.endsWith('.idx'))).toBe(true);
    expect(shelf.some((f) => f.endsWith('.eml'))).toBe(false);
    // Other folders of the mailbox are kept too: Sent holds mail of the last days.
    expect(readdirSync(join(sut.profileDir, 'offline', account.id)).length).toBeGreaterThan(1);
    const after = await serverInbox(stack!);
    expect(after.messages.filter((m) => !m.seen).map((m) => m.uid)).toEqual(unread.map((m) => m.uid));
  });

  it('does not keep mail older than the window', async () => {
    const old = before.filter((m) => !inWindow(m));
    expect(old.length).toBeGreaterThan(3);
    expect((await keptAll(old)).every((source) => source === null)).toBe(true);
  });

  it('opens kept mail while the server is unreachable, and says `offline` for mail not kept', async () => {
    const kept = before.filter(inWindow).at(-1)!;
    const notKept = before.find((m) => !inWindow(m))!;
    await stopMailStack(stack!);
    stack = null;
    const body = await client.call('message.body', { accountId: account.id, folderPath: 'INBOX', uid: kept.uid });
    expect(body.uid).toBe(kept.uid);
    expect(body.headers.subject).not.toBe('');
    expect(kept.source.toString('utf8')).toContain(body.headers.subject.slice(0, 8));
    const error = await client.call('message.body', { accountId: account.id, folderPath: 'INBOX', uid: notKept.uid }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallError);
    expect((error as CallError).code).toBe('offline');
  });

  it('removes the store when switched off', async () => {
    await client.call('mailboxes.setOffline', { accountId: account.id, mailboxId: `${account.id}:own`, days: 0 });
    await until(() => !existsSync(join(sut.profileDir, 'offline', account.id)), 'the store to be removed');
  });
});
