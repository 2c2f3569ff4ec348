/**
 * Issue #10 §9, "Done means": with the own mailbox, three shared mailboxes and their calendars,
 * and two windows, an account keeps within 5 IMAP connections — counted by the server itself
 * (`doveadm who`), not by our own counter — against Dovecot's default limit of 10 per user and
 * address; the folders it does not watch with IDLE are polled, so new mail still arrives.
 */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../src/shared/model';
import { TestClient } from './testClient';
import { deliver, doveadm, settingsFor, useMailStack, type MailStack } from './mailStack';

const fixture = useMailStack({
  services: true,
  // Re-discovery (with its fresh-login probe) and polls many times within the test.
  tuning: { pollMs: 700, discoveryMs: 1_500 },
});

const BOB = 'bob@example.test';
const EXTRA = 'catchall@example.test';

/** bob's IMAP connections as Dovecot counts them (anvil, via `doveadm who`). */
async function serverCount(stack: MailStack): Promise<number> {
  const out = await doveadm(stack, '-f', 'tab', 'who', '-1');
  return out
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([user, proto]) => user === BOB && proto === 'imap').length;
}

/** Samples the server's count until stopped; the highest seen. */
function sampleConnections(stack: MailStack): { stop(): Promise<{ max: number; samples: number }> } {
  let running = true;
  let max = 0;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      max = Math.max(max, await serverCount(stack));
      samples += 1;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { max, samples };
    },
  };
}

/** A third shared mailbox for bob (the seed has info@ and sales@): catchall@ shares its INBOX and a calendar. */
async function shareCatchallWithBob(stack: MailStack): Promise<void> {
  await doveadm(stack, 'mailbox', 'create', '-u', EXTRA, 'Calendar');
  await doveadm(stack, 'mailbox', 'metadata', 'set', '-u', EXTRA, 'Calendar', '/shared/vendor/kolab/folder-type', 'event');
  for (const folder of ['INBOX', 'Calendar']) {
    await doveadm(stack, 'acl', 'set', '-u', EXTRA, folder, `user=${BOB}`, 'lookup', 'read', 'write', 'write-seen', 'insert', 'expunge');
  }
  await doveadm(stack, 'acl', 'recalc', '-u', EXTRA);
}

const mail = (to: string, subject: string) => ({
  from: 'klant@example.nl',
  to,
  raw: `From: Klant <klant@example.nl>\r\nTo: ${to}\r\nSubject: ${subject}\r\n\r\nHallo.\r\n`,
});

describe('connection budget (issue #10 §9)', () => {
  it('two windows of bob with own + three shared mailboxes and their calendars stay within 5 connections at the server', async () => {
    const stack = fixture.stack;
    await shareCatchallWithBob(stack);
    const first = new TestClient(fixture.sut.services);
    const second = new TestClient(fixture.sut.services, { cacheOf: first });
    const account: Account = await first.call('accounts.add', { settings: settingsFor(stack, 'bob'), password: stack.users.bob.password, rememberPassword: false });
    const sampler = sampleConnections(stack);
    try {
      await first.call('sync.start', { accountId: account.id, cursors: [] });
      await second.call('sync.start', { accountId: account.id, cursors: [...first.cursors.values()] });
      await second.untilSynced(account.id, 60_000);
      const inboxes = ['INBOX', 'shared/info@example.test/INBOX', 'shared/sales@example.test/INBOX', `shared/${EXTRA}/INBOX`];
      const calendars = [...first.folders.values()].filter((f) => f.role === 'calendar').map((f) => f.path);
      expect(inboxes.every((path) => first.folders.has(path))).toBe(true);
      // The own calendar (made by the sync) and those of info@, sales@ and catchall@.
      expect(calendars).toEqual(expect.arrayContaining(['Calendar', 'shared/info@example.test/Calendar', 'shared/sales@example.test/Calendar', `shared/${EXTRA}/Calendar`]));

      // A person reads a message in each shared Inbox (the request connection) while mail arrives everywhere.
      for (const path of inboxes.slice(1)) {
        const uid = first.folderUids(path).at(-1);
        if (uid !== undefined) await first.call('message.body', { accountId: account.id, folderPath: path, uid });
      }
      for (const [i, to] of [BOB, 'info@example.test', 'sales@example.test', EXTRA].entries()) await deliver(stack, mail(to, `Budget ${i}`));
      const arrived = (path: string, subject: string) => [...(first.messages.get(path)?.values() ?? [])].some((m) => m.subject === subject);
      await second.until(() => inboxes.every((path, i) => arrived(path, `Budget ${i}`)), 'the new mail in all four Inboxes', 30_000);
      // A folder nobody watches is polled: a copy into sales@'s Archive arrives too.
      await doveadm(stack, 'copy', '-u', 'sales@example.test', 'Archive', 'mailbox', 'INBOX', 'header', 'subject', 'Budget 2');
      await second.until(() => arrived('shared/sales@example.test/Archive', 'Budget 2'), 'the copy in the polled Archive', 30_000);

      // With the budget full, re-discovery's fresh login still finds a grant made now (it takes a watcher's place).
      await doveadm(stack, 'acl', 'set', '-u', 'carol@example.test', 'INBOX', `user=${BOB}`, 'lookup', 'read');
      await doveadm(stack, 'acl', 'recalc', '-u', 'carol@example.test');
      await second.until(() => first.folders.has('shared/carol@example.test/INBOX'), 'the grant on carol@ to show', 30_000);

      // The writing window closes: the other one takes over, within the same budget.
      await second.session.close();
      await deliver(stack, mail('sales@example.test', 'After the window closed'));
      await first.until(() => arrived('shared/sales@example.test/INBOX', 'After the window closed'), 'mail after the writing window closed', 30_000);
    } finally {
      const { max, samples } = await sampler.stop();
      console.log(`bob's IMAP connections at the server: at most ${max} (${samples} samples of doveadm who)`);
      expect(samples).toBeGreaterThan(10);
      expect(max).toBeGreaterThanOrEqual(2);
      expect(max).toBeLessThanOrEqual(5);
    }
  });
});
