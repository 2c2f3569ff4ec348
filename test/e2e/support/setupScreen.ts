/** Drives the account setup screen the way a person does (role + accessible name only). */
import type { Page } from '@playwright/test';
import type { MailStack } from './fixtures';

export async function fillAccountForm(page: Page, stack: MailStack, user: 'alice' | 'bob' | 'carol', password: string) {
  const u = stack.users[user];
  await page.getByRole('textbox', { name: 'Email address' }).fill(u.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  // The guess for example.test (imap.example.test) does not resolve: the person corrects it.
  const disclosure = page.getByRole('button', { name: 'Server settings' });
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  await page.getByRole('textbox', { name: 'IMAP server' }).fill(stack.host);
  await page.getByRole('textbox', { name: 'IMAP port' }).fill(String(stack.ports.imaps));
  await page.getByRole('combobox', { name: 'IMAP security' }).selectOption({ label: 'TLS' });
  await page.getByRole('textbox', { name: 'SMTP server' }).fill(stack.host);
  await page.getByRole('textbox', { name: 'SMTP port' }).fill(String(stack.ports.submission));
  await page.getByRole('combobox', { name: 'SMTP security' }).selectOption({ label: 'STARTTLS' });
}
