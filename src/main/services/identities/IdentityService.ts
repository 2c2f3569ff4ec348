/**
 * Identities per account (issue #4 §2): the pure rules of src/shared/compose/identities.ts over
 * the account's configuration (accountStore) and the mailboxes discovery last found. Those come
 * from two places: the sync engine's `folders` batches (noted as they pass, see index.ts) and,
 * when no sync told us recently, a discovery of our own on the request connection.
 */
import { buildIdentities, mergeIdentityConfig } from '../../../shared/compose/identities';
import { identityConfigFileSchema } from '../../../shared/composeSchemas';
import { AppError } from '../../../shared/errors';
import type { Folder, Mailbox } from '../../../shared/model';
import type { Identity, IdentityConfigEntry } from '../../../shared/model/compose';
import type { AccountStore, StoredAccount } from '../accounts/accountStore';
import type { MailDirectory } from '../compose/directory';

export interface IdentityServiceDeps {
  accounts: AccountStore;
  /** Discovers the account's mailboxes and folders now (request connection). */
  discover(accountId: string): Promise<MailDirectory>;
  /** Sends `identities.changed` to every client. */
  broadcast(identities: Identity[]): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** How long a discovery is trusted before sending or saving looks again. */
  maxAgeMs: number;
}

interface Known extends MailDirectory {
  at: number;
}

export class IdentityService {
  private readonly known = new Map<string, Known>();
  private lastBroadcast = '';

  constructor(private readonly deps: IdentityServiceDeps) {}

  /** A discovery ran (sync or ours): remember it and tell clients when identities changed. */
  async noteDiscovery(accountId: string, mailboxes: Mailbox[], folders: Folder[]): Promise<void> {
    this.known.set(accountId, { mailboxes, folders, at: Date.now() });
    await this.broadcastIfChanged();
  }

  forget(accountId: string): void {
    this.known.delete(accountId);
  }

  /**
   * An account was added, changed or removed: every client's From picker hears it now, not
   * at its next reload (issue #10 §7 — a removed account's addresses stayed offered).
   */
  accountsChanged(): Promise<void> {
    return this.broadcastIfChanged();
  }

  /**
   * The account's mailboxes and folders, discovered again when older than `maxAgeMs` (or when
   * `fresh`). Falls back to what is known when the server cannot be reached.
   */
  async directory(accountId: string, options: { fresh?: boolean } = {}): Promise<MailDirectory> {
    const known = this.known.get(accountId);
    if (known && !options.fresh && Date.now() - known.at < this.deps.maxAgeMs) return known;
    try {
      const found = await this.deps.discover(accountId);
      await this.noteDiscovery(accountId, found.mailboxes, found.folders);
      return found;
    } catch (error) {
      if (known) return known;
      throw error;
    }
  }

  /** The account's identities; mailboxes as last known (discovered first when never known). */
  async forAccount(accountId: string): Promise<Identity[]> {
    const account = await this.deps.accounts.get(accountId);
    if (!this.known.has(accountId)) {
      await this.directory(accountId).catch((error: unknown) =>
        this.deps.log('warn', `identities: discovery for ${account.email} failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return this.build(account);
  }

  async all(): Promise<Identity[]> {
    const accounts = await this.deps.accounts.list();
    return (await Promise.all(accounts.map((a) => this.forAccount(a.id)))).flat();
  }

  /** One identity of the account, or AppError `identityNotFound`. */
  async identity(accountId: string, identityId: string): Promise<Identity> {
    const found = (await this.forAccount(accountId)).find((i) => i.id === identityId);
    if (!found) throw new AppError('identityNotFound', `There is no identity ${identityId} in this account`);
    return found;
  }

  async update(accountId: string, entries: IdentityConfigEntry[]): Promise<Identity[]> {
    await this.deps.accounts.setIdentities(accountId, () => mergeIdentityConfig([], entries));
    await this.broadcastIfChanged();
    return this.forAccount(accountId);
  }

  /** Merges a `{"identities":[…]}` file into the configuration (issue #4 §2). */
  async import(accountId: string, json: string): Promise<Identity[]> {
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch (error) {
      throw new AppError('invalidIdentityFile', `The file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = identityConfigFileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new AppError('invalidIdentityFile', `The file is not an identity configuration${where}: ${issue?.message ?? 'unexpected content'}`);
    }
    await this.deps.accounts.setIdentities(accountId, (current) => mergeIdentityConfig(current, parsed.data.identities));
    await this.broadcastIfChanged();
    return this.forAccount(accountId);
  }

  private build(account: StoredAccount): Identity[] {
    const known = this.known.get(account.id);
    return buildIdentities(
      { id: account.id, email: account.email, displayName: account.displayName, ...(account.kind ? { kind: account.kind } : {}) },
      known?.mailboxes ?? [],
      account.identities ?? [],
    );
  }

  private async broadcastIfChanged(): Promise<void> {
    const accounts = await this.deps.accounts.list();
    const identities = accounts.flatMap((a) => this.build(a));
    const text = JSON.stringify(identities);
    if (text === this.lastBroadcast) return;
    this.lastBroadcast = text;
    this.deps.broadcast(identities);
  }
}
