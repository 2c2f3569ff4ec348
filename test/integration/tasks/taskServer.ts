/**
 * Helpers for the task tests (issue #12): what the server holds, seen through a separate IMAP
 * session of any login of the stack (the people and the shared mailboxes' owners).
 */
import { ImapFlow } from 'imapflow';
import type { Account } from '../../../src/shared/model';
import type { Task, TaskOutcome } from '../../../src/shared/api';
import type { TestClient } from '../services/testClient';
import { doveadm, settingsFor, type MailStack, type User } from '../services/mailStack';

export type Login = User | 'info' | 'sales';

function credentials(stack: MailStack, login: Login): { email: string; password: string } {
  return login === 'info' || login === 'sales' ? stack.sharedAccounts[login] : stack.users[login];
}

export async function asLogin<T>(stack: MailStack, login: Login, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const { email, password } = credentials(stack, login);
  const client = new ImapFlow({ host: stack.host, port: stack.ports.imaps, secure: true, auth: { user: email, pass: password }, tls: { ca: [stack.caPem] }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export interface Held {
  uid: number;
  messageId: string;
  flags: string[];
}

/** Every message of `path`: UID, Message-ID and flags, ascending by UID. */
export async function held(client: ImapFlow, path: string): Promise<Held[]> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const out: Held[] = [];
    if (!client.mailbox || client.mailbox.exists === 0) return out;
    for await (const msg of client.fetch('1:*', { uid: true, flags: true, envelope: true })) {
      // \Recent belongs to whichever session saw the message first (RFC 3501 §2.3.2): not the message's.
      out.push({ uid: msg.uid, messageId: msg.envelope?.messageId ?? '', flags: [...(msg.flags ?? [])].filter((f) => f !== '\\Recent').sort() });
    }
    return out.sort((a, b) => a.uid - b.uid);
  } finally {
    lock.release();
  }
}

export async function heldIn(stack: MailStack, login: Login, path: string): Promise<Held[]> {
  return asLogin(stack, login, (client) => held(client, path));
}

export async function folderPaths(stack: MailStack, login: Login): Promise<string[]> {
  return asLogin(stack, login, async (client) => [...new Set((await client.list()).map((f) => f.path))]);
}

export async function addAccount(client: TestClient, stack: MailStack, user: User): Promise<Account> {
  return client.call('accounts.add', { settings: settingsFor(stack, user), password: stack.users[user].password, rememberPassword: false });
}

export function queue(client: TestClient, task: Task): Promise<TaskOutcome> {
  return client.call('tasks.queue', { task });
}

/** A plain message of about `bytes` bytes, APPENDed to `path` of `login`; its Message-ID. */
export async function appendSized(stack: MailStack, login: Login, path: string, subject: string, bytes: number): Promise<string> {
  const messageId = `<${subject.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2)}@example.test>`;
  const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n';
  const body = line.repeat(Math.max(1, Math.ceil(bytes / line.length)));
  const raw = Buffer.from(`From: Tester <tester@example.test>\r\nTo: alice@example.test\r\nSubject: ${subject}\r\nMessage-ID: ${messageId}\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\n${body}`);
  await asLogin(stack, login, (client) => client.append(path, raw, []));
  return messageId;
}

/** Sets the storage quota of `email` to what it uses now plus `headroom` bytes (Maildir++ `maildirsize`, first line). */
export async function tightenQuota(stack: MailStack, email: string, headroom: number): Promise<void> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const home = (await doveadm(stack, '-f', 'flow', 'user', '-f', 'home', email)).trim().replace(/^home=/, '');
  const file = `${home}/Maildir/maildirsize`;
  const lines = (await readFile(file, 'utf8')).split('\n');
  const used = lines.slice(1).reduce((sum, line) => sum + (Number(line.trim().split(/\s+/)[0]) || 0), 0);
  lines[0] = `${used + headroom}S`;
  await writeFile(file, lines.join('\n'));
}
