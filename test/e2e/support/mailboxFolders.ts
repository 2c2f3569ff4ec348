/**
 * Known messages in a mailbox's folder and what a folder holds, over a separate IMAP session
 * (as another client sees the server, not through the app), and opening any folder of a
 * mailbox in the tree — for the move/archive/undo tests of issue #12.
 */
import type { Page } from '@playwright/test';
import { imapAs, type MailStack } from './fixtures';
import { mailboxNode } from './session';
import type { User } from '../../integration/services/mailStack';

export interface KnownMessage {
  subject: string;
  fromName: string;
  fromAddress: string;
  date: Date;
}

/**
 * `count` messages with unique subjects, newest first (`date` one minute apart, the first one
 * minute ago): the list shows them at its top, in this order.
 */
export function knownMessages(count: number, label: string): KnownMessage[] {
  const stamp = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    subject: `${label} ${i + 1} ${stamp}`,
    fromName: `Klant ${i + 1}`,
    fromAddress: `klant${i + 1}@example.com`,
    date: new Date(stamp - (i + 1) * 60_000),
  }));
}

/** APPENDs `messages` to `path` as `user` (who needs the `i` right there, RFC 4314). */
export function appendMessages(stack: MailStack, user: User, path: string, to: string, messages: readonly KnownMessage[]): Promise<void> {
  return imapAs(stack, user, async (client) => {
    for (const m of messages) {
      const raw = [
        `From: ${m.fromName} <${m.fromAddress}>`,
        `To: ${to}`,
        `Subject: ${m.subject}`,
        `Date: ${m.date.toUTCString()}`,
        `Message-ID: <${m.subject.replace(/\s+/g, '.')}@example.com>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        `Goedemiddag, een vraag over ${m.subject}.`,
        '',
      ].join('\r\n');
      await client.append(path, raw, [], m.date);
    }
  });
}

/** The subjects of every message in `path`, read as `user` over a separate IMAP session. */
export function subjectsIn(stack: MailStack, user: User, path: string): Promise<string[]> {
  return imapAs(stack, user, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const subjects: string[] = [];
      if (!client.mailbox || client.mailbox.exists === 0) return subjects;
      for await (const msg of client.fetch('1:*', { envelope: true })) subjects.push(msg.envelope?.subject ?? '');
      return subjects;
    } finally {
      lock.release();
    }
  });
}

/** Opens the folder named `folder` (its name in the tree, e.g. /^Archive/) of the mailbox `address`. */
export async function openMailboxFolder(page: Page, address: string, folder: RegExp): Promise<void> {
  const node = mailboxNode(page, address).first();
  await node.waitFor();
  if ((await node.getAttribute('aria-expanded')) === 'false') await node.click();
  await node.getByRole('treeitem', { name: folder }).first().click();
}
