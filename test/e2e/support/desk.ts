/**
 * A person at their own computer whose app can crash and start again (issue #4 §6): their own
 * browser-host process on a profile that outlives it, the password remembered in that profile
 * (so a restarted host can still sign in), and optional server ports — e.g. a fault proxy in
 * front of IMAP or SMTP submission. The host's log is attached to the test's report.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../../scripts/lib.mjs';
import { test, type MailStack } from './fixtures';

type Host = Awaited<ReturnType<typeof startHostProcess>>;

export interface DeskOptions {
  /** IMAPS port to sign in with (default: the stack's). */
  imapPort?: number;
  /** Submission (STARTTLS) port to sign in with (default: the stack's). */
  smtpPort?: number;
}

export interface Desk {
  page: Page;
  profile: string;
  /** Kills the host process with SIGKILL: no shutdown code runs, as in a crash or power cut. */
  kill(): Promise<void>;
  /** Starts a new host on the same profile and loads the app from it in the same tab. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export type DeskUser = 'alice' | 'bob' | 'carol' | 'catchall';

export async function atDesk(browser: Browser, stack: MailStack, user: DeskUser, options: DeskOptions = {}): Promise<Desk> {
  const profile = mkdtempSync(join(tmpdir(), `postvak-e2e-${user}-`));
  const logs: string[] = [];
  const start = async () => startHostProcess({ profile, caFiles: [stack.caFile] });
  let host: Host = await start();
  const account = stackAccount(stack, user, user);
  const settings = {
    ...account.settings,
    imap: { ...account.settings.imap, port: options.imapPort ?? stack.ports.imaps },
    smtp: { ...account.settings.smtp, port: options.smtpPort ?? stack.ports.submission },
  };
  const added = await hostCall(host, 'accounts.add', { settings, password: account.password, rememberPassword: true });
  if (!added.ok) throw new Error(`could not sign in ${user}: ${added.error?.message}`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);

  const keepLogs = () => logs.push(`----- host ${host.child.pid} -----\n`, ...host.logs);
  return {
    page,
    profile,
    async kill() {
      if (host.child.exitCode !== null || host.child.signalCode !== null) return;
      const gone = new Promise((resolve) => host.child.once('exit', resolve));
      host.child.kill('SIGKILL');
      await gone;
    },
    async restart() {
      keepLogs();
      host = await start();
      await page.goto(host.url);
    },
    async close() {
      await context.close();
      await host.stop();
      keepLogs();
      // close() runs in a `finally`, before Playwright knows whether the test failed: keep it always.
      await test.info().attach(`host-${user}.log`, { body: logs.join('') });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
