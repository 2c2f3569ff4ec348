/**
 * Accounts in `<profileDir>/accounts.json`. Never a password: those go to the SecretStore,
 * bound to the account's servers (accountSecrets.ts). Writes are atomic (tmp + rename) and
 * serialised, so a crash mid-save keeps the previous file and two quick edits cannot lose one
 * another.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { AccountId, AccountSettings } from '../../../shared/model';
import { accountSettingsSchema } from '../../../shared/api';
import { identityConfigEntrySchema } from '../../../shared/composeSchemas';
import type { IdentityConfigEntry } from '../../../shared/model/compose';
import { AppError } from '../../../shared/errors';
import { atomicWrite, readIfExists } from '../io/atomicWrite';

/** Per-account mailbox settings (issue #3): shared mailboxes added by hand, mailboxes hidden. */
export interface MailboxPrefs {
  manual: { prefix: string; address: string; displayName: string }[];
  hidden: string[];
  /** Mailbox id → days of mail kept offline (issue #3 §3); absent or missing id = off. */
  offline?: Record<string, number>;
}

export interface StoredAccount extends AccountSettings {
  id: AccountId;
  rememberPassword: boolean;
  mailboxes?: MailboxPrefs;
  /** The identity configuration (issue #4 §2): send modes and Sent copy policies by address. */
  identities?: IdentityConfigEntry[];
}

const mailboxPrefsSchema = z.object({
  manual: z.array(z.object({ prefix: z.string().min(1).max(500), address: z.string().max(320), displayName: z.string().max(200) })).max(200),
  hidden: z.array(z.string().min(1).max(600)).max(1000),
  offline: z.record(z.string().min(1).max(600), z.number().int().min(1).max(3650)).optional(),
});

const fileSchema = z.object({
  version: z.literal(1),
  accounts: z.array(
    accountSettingsSchema.extend({
      id: z.string().min(1).max(64),
      rememberPassword: z.boolean(),
      mailboxes: mailboxPrefsSchema.optional(),
      identities: z.array(identityConfigEntrySchema).max(500).optional(),
    }),
  ),
});

export class AccountStoreError extends AppError {
  constructor(message: string) {
    super('internal', message);
    this.name = 'AccountStoreError';
  }
}

export class AccountStore {
  private readonly file: string;
  private cache: StoredAccount[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(profileDir: string) {
    this.file = join(profileDir, 'accounts.json');
  }

  async list(): Promise<StoredAccount[]> {
    return (await this.load()).map((a) => ({ ...a }));
  }

  async get(id: string): Promise<StoredAccount> {
    const account = (await this.load()).find((a) => a.id === id);
    if (!account) throw new AppError('accountNotFound', `No account with id ${id}`);
    return { ...account };
  }

  add(settings: AccountSettings, rememberPassword: boolean): Promise<StoredAccount> {
    return this.mutate((accounts) => {
      const duplicate = accounts.find(
        (a) =>
          a.email.toLowerCase() === settings.email.toLowerCase() &&
          a.username === settings.username &&
          a.imap.host.toLowerCase() === settings.imap.host.toLowerCase(),
      );
      if (duplicate) throw new AppError('accountExists', `${settings.email} is already set up`);
      const account = stored(newId(), settings, rememberPassword);
      return { accounts: [...accounts, account], result: account };
    });
  }

  update(id: string, settings: AccountSettings, rememberPassword: boolean): Promise<StoredAccount> {
    return this.mutate((accounts) => {
      const index = accounts.findIndex((a) => a.id === id);
      if (index < 0) throw new AppError('accountNotFound', `No account with id ${id}`);
      const account = stored(id as AccountId, settings, rememberPassword, accounts[index]?.mailboxes, accounts[index]?.identities);
      const next = [...accounts];
      next[index] = account;
      return { accounts: next, result: account };
    });
  }

  /** Changes the account's mailbox settings; returns what `change` returns. */
  updateMailboxes<T>(id: string, change: (prefs: MailboxPrefs) => { prefs: MailboxPrefs; result: T }): Promise<T> {
    return this.mutate((accounts) => {
      const index = accounts.findIndex((a) => a.id === id);
      const account = accounts[index];
      if (!account) throw new AppError('accountNotFound', `No account with id ${id}`);
      const { prefs, result } = change(account.mailboxes ?? { manual: [], hidden: [] });
      const next = [...accounts];
      next[index] = { ...account, mailboxes: prefs };
      return { accounts: next, result };
    });
  }

  /** Replaces the account's identity configuration; returns the stored entries. */
  setIdentities(id: string, change: (current: IdentityConfigEntry[]) => IdentityConfigEntry[]): Promise<IdentityConfigEntry[]> {
    return this.mutate((accounts) => {
      const index = accounts.findIndex((a) => a.id === id);
      const account = accounts[index];
      if (!account) throw new AppError('accountNotFound', `No account with id ${id}`);
      const identities = change(account.identities ?? []);
      const next = [...accounts];
      next[index] = { ...account, identities };
      return { accounts: next, result: identities };
    });
  }

  remove(id: string): Promise<void> {
    return this.mutate((accounts) => {
      if (!accounts.some((a) => a.id === id)) throw new AppError('accountNotFound', `No account with id ${id}`);
      return { accounts: accounts.filter((a) => a.id !== id), result: undefined };
    });
  }

  private mutate<T>(change: (accounts: StoredAccount[]) => { accounts: StoredAccount[]; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      const { accounts, result } = change(await this.load());
      await atomicWrite(this.file, `${JSON.stringify({ version: 1, accounts }, null, 2)}\n`, 0o600);
      this.cache = accounts;
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<StoredAccount[]> {
    if (this.cache) return this.cache;
    const raw = await readIfExists(this.file);
    if (!raw) return (this.cache = []);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AccountStoreError(`${this.file} is not valid JSON`);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw new AccountStoreError(`${this.file} does not hold valid accounts`);
    this.cache = parsed.data.accounts.map((a) => ({ ...a, id: a.id as AccountId }));
    return this.cache;
  }
}

/** Copies the known fields only: whatever else an object carries (a password) never reaches the file. */
function stored(id: AccountId, s: AccountSettings, rememberPassword: boolean, mailboxes?: MailboxPrefs, identities?: IdentityConfigEntry[]): StoredAccount {
  const server = (x: AccountSettings['imap']) => ({ host: x.host, port: x.port, security: x.security });
  return {
    id,
    email: s.email,
    ...(s.kind ? { kind: s.kind } : {}),
    displayName: s.displayName,
    username: s.username,
    imap: server(s.imap),
    smtp: server(s.smtp),
    rememberPassword,
    ...(mailboxes ? { mailboxes } : {}),
    ...(identities ? { identities } : {}),
  };
}

/** 16 random bytes in base64url: unguessable, so ids carry no information about the account. */
function newId(): AccountId {
  return randomBytes(16).toString('base64url') as AccountId;
}
