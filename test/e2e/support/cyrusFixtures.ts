/**
 * Playwright fixtures for the core flows on Cyrus (issue #10 §8): one Cyrus stack
 * (test/mailstack/cyrus.mjs) per worker, reset to its seed before each test, and the same
 * host/profile machinery as fixtures.ts (session.ts, desk.ts: a browser-host process and profile
 * per person, the stack's CA passed explicitly).
 */
import { test as base, expect } from '@playwright/test';
import type { ImapFlow } from 'imapflow';
import { resetCyrusMailboxes, startCyrusStack, stopCyrusStack, type CyrusStack } from '../../mailstack/cyrus.mjs';
import type { MailStack } from '../../mailstack/mailstack.mjs';
import { withServerImap } from '../../integration/cyrus/servers';
import type { User } from '../../integration/services/mailStack';

export const test = base.extend<{ reset: void }, { stack: MailStack }>({
  stack: [
    // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const stack = await startCyrusStack();
      // The helpers read the MailStack fields a Cyrus stack has too (host, ports, caFile, users).
      await use(stack as unknown as MailStack);
      await stopCyrusStack(stack);
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  reset: [
    async ({ stack }, use) => {
      await resetCyrusMailboxes(stack as unknown as CyrusStack);
      await use();
    },
    { auto: true, timeout: 60_000 },
  ],
});

export { expect };

/** Subjects and senders of a folder as `user` sees it over IMAP (Cyrus paths are whole: `user.info.Sent`). */
export function subjectsIn(stack: MailStack, user: User, path: string): Promise<{ subject: string; from: string; flags: string[] }[]> {
  return withServerImap(stack, user, async (client: ImapFlow) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const out: { subject: string; from: string; flags: string[] }[] = [];
      if (!client.mailbox || client.mailbox.exists === 0) return out;
      for await (const msg of client.fetch('1:*', { envelope: true, flags: true })) {
        out.push({ subject: msg.envelope?.subject ?? '', from: msg.envelope?.from?.[0]?.address?.toLowerCase() ?? '', flags: [...(msg.flags ?? [])] });
      }
      return out;
    } finally {
      lock.release();
    }
  });
}
