/**
 * What the handlers of every client share: the account store, the secrets, each account's
 * connection budget (every IMAP login goes through it, issue #10 §9), the per-account
 * connections for user requests, and the one sync engine every window shares.
 */
import type { Account } from '../../shared/model';
import { AppError } from '../../shared/errors';
import { AccountStore, type StoredAccount } from './accounts/accountStore';
import { AccountSecrets } from './accounts/accountSecrets';
import { openImap } from './imap/ImapFlowSession';
import { OpsConnections } from './imap/OpsConnections';
import { redactError, toAppError } from './imap/imapErrors';
import type { ImapSession, OpenFolder } from './imap/types';
import { SyncEngine } from './sync/SyncEngine';
import { ConnectionBudgets } from './imap/ConnectionBudget';
import { budgetedConnect, type BudgetedConnect } from './imap/budgetedConnect';
import type { SyncBatch } from '../../shared/api';
import { OfflineService } from './offline/OfflineService';
import type { MailboxConfig } from './mailboxes/discovery';
import { MailboxRoutes } from './mailboxes/MailboxRoutes';
import type { SyncTuning } from './sync/tuning';
import type { EventSink, ServicesOptions } from './types';
import { discoverDirectory } from './compose/directory';
import { DraftStore } from './drafts/DraftStore';
import { IdentityService } from './identities/IdentityService';
import { defaultOutboxTuning, Outbox } from './outbox/Outbox';
import { OutboxStore } from './outbox/OutboxStore';
import { WarmStarts } from './sync/WarmStarts';

export interface ServicesContext {
  options: ServicesOptions;
  tuning: SyncTuning;
  accounts: AccountStore;
  ops: OpsConnections;
  /** Mail kept on disk for reading offline (issue #3 §3). */
  offline: OfflineService;
  /** The connected windows (events to every one of them). */
  clients: Set<{ sink: EventSink }>;
  /** The one sync engine, shared by every window (issue #10 §9). */
  sync: SyncEngine;
  /** Each account's connection budget (imap/ConnectionBudget.ts). */
  budgets: ConnectionBudgets;
  log(level: 'info' | 'warn' | 'error', message: string, detail?: unknown): void;
  password(accountId: string): Promise<string | null>;
  /**
   * Opens a logged-in IMAP session within the account's connection budget (default kind
   * `request`); AppError `noPassword` when main holds no password.
   */
  connectImap: BudgetedConnect;
  toAccount(stored: StoredAccount): Promise<Account>;
  /** What discovery needs from the account's configuration. */
  mailboxConfig(accountId: string): Promise<MailboxConfig>;
  /** Sends `accounts.changed` to every connected client. */
  broadcastAccounts(): Promise<void>;
  /** Runs `fn` in a folder on the account's request connection, errors mapped to AppErrors. */
  inFolder<T>(accountId: string, folderPath: string, fn: (folder: OpenFolder) => Promise<T>): Promise<T>;
  /** Identities and the mailboxes they come from (issue #4 §2). */
  identities: IdentityService;
  /** The durable outbox (issue #4 §6). */
  outbox: Outbox;
  /** Main's local copies of drafts (issue #4 §1). */
  drafts: DraftStore;
  /** Head starts for first syncs: a login and the INBOX's top made while the window loads. */
  warm: WarmStarts;
  /** Which account each shared mailbox is used through (issue #10 §7). */
  routes: MailboxRoutes;
  /** The sync engine re-reads these folders soon (a change made on the request connection). */
  touched(accountId: string, paths: readonly string[]): void;
}

export interface ContextHooks {
  /** Issue #5 §1: the account's own calendar, made on the sync connection (calendar/ownCalendar.ts). */
  ensureOwnCalendar?(ctx: ServicesContext, accountId: string, session: ImapSession): Promise<boolean>;
}

export function createContext(options: ServicesOptions, tuning: SyncTuning, hooks: ContextHooks = {}): ServicesContext {
  const accounts = new AccountStore(options.profileDir);
  const log = options.log ?? (() => undefined);
  // Issue #10 §6: a password is handed out only for the servers it was given for.
  const secrets = new AccountSecrets(options.secrets);
  const password = async (accountId: string) => {
    const account = await accounts.get(accountId).catch(() => null);
    return account ? secrets.password(account) : null;
  };
  const openSession = async (accountId: string) => {
    const account = await accounts.get(accountId);
    const secret = await secrets.password(account);
    if (!secret) throw new AppError('noPassword', `Postvak has no password for ${account.email}`);
    try {
      return await openImap({ ...account.imap, username: account.username }, secret, { extraCa: options.extraCa });
    } catch (error) {
      throw redactError(error, secret);
    }
  };
  const budgets = new ConnectionBudgets({ limit: tuning.connectionLimit, restoreMs: tuning.budgetRestoreMs });
  const connectImap = budgetedConnect({ budgets, open: openSession, tooManyBackoffMs: tuning.tooManyConnectionsMs, log });
  const ops = new OpsConnections((accountId) => connectImap(accountId, 'request'));
  const clients = new Set<{ sink: EventSink }>();
  // Late-bound: the engine is made below, after the services its callbacks use.
  let engine: SyncEngine | null = null;
  // Mailbox settings travel as `folders` batches and identities as their own list, not as part of the Account.
  const toAccount = async ({ mailboxes: _prefs, identities: _identities, ...stored }: StoredAccount): Promise<Account> => ({
    ...stored,
    hasPassword: (await password(stored.id)) !== null,
  });
  // Issue #10 §7: a shared mailbox reached through several accounts is used (synced) through one.
  const routes = new MailboxRoutes({
    profileDir: options.profileDir,
    accounts: () => accounts.list(),
    canSync: async (id) => (await password(id)) !== null,
    rediscover: (id) => engine?.rediscover(id),
    graceMs: 10_000,
    log,
  });
  const mailboxConfig = async (accountId: string): Promise<MailboxConfig> => {
    const a = await accounts.get(accountId);
    const via = await routes.resolver(a.id);
    return { accountId: a.id, email: a.email, displayName: a.displayName, kind: a.kind, manual: a.mailboxes?.manual ?? [], hidden: a.mailboxes?.hidden ?? [], offline: a.mailboxes?.offline ?? {}, via };
  };
  const offline = new OfflineService({
    profileDir: options.profileDir,
    accountIds: async () => (await accounts.list()).map((a) => a.id),
    connect: connectImap,
    mailboxConfig,
    pollMs: tuning.pollMs,
    log,
  });
  const touched = (accountId: string, paths: readonly string[]) => {
    for (const path of new Set(paths)) engine?.nudge(accountId, path);
  };
  const identities = new IdentityService({
    accounts,
    discover: (accountId) =>
      ops.use(accountId, async (session) => {
        const found = await discoverDirectory(session, await mailboxConfig(accountId));
        await routes.note(accountId, found.mailboxes);
        return found;
      }),
    broadcast: (list) => {
      for (const client of clients) client.sink('identities.changed', { identities: list });
    },
    log,
    maxAgeMs: 60_000,
  });
  const drafts = new DraftStore(options.profileDir);
  const outbox = new Outbox({
    store: new OutboxStore(options.profileDir),
    tuning: { ...defaultOutboxTuning, ...options.outboxTuning },
    smtpLogin: async (accountId) => {
      const account = await accounts.get(accountId);
      const secret = await secrets.password(account);
      return secret ? { server: account.smtp, username: account.username, password: secret, extraCa: options.extraCa } : null;
    },
    directory: (accountId) => identities.directory(accountId),
    withImap: (accountId, fn) => ops.use(accountId, fn),
    drafts,
    touched,
    broadcast: (items) => {
      for (const client of clients) client.sink('outbox.changed', { items });
    },
    log,
  });
  const warm = new WarmStarts({
    // The head start's session becomes the sync connection (AccountSync takes it over).
    connect: (accountId) => connectImap(accountId, 'sync'),
    tuning,
    maxAgeMs: tuning.headStartMs,
    // Issue #11 §4: the head start discovers too, and previews the shared Inboxes it finds.
    mailboxConfig,
    noteDiscovery: (accountId, mailboxes) => routes.note(accountId, mailboxes),
    log: (level, message) => log(level, message),
    ...(options.trace ? { trace: options.trace } : {}),
  });
  const ctx: ServicesContext = {
    sync: null as unknown as SyncEngine,
    budgets,
    identities,
    outbox,
    drafts,
    touched,
    warm,
    options,
    tuning,
    accounts,
    ops,
    offline,
    clients,
    log,
    password,
    connectImap,
    toAccount,
    mailboxConfig,
    routes,
    async broadcastAccounts() {
      const list = await Promise.all((await accounts.list()).map(toAccount));
      for (const client of clients) client.sink('accounts.changed', { accounts: list });
    },
    async inFolder(accountId, folderPath, fn) {
      const account = await accounts.get(accountId);
      try {
        return await ops.use(accountId, (session) => session.inFolder(folderPath, fn, { fresh: false }));
      } catch (error) {
        throw toAppError(error, account.imap.host, await password(accountId), log);
      }
    },
  };
  engine = new SyncEngine({
    tuning,
    hostOf: async (accountId) => (await accounts.get(accountId)).imap.host,
    connect: (accountId, kind, options) => connectImap(accountId, kind, options),
    mailboxConfig,
    log: (level, message) => log(level, message),
    ...(hooks.ensureOwnCalendar ? { ensureOwnCalendar: (accountId: string, session: ImapSession) => hooks.ensureOwnCalendar!(ctx, accountId, session) } : {}),
    takeWarm: (accountId) => warm.take(accountId),
    ...(options.trace ? { trace: options.trace } : {}),
    onBatch: (batch) => observeBatch(ctx, batch),
  });
  ctx.sync = engine;
  return ctx;
}

/**
 * The sync engine's batches on their way to the window, read in passing: a `folders` batch is a
 * discovery (the identities follow the mailboxes, issue #4 §2), and any batch means the
 * account's server answers again, so messages waiting for the network need not wait longer.
 */
function observeBatch(ctx: ServicesContext, batch: SyncBatch): void {
  if (batch.kind === 'folders') {
    void ctx.identities.noteDiscovery(batch.accountId, batch.mailboxes, batch.folders).catch(() => undefined);
    // Issue #10 §7: what this account reaches decides which account each shared mailbox is used through.
    void ctx.routes.note(batch.accountId, batch.mailboxes).catch(() => undefined);
  }
  void ctx.outbox.connectionBack(batch.accountId).catch(() => undefined);
}
