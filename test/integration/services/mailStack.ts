/**
 * Typed access to the real mail stack (test/mailstack) and the services set up against it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MailStack } from '../../mailstack/mailstack.mjs';
import type { AccountSettings, Security } from '../../../src/shared/model';
import { createServices, MemorySecretStore, type Services, type SyncTuning } from '../../../src/main/rpc/createServices';
import type { ServicesOptions } from '../../../src/main/services/types';

import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { resetMailboxes, startMailStack, stopMailStack } from '../../mailstack/mailstack.mjs';

export { deliver, doveadm, fillMaildir, idleSessions, resetMailboxes, startMailStack, stopMailStack } from '../../mailstack/mailstack.mjs';
export * as seed from '../../fixtures/seedMessages.mjs';
export type { MailStack };

export type User = keyof MailStack['users'];

/**
 * Whether the stack's Postfix holds no message any more (`postqueue -j` prints one JSON line per
 * queued message): once it is empty, whatever was submitted has been delivered or bounced, so a
 * count of deliveries is final — the condition to wait for instead of a pause (issue #10 §13).
 */
export function postfixQueueEmpty(s: MailStack): Promise<boolean> {
  return new Promise((resolve, reject) => {
    execFile('postqueue', ['-c', s.postfix.configDir, '-j'], { env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` } }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.trim() === '');
    });
  });
}

export function settingsFor(s: MailStack, user: User, imap: 'imaps' | 'imap' = 'imaps'): AccountSettings {
  const u = s.users[user];
  const security: Security = imap === 'imaps' ? 'tls' : 'starttls';
  return {
    email: u.email,
    displayName: u.name,
    username: u.email,
    imap: { host: s.host, port: s.ports[imap], security },
    smtp: { host: s.host, port: s.ports.submission, security: 'starttls' },
  };
}

export interface ServicesUnderTest {
  services: Services;
  profileDir: string;
  cleanup(): Promise<void>;
}

export function servicesFor(
  s: MailStack,
  tuning: Partial<SyncTuning> = {},
  extraCa: string[] = [s.caPem],
  extra: Partial<ServicesOptions> = {},
): ServicesUnderTest {
  const profileDir = mkdtempSync(join(tmpdir(), 'postvak-it-'));
  const services = createServices(
    {
      profileDir,
      secrets: new MemorySecretStore(),
      extraCa,
      appVersion: '0.0.0-it',
      host: 'browser',
      systemLocale: 'nl-NL',
      openExternal: async () => undefined,
      ...extra,
    },
    { pollMs: 1_000, ackTimeoutMs: 15_000, ...tuning },
  );
  return {
    services,
    profileDir,
    async cleanup() {
      await services.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export interface StackFixture {
  /** The file's mail stack (started once). */
  readonly stack: MailStack;
  /** This test's services (only with `services: true`). */
  readonly sut: ServicesUnderTest;
}

/**
 * The lifecycle most integration files share: one real mail stack per file, reset to the seed
 * before each test (then `beforeEachTest`), and — with `services` — fresh services per test,
 * closed after it. Registers the vitest hooks; read `stack`/`sut` inside tests and hooks.
 */
export function useMailStack(
  options: {
    services?: boolean;
    tuning?: Partial<SyncTuning>;
    /** More service options for every test's services (e.g. `trace`, to wait on the engine's marks). */
    extra?: Partial<ServicesOptions>;
    beforeEachTest?: (stack: MailStack) => Promise<void>;
  } = {},
): StackFixture {
  let stack: MailStack | undefined;
  let sut: ServicesUnderTest | undefined;
  beforeAll(async () => {
    stack = await startMailStack();
  });
  afterAll(async () => {
    if (stack) await stopMailStack(stack);
  });
  beforeEach(async () => {
    await resetMailboxes(fixture.stack);
    await options.beforeEachTest?.(fixture.stack);
    if (options.services) sut = servicesFor(fixture.stack, options.tuning, undefined, options.extra);
  });
  afterEach(async () => {
    await sut?.cleanup();
    sut = undefined;
  });
  const fixture: StackFixture = {
    get stack() {
      if (!stack) throw new Error('the mail stack is not started (use it inside tests and hooks)');
      return stack;
    },
    get sut() {
      if (!sut) throw new Error('no services: pass { services: true } to useMailStack');
      return sut;
    },
  };
  return fixture;
}
