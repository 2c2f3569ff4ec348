/**
 * The two test servers behind one face (issue #10 §8): Dovecot (test/mailstack/mailstack.mjs)
 * and Cyrus (test/mailstack/cyrus.mjs) hold the same accounts, grants and seed, each in its own
 * layout. The core flows (coreFlows.ts) run against either through this file.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { SyncTuning } from '../../../src/main/services';
import { deliverCyrus, resetCyrusMailboxes, startCyrusStack, stopCyrusStack, waitForCyrusMessage, type CyrusStack } from '../../mailstack/cyrus.mjs';
import { deliver, resetMailboxes, servicesFor, startMailStack, stopMailStack, type MailStack, type ServicesUnderTest, type User } from '../services/mailStack';
import { waitForMessage } from '../../mailstack/mailstack.mjs';
import type { ImapFlow } from 'imapflow';
import { imapClientFor } from '../services/serverView';

export type ServerKind = 'dovecot' | 'cyrus';

/** Where a server puts an account's folders, as the account and as a member see them. */
export interface Layout {
  /** A folder of the person's own mailbox: 'INBOX', 'Sent' → `Sent` / `INBOX.Sent`. */
  own(folder: string): string;
  /** A folder of a shared mailbox as its members see it: 'INBOX' → `shared/info@example.test/INBOX` / `user.info`. */
  shared(owner: 'info' | 'sales', folder: string): string;
  /** The public folder every member of the team sees, where the server has one. */
  publicFolder: string | null;
}

export const layouts: Record<ServerKind, Layout> = {
  dovecot: {
    own: (folder) => folder,
    shared: (owner, folder) => `shared/${owner}@example.test/${folder}`,
    publicFolder: null,
  },
  cyrus: {
    own: (folder) => (folder === 'INBOX' ? 'INBOX' : `INBOX.${folder}`),
    shared: (owner, folder) => (folder === 'INBOX' ? `user.${owner}` : `user.${owner}.${folder}`),
    publicFolder: 'shared.team',
  },
};

export interface ServerFixture {
  readonly kind: ServerKind;
  readonly layout: Layout;
  /** The file's stack; a Cyrus stack has the MailStack fields the helpers read. */
  readonly stack: MailStack;
  readonly sut: ServicesUnderTest;
  deliver(message: { from: string; to: string | string[]; raw: string }): Promise<{ messageId: string }>;
  /** Waits for a Message-ID in a user's INBOX (delivered through Postfix). */
  waitForMessage(user: string, messageId: string): Promise<{ mailbox: string; uid: number }>;
}

/** One stack of `kind` per file, reset to the seed before each test, fresh services per test. */
export function useServer(kind: ServerKind, tuning: Partial<SyncTuning> = {}): ServerFixture {
  let stack: MailStack | CyrusStack | undefined;
  let sut: ServicesUnderTest | undefined;
  const started = () => {
    if (!stack) throw new Error('the stack is not started (use it inside tests and hooks)');
    return stack;
  };
  beforeAll(async () => {
    stack = kind === 'cyrus' ? await startCyrusStack() : await startMailStack();
  }, 120_000);
  afterAll(async () => {
    if (stack) await (kind === 'cyrus' ? stopCyrusStack(stack as CyrusStack) : stopMailStack(stack as MailStack));
  });
  beforeEach(async () => {
    if (kind === 'cyrus') await resetCyrusMailboxes(started() as CyrusStack);
    else await resetMailboxes(started() as MailStack);
    const log = process.env.POSTVAK_IT_LOG ? (level: string, message: string) => console.log(`[${level}] ${message}`) : undefined;
    sut = servicesFor(started() as MailStack, tuning, [started().caPem], log ? { log } : {});
  }, 60_000);
  afterEach(async () => {
    await sut?.cleanup();
    sut = undefined;
  });
  return {
    kind,
    layout: layouts[kind],
    get stack() {
      return started() as MailStack;
    },
    get sut() {
      if (!sut) throw new Error('no services outside a test');
      return sut;
    },
    deliver: (message) => (kind === 'cyrus' ? deliverCyrus(started() as CyrusStack, message) : deliver(started() as MailStack, message)),
    waitForMessage: (user, messageId) =>
      kind === 'cyrus' ? waitForCyrusMessage(started() as CyrusStack, user, messageId) : waitForMessage(started() as MailStack, user, messageId),
  };
}

/**
 * serverView's withImap for either server: imapflow prefixes the personal namespace (Cyrus:
 * `INBOX.`) to every path it is given, which would turn `user.info` into `INBOX.user.info`; the
 * paths here are whole, as the app's are (ImapFlowSession does the same).
 */
export async function withServerImap<T>(stack: MailStack, user: User, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = imapClientFor(stack, user);
  await client.connect();
  if (client.namespace?.prefix) client.namespace = { ...client.namespace, prefix: '' };
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
