/**
 * People at their own computers on the calendar screen (issue #5 §3–5): their own browser-host
 * process and profile, signed in through the contract, the browser in Amsterdam's zone with a
 * chosen locale; plus the steps every calendar spec takes (open the calendar on a fixed week) and
 * a raw look at the server's calendar folder, as another IMAP client sees it.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../../scripts/lib.mjs';
import { expect, imapAs, test, type MailStack } from '../support/fixtures';

export const INFO = 'info@example.test';
export const INFO_CALENDAR = `shared/${INFO}/Calendar`;
export const ZONE = 'Europe/Amsterdam';

type CallResult = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export interface CalendarDesk {
  page: Page;
  accountId: string;
  email: string;
  call(method: string, input: unknown): Promise<CallResult>;
  close(): Promise<void>;
}

export async function calendarDesk(
  browser: Browser,
  stack: MailStack,
  user: 'alice' | 'bob' | 'carol',
  options: { locale?: string } = {},
): Promise<CalendarDesk> {
  const profile = mkdtempSync(join(tmpdir(), `postvak-e2e-calui-${user}-`));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  const added = (await hostCall(host, 'accounts.add', { ...stackAccount(stack, user, user), rememberPassword: false })) as CallResult;
  if (!added.ok) throw new Error(`could not sign in ${user}: ${added.error?.message}`);
  const context = await browser.newContext({ timezoneId: ZONE, locale: options.locale ?? 'en-GB', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    accountId: (added.value as { id: string }).id,
    email: stack.users[user].email,
    call: (method, input) => hostCall(host, method, input) as Promise<CallResult>,
    async close() {
      await context.close();
      await host.stop();
      await test.info().attach(`host-${user}.log`, { body: host.logs.join('') });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Mail | Calendar → Calendar, then the view on the week (or month) holding `day`. */
export async function openCalendar(page: Page, day: string, view = 'Week', labels = { calendar: 'Calendar', goTo: 'Go to date' }): Promise<void> {
  await page.getByRole('button', { name: labels.calendar, exact: true }).click();
  await page.getByLabel(labels.goTo).fill(day);
  await page.getByRole('button', { name: view, exact: true }).click();
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${INFO.replace(/\./g, '\\.')}`) })).toBeVisible({ timeout: 30_000 });
}

/** An event button by its accessible name: "Title, 10:00–11:00, info@example.test". */
export function eventButton(page: Page, title: string, time: string, calendar = INFO) {
  return page.getByRole('button', { name: `${title}, ${time}, ${calendar}`, exact: true });
}

/** The appointment dialog. */
export const appointmentDialog = (page: Page) => page.getByRole('dialog');

/** A timed event in Amsterdam time as the model describes it (src/shared/model/calendar.ts). */
export function appointment(fields: { uid: string; summary: string; date: string; start: string; end: string; location?: string; alarm?: number; by?: string }) {
  const now = Date.now();
  return {
    uid: fields.uid,
    summary: fields.summary,
    location: fields.location ?? '',
    description: '',
    start: { dateTime: `${fields.date}T${fields.start}:00`, timeZone: ZONE },
    end: { dateTime: `${fields.date}T${fields.end}:00`, timeZone: ZONE },
    allDay: false,
    alarms: fields.alarm === undefined ? [] : [{ minutesBefore: fields.alarm, description: null }],
    sequence: 0,
    created: now,
    lastModified: now,
    createdBy: fields.by ?? null,
    lastModifiedBy: fields.by ?? null,
    extraProperties: [],
    recurrence: null,
    exceptions: { excluded: [], overrides: {} },
  };
}

/** Writes a new event through the person's own host (calendar.save with no base). */
export async function saveEvent(desk: CalendarDesk, event: ReturnType<typeof appointment>, folderPath = INFO_CALENDAR): Promise<void> {
  const result = await desk.call('calendar.save', { accountId: desk.accountId, folderPath, event, base: null });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  expect((result.value as { status: string }).status).toBe('saved');
}

/** The messages in a calendar folder as another client sees them: Subject (the event UID) and the raw source. */
export function serverMessages(stack: MailStack, folder = INFO_CALENDAR): Promise<{ uid: number; subject: string; source: string }[]> {
  return imapAs(stack, 'bob', async (client) => {
    await client.mailboxOpen(folder, { readOnly: true });
    const found: { uid: number; subject: string; source: string }[] = [];
    for await (const message of client.fetch({ all: true }, { uid: true, envelope: true, source: true })) {
      found.push({ uid: message.uid, subject: message.envelope?.subject ?? '', source: message.source?.toString('utf8') ?? '' });
    }
    return found;
  });
}

/** The xCal payload's start of the event `uid` on the server, e.g. `2030-06-05T11:00:00` (Kolab v3, RFC 6321). */
export async function serverStart(stack: MailStack, uid: string): Promise<string[]> {
  const messages = (await serverMessages(stack)).filter((message) => message.subject === uid);
  return messages.map((message) => {
    const xml = decodePayload(message.source);
    return /<dtstart>.*?<date-time>([^<]+)<\/date-time>/s.exec(xml)?.[1] ?? '';
  });
}

/** The kolab.xml part of a Kolab message, decoded (quoted-printable or base64). */
export function decodePayload(source: string): string {
  const part = /Content-Type: application\/calendar\+xml[\s\S]*?\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(source);
  if (!part) return '';
  const headers = /Content-Type: application\/calendar\+xml[\s\S]*?\r?\n\r?\n/i.exec(source)?.[0] ?? '';
  const body = part[1] ?? '';
  if (/Content-Transfer-Encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return body;
}
