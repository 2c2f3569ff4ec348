/**
 * People at their own computers for the calendar specs of reminders, invitations and .ics: each
 * with their own browser-host process and profile, signed in through the contract, their browser
 * in Amsterdam's time zone, notifications allowed, and optionally a test clock (Playwright's
 * page.clock) installed before the app loads. Notifications the app shows are recorded in the
 * page, since a headless browser shows none on screen.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../../scripts/lib.mjs';
import { test, type MailStack } from '../support/fixtures';
import type { appointment } from './calendarDesk';

export { appointment } from './calendarDesk';

export const INFO = 'info@example.test';
export const ZONE = 'Europe/Amsterdam';

type Host = Awaited<ReturnType<typeof startHostProcess>>;
type CallResult = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export interface CalendarPerson {
  page: Page;
  /** The app's address with its token, for another tab. */
  url: string;
  context: BrowserContext;
  accountId: string;
  email: string;
  call(method: string, input: unknown): Promise<CallResult>;
  /** What the app passed to `new Notification()` so far. */
  notifications(): Promise<{ title: string; body: string }[]>;
  close(): Promise<void>;
}

/** Records every notification the app shows, then shows it as the browser would. */
function recordNotifications() {
  const Real = window.Notification;
  const shown: { title: string; body: string }[] = [];
  (window as unknown as { __notifications: typeof shown }).__notifications = shown;
  class Recorded {
    onclick: ((event: Event) => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body ?? '' });
      try {
        new Real(title, options);
      } catch {
        // Headless: nothing on screen; the record is what the test reads.
      }
    }
    close() {}
    static get permission() {
      return Real.permission;
    }
    static requestPermission() {
      return Real.requestPermission();
    }
  }
  (window as unknown as { Notification: unknown }).Notification = Recorded;
}

export async function personAt(
  browser: Browser,
  stack: MailStack,
  user: 'alice' | 'bob' | 'carol',
  options: { clock?: Date } = {},
): Promise<CalendarPerson> {
  const profile = mkdtempSync(join(tmpdir(), `postvak-e2e-cal-${user}-`));
  const host: Host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  const account = stackAccount(stack, user, user);
  const added = (await hostCall(host, 'accounts.add', { ...account, rememberPassword: false })) as CallResult;
  if (!added.ok) throw new Error(`could not sign in ${user}: ${added.error?.message}`);
  const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-GB', permissions: ['notifications'] });
  await context.addInitScript(recordNotifications);
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (line) => consoleLines.push(`${line.type()}: ${line.text()}`));
  if (options.clock) await page.clock.install({ time: options.clock });
  await page.goto(host.url);
  return {
    page,
    url: host.url,
    context,
    accountId: (added.value as { id: string }).id,
    email: stack.users[user].email,
    call: (method, input) => hostCall(host, method, input) as Promise<CallResult>,
    notifications: () => page.evaluate(() => (window as unknown as { __notifications?: { title: string; body: string }[] }).__notifications ?? []),
    async close() {
      await context.close();
      await host.stop();
      await test.info().attach(`host-${user}.log`, { body: host.logs.join('') });
      await test.info().attach(`console-${user}.log`, { body: consoleLines.join('\n') });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Writes an event into a calendar folder through the person's own host (calendar.save, a new event). */
export async function saveEvent(person: CalendarPerson, folderPath: string, event: ReturnType<typeof appointment>): Promise<void> {
  const result = await person.call('calendar.save', { accountId: person.accountId, folderPath, event, base: null });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  expect((result.value as { status: string }).status).toBe('saved');
}

export const remindersPanel = (page: Page) => page.getByRole('region', { name: 'Reminders' });
