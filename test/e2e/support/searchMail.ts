/**
 * Mail for the search tests (issue #13 "Done means"), delivered for real (Postfix → LMTP, so
 * it arrives as a customer's mail does), and the search box's parts as a person finds them:
 * the box by its name, the scope switch's radios, the status line.
 */
import type { Page } from '@playwright/test';
import { deliver } from '../../mailstack/mailstack.mjs';
import type { MailStack } from './fixtures';
import { messageList } from './session';

export interface SearchMail {
  from: string;
  to: string;
  subject: string;
  /** Plain text body. */
  body: string;
  /** An attachment (name → its bytes' text), making the message multipart/mixed. */
  attachment?: { name: string; content: string };
  /** Minutes ago (Date header); newest first in the list. */
  minutesAgo?: number;
}

/** Enough text ahead of a word that it is in neither the list's snippet nor its first bytes. */
export const longIntro = `${'Dit is een lange inleiding over de planning van het kwartaal en alles wat daarbij komt kijken. '.repeat(40)}\n\n`;

function raw(mail: SearchMail, stamp: number): string {
  const head = [
    `From: ${mail.from}`,
    `To: ${mail.to}`,
    `Subject: =?UTF-8?B?${Buffer.from(mail.subject, 'utf8').toString('base64')}?=`,
    `Date: ${new Date(stamp - (mail.minutesAgo ?? 1) * 60_000).toUTCString()}`,
    'MIME-Version: 1.0',
  ];
  const text = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', Buffer.from(mail.body, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n')];
  if (!mail.attachment) return [...head, ...text, ''].join('\r\n');
  const boundary = `b-${stamp}`;
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    ...text,
    `--${boundary}`,
    `Content-Type: application/pdf; name="${mail.attachment.name}"`,
    `Content-Disposition: attachment; filename="${mail.attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(mail.attachment.content).toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Delivers each message over SMTP and waits until it is in its mailbox. */
export async function deliverAll(stack: MailStack, mails: readonly SearchMail[]): Promise<void> {
  const stamp = Date.now();
  for (const mail of mails) {
    const envelopeFrom = mail.from.replace(/^.*</, '').replace(/>.*$/, '');
    await deliver(stack, { from: envelopeFrom, to: mail.to, raw: raw(mail, stamp) });
  }
}

export const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search mail' });
export const scopeRadio = (page: Page, name: 'This folder' | 'This mailbox' | 'Everywhere') => page.getByRole('radio', { name, exact: true });
export const searchStatus = (page: Page) => page.getByRole('search').getByRole('status');

/** The list's row with `subject` (results or a folder). */
export const resultRow = (page: Page, subject: string) => messageList(page).getByRole('option').filter({ hasText: subject });

/** Types `text` into the box as a person does, key by key. */
export async function typeSearch(page: Page, text: string): Promise<void> {
  const box = searchBox(page);
  await box.click();
  await box.fill('');
  await box.pressSequentially(text);
}
