/**
 * Writing mail as a person does (issue #4), by role and accessible name only, and reading what
 * the server then holds through an independent IMAP session (parsed with mailparser, so header
 * encodings and folding do not matter to the checks).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import type { User } from '../../integration/services/mailStack';
import { imapAs, type MailStack } from './fixtures';
import { mailboxNode, messageList } from './session';

export type ComposerName = 'New message' | 'Reply' | 'Forward';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The open composer, a region (or form) named by what it writes. */
export const composer = (page: Page, name: ComposerName) =>
  page.getByRole('region', { name, exact: true }).or(page.getByRole('form', { name, exact: true }));

export const fromPicker = (scope: Locator) => scope.getByRole('combobox', { name: 'From' });

/** What a select (the From picker, a send mode) shows now: the chosen option's label, e.g. "Display Name <address>". */
export async function chosenLabel(picker: Locator): Promise<string> {
  return picker.evaluate((el) =>
    el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? '') : (el.textContent ?? (el as HTMLInputElement).value ?? ''),
  );
}

/** Every label the From picker offers. */
export async function offeredFrom(picker: Locator): Promise<string[]> {
  return picker.evaluate((el) => (el instanceof HTMLSelectElement ? [...el.options].map((o) => o.textContent ?? '') : []));
}

/** Picks the identity with `address` in the From picker, as a person picks from the list. */
export async function chooseFrom(picker: Locator, address: string): Promise<void> {
  const label = (await offeredFrom(picker)).find((l) => l.includes(`<${address}>`));
  expect(label, `the From picker offers ${address}`).toBeTruthy();
  await picker.selectOption({ label: label! });
}

/** Types at the top of the body (above any quote), as a person replying does. */
export async function typeAtTop(page: Page, scope: Locator, text: string): Promise<void> {
  const body = scope.getByRole('textbox', { name: 'Message' });
  await body.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Opens a folder of a mailbox in the tree (expanding the mailbox node first). */
export async function openFolder(page: Page, address: string, folder: string | RegExp): Promise<void> {
  const node = mailboxNode(page, address).first();
  await node.waitFor();
  if ((await node.getAttribute('aria-expanded')) === 'false') await node.click();
  const name = typeof folder === 'string' ? new RegExp(`^${escape(folder)}`) : folder;
  await node.getByRole('treeitem', { name }).first().click();
}

/** Opens the message with exactly this subject from the list shown now. */
export async function openMessage(page: Page, subject: string): Promise<void> {
  await messageList(page).getByText(subject, { exact: true }).first().click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
}

/** Throws the composer's message away ("Discard draft", then the confirmation if one is asked). */
export async function discard(page: Page, scope: Locator): Promise<void> {
  await scope.getByRole('button', { name: 'Discard draft' }).click();
  const confirm = page.getByRole('dialog').or(page.getByRole('alertdialog')).getByRole('button', { name: /^Discard/ });
  await expect(async () => {
    if (await confirm.isVisible()) await confirm.click();
    await expect(scope).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

/** Goes to Settings and back to mail around `work`. */
export async function inSettings(page: Page, work: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await work();
  await page.getByRole('button', { name: 'Back to mail' }).click();
}

export const outboxNode = (page: Page) => page.getByRole('treeitem', { name: 'Outbox', exact: false });
export const outboxList = (page: Page) => page.getByRole('list', { name: 'Outbox' });
export const outboxItem = (page: Page, subject: string) => outboxList(page).getByRole('listitem').filter({ hasText: subject });

export interface ServerMessage {
  uid: number;
  flags: string[];
  subject: string;
  messageId: string;
  inReplyTo: string;
  /** Address of the From header (the first mailbox). */
  from: string;
  /** Addresses of the To header. */
  to: string[];
  /** Address of the Sender header, null when there is none (RFC 5322 §3.6.2). */
  sender: string | null;
  text: string;
}

/** Every message of a folder as the server holds it, read as `user`. */
export function serverMessages(stack: MailStack, user: User, path: string): Promise<ServerMessage[]> {
  return imapAs(stack, user, async (client) => {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const out: ServerMessage[] = [];
      if (!client.mailbox || client.mailbox.exists === 0) return out;
      for await (const msg of client.fetch('1:*', { uid: true, flags: true, source: true })) {
        if (!msg.source) continue;
        const parsed = await simpleParser(msg.source);
        const sender = parsed.headers.get('sender') as { value?: { address?: string }[] } | undefined;
        out.push({
          uid: msg.uid,
          flags: [...(msg.flags ?? [])].sort(),
          subject: parsed.subject ?? '',
          messageId: parsed.messageId ?? '',
          inReplyTo: parsed.inReplyTo ?? '',
          from: parsed.from?.value[0]?.address?.toLowerCase() ?? '',
          to: [parsed.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address?.toLowerCase() ?? '')),
          sender: sender ? (sender.value?.[0]?.address?.toLowerCase() ?? '') : null,
          text: parsed.text ?? '',
        });
      }
      return out;
    } finally {
      lock.release();
    }
  });
}

/** The messages of a folder with exactly this subject. */
export async function withSubject(stack: MailStack, user: User, path: string, subject: string): Promise<ServerMessage[]> {
  return (await serverMessages(stack, user, path)).filter((m) => m.subject === subject);
}

/** A shared mailbox's folder as its members see it over IMAP (Dovecot's shared namespace). */
export const sharedFolder = (address: string, folder: string) => `shared/${address}/${folder}`;
