/**
 * A second (third…) person at their own computer: their own browser-host process and profile,
 * their own browser context — for tests where several members work in one shared mailbox.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../../scripts/lib.mjs';
import type { MailStack } from './fixtures';

export interface Person {
  page: Page;
  close(): Promise<void>;
}

/** `displayName` is the name the account signs mail with (default: the user name). */
export async function signedIn(browser: Browser, stack: MailStack, user: 'alice' | 'bob' | 'carol', displayName: string = user): Promise<Person> {
  const profile = mkdtempSync(join(tmpdir(), `postvak-e2e-${user}-`));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, user, displayName), rememberPassword: false });
  if (!added.ok) throw new Error(`could not sign in ${user}: ${added.error?.message}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    async close() {
      await context.close();
      await host.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const messageList = (page: Page) =>
  page.getByRole('grid', { name: 'Messages' }).or(page.getByRole('listbox', { name: 'Messages' }));

/** The tree node of a mailbox, by its address. */
export const mailboxNode = (page: Page, address: string) =>
  page.getByRole('treeitem', { name: new RegExp(`^${address.replace(/[.+]/g, '\\$&')}`) });

/** Opens a shared mailbox's Inbox in the tree. */
export async function openMailboxInbox(page: Page, address: string): Promise<void> {
  const node = mailboxNode(page, address).first();
  await node.waitFor();
  if ((await node.getAttribute('aria-expanded')) === 'false') await node.click();
  await node.getByRole('treeitem', { name: /^Inbox/ }).first().click();
}
