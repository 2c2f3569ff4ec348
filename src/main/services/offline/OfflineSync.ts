/**
 * One account's offline pass (issue #3 §3), on its own IMAP connection so a 20,000-message
 * pull never delays summary sync or IDLE. Runs at start, on `request()` (after
 * mailboxes.setOffline) and every poll interval; one pass at a time, and a request during a
 * pass runs one more afterwards. The connection is one of the account's budget (issue #10 §9):
 * it is logged out when the passes end, not kept through the quiet poll interval.
 */
import type { ImapSession } from '../imap/types';
import { mailboxSkeletons, sharedOwners, type MailboxConfig } from '../mailboxes/discovery';
import { batches, keepsAny, offlineTargets, planFolder, windowStart, type OfflineTarget } from './offlinePlan';
import type { OfflineStore } from './offlineStore';
import { examine } from './sourceReader';

/** UIDs per FETCH: large enough that round trips vanish, small enough for a readable log. */
const FETCH_BATCH = 5_000;

export interface OfflineSyncDeps {
  accountId: string;
  store: OfflineStore;
  connect(): Promise<ImapSession>;
  config(): Promise<MailboxConfig>;
  pollMs: number;
  now?: () => number;
  log(level: 'info' | 'warn', message: string): void;
}

export class OfflineSync {
  private session: ImapSession | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: OfflineSyncDeps) {}

  /** Starts a pass now (or right after the current one); resolves when that pass ended. */
  request(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await this.session?.close().catch(() => undefined);
    this.session = null;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.request(), this.deps.pollMs);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await this.pass();
        } catch (error) {
          // Unreachable server, wrong password, …: the kept mail stays readable; retry next poll.
          this.deps.log('warn', `offline: pass for ${this.deps.accountId} failed: ${(error as Error).message}`);
          await this.session?.close().catch(() => undefined);
          this.session = null;
        }
      } while (this.again && !this.stopped);
    } finally {
      // Give the connection back to the account's budget until the next poll.
      await this.session?.close().catch(() => undefined);
      this.session = null;
    }
  }

  private async pass(): Promise<void> {
    const { store, accountId } = this.deps;
    const config = await this.deps.config();
    if (!keepsAny(config.offline)) {
      await store.removeAccount(accountId);
      return;
    }
    if (!this.session?.usable) this.session = await this.deps.connect();
    const session = this.session;
    const folders = await session.listFolders();
    const ns = await session.namespaces();
    const owners = sharedOwners([...ns.otherUsers, ...ns.shared], folders.map((f) => f.path));
    const targets = offlineTargets(folders, mailboxSkeletons(config, owners));
    await store.keepOnly(accountId, targets.map((t) => t.path));
    const started = Date.now();
    let fetched = 0;
    for (const target of targets) {
      if (this.stopped) return;
      fetched += await this.folder(session, target);
    }
    if (fetched > 0) this.deps.log('info', `offline: ${accountId} kept ${fetched} new messages in ${Date.now() - started} ms`);
  }

  /** One folder: plan, drop what left the window, fetch what is missing. Returns the count. */
  private async folder(session: ImapSession, target: OfflineTarget): Promise<number> {
    const { store, accountId } = this.deps;
    const since = windowStart((this.deps.now ?? Date.now)(), target.days);
    return examine(session, target.path, async (folder) => {
      const onDisk = await store.prepare(accountId, target.path, folder.uidValidity);
      const plan = planFolder(await folder.searchSince(since), onDisk);
      await store.remove(accountId, target.path, folder.uidValidity, plan.remove);
      let count = 0;
      for (const batch of batches(plan.fetch, FETCH_BATCH)) {
        if (this.stopped) break;
        // One pack per batch, appended as the sources stream in (offlineStore.ts: why packs).
        const pack = await store.begin(accountId, target.path, folder.uidValidity);
        try {
          await folder.streamSources(batch, (uid, source) => pack.append(uid, source));
        } finally {
          // Also after a broken stream: what arrived is whole and need not be fetched again.
          await pack.commit();
        }
        count += pack.count;
        this.deps.log('info', `offline: ${target.path}: ${count}/${plan.fetch.length} kept`);
      }
      return count;
    });
  }
}
