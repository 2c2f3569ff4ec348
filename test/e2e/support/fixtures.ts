/**
 * Playwright fixtures: one real mail stack per worker, reset to its seed before each test; a fresh
 * app profile and browser-host process per test; a local "tracking" server that records every
 * request, to prove what the app did or did not load.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImapFlow } from 'imapflow';
import { withImap } from '../../integration/services/serverView';
import type { User } from '../../integration/services/mailStack';
import { resetMailboxes, startMailStack, stopMailStack, type MailStack } from '../../mailstack/mailstack.mjs';
import { hostCall, stackAccount, startHostProcess } from '../../../scripts/lib.mjs';

export type { MailStack };

export interface Tracker {
  port: number;
  /** Paths requested so far. */
  hits: string[];
}

export interface AppHost {
  url: string;
  profile: string;
  call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  stop(): Promise<void>;
}

/** A 1×1 PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

function startTracker(): Promise<{ server: Server; tracker: Tracker }> {
  const tracker: Tracker = { port: 0, hits: [] };
  const server = createServer((req, res) => {
    tracker.hits.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PIXEL.length });
    res.end(PIXEL);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      tracker.port = (server.address() as AddressInfo).port;
      resolve({ server, tracker });
    }),
  );
}

export const test = base.extend<
  { tracker: Tracker; app: AppHost; signIn: (user?: string) => Promise<void> },
  { stack: MailStack; trackerServer: { server: Server; tracker: Tracker } }
>({
  trackerServer: [
    // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const t = await startTracker();
      await use(t);
      t.server.close();
    },
    { scope: 'worker' },
  ],
  stack: [
    async ({ trackerServer }, use) => {
      const stack = await startMailStack({ trackingPort: trackerServer.tracker.port });
      await use(stack);
      await stopMailStack(stack);
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  // Auto: every test starts from the seed (HOUSE_STYLE.md "a fresh mail stack state"), also those
  // that never name it — otherwise one spec's calendar events or mail reach the next.
  tracker: [
    async ({ trackerServer, stack }, use) => {
      await resetMailboxes(stack, { trackingPort: trackerServer.tracker.port });
      trackerServer.tracker.hits.length = 0;
      await use(trackerServer.tracker);
    },
    { auto: true },
  ],
  app: async ({ stack, tracker }, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'postvak-e2e-profile-'));
    // The tracking server is on loopback: named as the one image server allowed there, the way
    // the test CA is passed (issue #10 §4); every other private address stays refused.
    const host = await startHostProcess({ profile, caFiles: [stack.caFile], env: { POSTVAK_IMAGE_HOSTS: `127.0.0.1:${tracker.port}` } });
    await use({
      url: host.url,
      profile,
      call: (method, input) => hostCall(host, method, input),
      stop: host.stop,
    });
    await host.stop();
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host.log', { body: host.logs.join('') });
    rmSync(profile, { recursive: true, force: true });
  },
  /** Adds an account through the contract (for tests whose subject is not the setup screen). */
  signIn: async ({ app, stack }, use) => {
    await use(async (user = 'alice') => {
      const account = stackAccount(stack, user, user);
      const r = await app.call('accounts.add', { ...account, rememberPassword: false });
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
    });
  },
});

export { expect };

/** A separate IMAP session, as another client would see the server. */
export function imapAs<T>(stack: MailStack, user: User, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  return withImap(stack, user, work);
}

/** Keeps a screenshot of the screen as a file in the test's output folder (test-results/e2e/…). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}
