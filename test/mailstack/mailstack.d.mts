// Types for test/mailstack/mailstack.mjs (plain ESM, no build step).

export interface MailStackAccount {
  email: string;
  password: string;
  name: string;
}

export interface MailStackPorts {
  /** IMAP with STARTTLS */
  imap: number;
  /** IMAP over implicit TLS */
  imaps: number;
  /** Postfix SMTP, unauthenticated, loopback clients only (local delivery, Sieve submission_host) */
  smtp: number;
  /** Submission: STARTTLS required, SASL via Dovecot */
  submission: number;
  /** Submission over implicit TLS */
  submissions: number;
  /** ManageSieve (STARTTLS available) */
  sieve: number;
}

export interface MailStack {
  version: 1;
  stateDir: string;
  stackFile: string;
  host: '127.0.0.1';
  ports: MailStackPorts;
  /** Test CA certificate (PEM file) and its contents — pass `tls: { ca: [caPem] }` */
  caFile: string;
  caPem: string;
  caKeyFile: string;
  /** Server certificate for localhost, 127.0.0.1 and mail.example.test (used by Dovecot and Postfix) */
  certFile: string;
  keyFile: string;
  /** Same names, same CA, validity entirely in the past: for tests' own tls.createServer */
  expiredCertFile: string;
  expiredKeyFile: string;
  domain: 'example.test';
  users: { alice: MailStackAccount; bob: MailStackAccount; carol: MailStackAccount; catchall: MailStackAccount };
  shared: { info: 'info@example.test'; sales: 'sales@example.test' };
  /** Logins of the shared mailboxes themselves */
  sharedAccounts: { info: MailStackAccount; sales: MailStackAccount };
  /** Port used in the seeded remote-content URLs (http://127.0.0.1:<trackingPort>/…) */
  trackingPort: number;
  mailUid: number;
  mailGid: number;
  lmtpSocket: string;
  authSocket: string;
  dovecot: { config: string; baseDir: string; pidFile: string; log: string };
  postfix: { configDir: string; queueDir: string; pidFile: string; log: string };
  /** Daemon masters and the orphan guard (stops the stack if the starting process dies) */
  pids: { dovecot?: number; postfix?: number; watchdog?: number };
  startedAt: string;
  startupMs?: number;
  seedMs?: number;
}

export interface StartOptions {
  /** Default: a fresh mkdtemp under os.tmpdir() (removed again by stopMailStack) */
  stateDir?: string;
  /** First of 6 consecutive ports (imap, imaps, smtp, submission, submissions, sieve). Default: random free range in 20000–40000 */
  basePort?: number;
  /** Port for the seeded remote-content URLs. Default 9 (discard: connections are refused) */
  trackingPort?: number;
  /** Keep a mkdtemp state dir when start fails (for debugging). Default false */
  keepOnFailure?: boolean;
  /** Seed the mailboxes. Default true */
  seed?: boolean;
  /** Start a detached guard that stops the stack when this process dies without stopMailStack(). Default true */
  watchdog?: boolean;
}

export interface ResetOptions {
  trackingPort?: number;
  /** Anchor for the seed dates (default: now) */
  now?: number | Date;
  /** Kick open IMAP/ManageSieve sessions first. Default true */
  kick?: boolean;
  /** Delete mail still in the Postfix queue. Default true */
  flushQueue?: boolean;
}

export interface SeedResult {
  written: Record<string, Record<string, number>>;
  writeMs: number;
  totalMs: number;
}

export interface FillOptions {
  now?: number | Date;
  spreadDays?: number;
  seed?: number;
  seenRatio?: number;
  flaggedRatio?: number;
  /** UIDs in a seeded random order instead of date order (dates stay non-monotonic in UID order). */
  shuffleUids?: boolean;
}

export interface FillResult {
  count: number;
  bytes: number;
  writeMs: number;
  resyncMs: number;
  totalMs: number;
}

export interface Delivery {
  user: string;
  mailbox: string;
  uid: number;
}

export const APT_PACKAGES: string[];
export const APT_COMMAND: string;
export const ACCOUNTS: Array<{ key: string; kind: 'person' | 'shared'; name: string; email: string; password: string; quotaBytes: number; admin: boolean }>;
export const ACL_MATRIX: Record<string, Record<string, string[]>>;
export const SENDER_LOGINS: Record<string, string[]>;
export const FOLDERS: string[];

export function missingPackages(): string[];
export function ensurePackages(): Promise<{ installed: boolean; missing: string[] }>;
export function startMailStack(options?: StartOptions): Promise<MailStack>;
export function stopMailStack(stack: MailStack | string | undefined | null, options?: { keep?: boolean }): Promise<unknown>;
export function loadMailStack(stateDirOrFile: string): MailStack;
export function resetMailboxes(stack: MailStack, options?: ResetOptions): Promise<SeedResult>;
export function fillMaildir(stack: MailStack, user: string, folder: string, count: number, options?: FillOptions): Promise<FillResult>;
/** `doveadm -c <stack config> ...args` → stdout. Global options ('-f', 'tab') go first. */
export function doveadm(stack: MailStack | string, ...args: string[]): Promise<string>;
export function deliver(
  stack: MailStack,
  message: { from: string; to: string | string[]; raw: string | Buffer; timeoutMs?: number; wait?: boolean },
): Promise<{ messageId: string; deliveries: Delivery[] }>;
export function waitForMessage(stack: MailStack, user: string, messageId: string, options?: { timeoutMs?: number }): Promise<Delivery>;
/** Login that receives mail for an address after the catch-all rewrite, or null when Postfix would reject it. */
export function mailboxOwner(address: string): string | null;
/** Pids of the user's IMAP sessions in IDLE now, from Dovecot's process titles. */
export function idleSessions(stack: MailStack, email: string): number[];
