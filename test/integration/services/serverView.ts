/**
 * A separate IMAP session, independent of the code under test, to see what the server holds.
 */
import { ImapFlow } from 'imapflow';
import type { MailStack, User } from './mailStack';

/** An unconnected client for `user` over IMAPS, the stack's CA passed explicitly. */
export function imapClientFor(stack: MailStack, user: User): ImapFlow {
  const client = new ImapFlow({
    host: stack.host,
    port: stack.ports.imaps,
    secure: true,
    auth: { user: stack.users[user].email, pass: stack.users[user].password },
    tls: { ca: [stack.caPem] },
    logger: false,
  });
  // resetMailboxes() and the fault proxy end sessions; the test sees that through its calls.
  client.on('error', () => undefined);
  return client;
}

export async function withImap<T>(stack: MailStack, user: User, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = imapClientFor(stack, user);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** uid → sorted flags of every message in the folder. */
export async function folderState(client: ImapFlow, path: string): Promise<Map<number, string[]>> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const out = new Map<number, string[]>();
    if (!client.mailbox || client.mailbox.exists === 0) return out;
    for await (const msg of client.fetch('1:*', { uid: true, flags: true })) out.set(msg.uid, [...(msg.flags ?? [])].sort());
    return out;
  } finally {
    lock.release();
  }
}

export async function selectableFolders(client: ImapFlow): Promise<string[]> {
  const list = await client.list();
  return [...new Set(list.filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent')).map((f) => f.path))];
}
