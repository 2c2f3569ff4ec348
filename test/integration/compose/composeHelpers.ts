/**
 * Shared set-up for the compose integration tests: an account per person on the real stack,
 * outgoing messages, and waiting for outbox states through the `outbox.changed` events.
 */
import { randomBytes } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import type { Account } from '../../../src/shared/model';
import type { OutboxItem, OutgoingMessage } from '../../../src/shared/model/compose';
import type { MailStack, User } from '../services/mailStack';
import { settingsFor } from '../services/mailStack';
import type { TestClient } from '../services/testClient';

export const SHARED_INFO = 'shared/info@example.test';

export async function addAccount(client: TestClient, stack: MailStack, user: User, ports: { imaps?: number; submission?: number } = {}): Promise<Account> {
  const settings = settingsFor(stack, user);
  if (ports.imaps) settings.imap = { ...settings.imap, port: ports.imaps };
  if (ports.submission) settings.smtp = { ...settings.smtp, port: ports.submission };
  return client.call('accounts.add', { settings, password: stack.users[user].password, rememberPassword: false });
}

export function outgoing(account: Account, identityId: string, over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: `it-${randomBytes(9).toString('base64url')}`,
    accountId: account.id,
    identityId,
    to: [{ name: 'Klant', address: 'klant@customer.example' }],
    cc: [],
    bcc: [],
    subject: `Test ${randomBytes(4).toString('hex')}`,
    text: 'Hallo,\n\nDank voor uw bericht.\n',
    html: null,
    attachments: [],
    inReplyTo: null,
    references: [],
    origin: null,
    draft: null,
    ...over,
  };
}

export function outboxItems(client: TestClient): OutboxItem[] {
  const last = client.events.filter((e) => e.event === 'outbox.changed').at(-1)?.payload as { items: OutboxItem[] } | undefined;
  return last?.items ?? [];
}

/** Waits for the item to reach `state` (as the last `outbox.changed` says), returns it. */
export async function untilState(client: TestClient, id: string, state: OutboxItem['state'], ms = 30_000): Promise<OutboxItem> {
  await client.until(() => outboxItems(client).find((i) => i.id === id)?.state === state, `outbox item ${id} to be ${state} (now ${JSON.stringify(outboxItems(client).find((i) => i.id === id))})`, ms);
  return outboxItems(client).find((i) => i.id === id)!;
}

/** UIDs in `path` whose Message-ID header is `messageId`. */
export async function uidsWithMessageId(imap: ImapFlow, path: string, messageId: string): Promise<number[]> {
  const lock = await imap.getMailboxLock(path, { readOnly: true });
  try {
    const found = await imap.search({ header: { 'message-id': messageId } }, { uid: true });
    return Array.isArray(found) ? found : [];
  } finally {
    lock.release();
  }
}

export async function sourceOf(imap: ImapFlow, path: string, uid: number): Promise<{ source: string; flags: string[] }> {
  const lock = await imap.getMailboxLock(path, { readOnly: true });
  try {
    const msg = await imap.fetchOne(String(uid), { source: true, flags: true }, { uid: true });
    if (!msg || !msg.source) throw new Error(`no message ${uid} in ${path}`);
    return { source: msg.source.toString('utf8'), flags: [...(msg.flags ?? [])] };
  } finally {
    lock.release();
  }
}

/** The header block of a raw message, unfolded (RFC 5322 §2.2.3), for exact header checks. */
export function headerOf(source: string, name: string): string[] {
  const head = source.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const prefix = `${name.toLowerCase()}:`;
  return head
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}
