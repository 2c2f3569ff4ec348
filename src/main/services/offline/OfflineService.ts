/**
 * The offline store and one OfflineSync per account that keeps any mailbox offline
 * (issue #3 §3). Main owns these files rather than the renderer's IndexedDB: raw sources with
 * attachments can be hundreds of MB, and main parses bodies and serves attachments anyway.
 */
import { join } from 'node:path';
import type { ImapSession } from '../imap/types';
import type { MailboxConfig } from '../mailboxes/discovery';
import { keepsAny } from './offlinePlan';
import { OfflineStore } from './offlineStore';
import { OfflineSync } from './OfflineSync';

export interface OfflineServiceDeps {
  profileDir: string;
  accountIds(): Promise<string[]>;
  connect(accountId: string): Promise<ImapSession>;
  mailboxConfig(accountId: string): Promise<MailboxConfig>;
  pollMs: number;
  log(level: 'info' | 'warn', message: string): void;
}

export class OfflineService {
  readonly store: OfflineStore;
  private readonly syncs = new Map<string, OfflineSync>();

  constructor(private readonly deps: OfflineServiceDeps) {
    this.store = new OfflineStore(join(deps.profileDir, 'offline'));
  }

  /** At start-up: a pass for every account that keeps mail offline. */
  async startAll(): Promise<void> {
    for (const id of await this.deps.accountIds()) void this.refresh(id);
  }

  /**
   * After a setting changed: starts, re-runs or ends the account's offline pass. Resolves when
   * that pass ended (callers that should not wait do not await it).
   */
  async refresh(accountId: string): Promise<void> {
    const config = await this.deps.mailboxConfig(accountId).catch(() => null);
    if (!config || !keepsAny(config.offline)) {
      await this.syncs.get(accountId)?.stop();
      this.syncs.delete(accountId);
      await this.store.removeAccount(accountId);
      return;
    }
    let sync = this.syncs.get(accountId);
    if (!sync) {
      sync = new OfflineSync({
        accountId,
        store: this.store,
        connect: () => this.deps.connect(accountId),
        config: () => this.deps.mailboxConfig(accountId),
        pollMs: this.deps.pollMs,
        log: this.deps.log,
      });
      this.syncs.set(accountId, sync);
    }
    await sync.request();
  }

  /** The kept source of a message, or null when it is not kept (or its account is gone). */
  async source(accountId: string, folderPath: string, uid: number, maxBytes: number): Promise<Buffer | null> {
    if (!(await this.deps.accountIds()).includes(accountId)) return null;
    return this.store.read(accountId, folderPath, uid, maxBytes);
  }

  /** The account was removed (issue #10 §6): its pass ends and its kept mail leaves the disk. */
  async removeAccount(accountId: string): Promise<void> {
    await this.syncs.get(accountId)?.stop();
    this.syncs.delete(accountId);
    await this.store.removeAccount(accountId);
  }

  async close(): Promise<void> {
    await Promise.all([...this.syncs.values()].map((s) => s.stop()));
    this.syncs.clear();
  }
}
