/**
 * Push for the watched folders (issue #3; RFC 2177, RFC 9051 §6.3.13): one connection per
 * folder, SELECTed and in IDLE. Dovecot's NOTIFY (RFC 5465) sends nothing for unselected
 * mailboxes, so one IDLE per folder is the portable way — and each costs a connection of the
 * account's budget (imap/ConnectionBudget.ts, issue #10 §9). So a watcher is optional: it waits
 * for a lease (lower rank first: shared Inboxes before calendars), gives it back when the
 * budget needs it for something more important, and waits again. A folder without a live
 * watcher is polled by the sync connection (LIST-STATUS, pollDecision.ts), so nothing is missed.
 *
 * An EXISTS / EXPUNGE / FETCH on a connection calls `onChange(path)`; the account's sync
 * connection then runs the pass. Each watcher reconnects on its own with backoff, and reports a
 * change after a reconnect: anything may have happened while it was away.
 */
import type { ImapSession } from '../imap/types';
import { backoffDelay, sleep } from '../../../shared/retry';
import { LeaseAbortedError } from '../imap/ConnectionBudget';

export interface WatchLease {
  /** Lower ranks are served first and revoked last. */
  rank: number;
  /** The budget wants the connection back. */
  onRevoke(): void;
  signal: AbortSignal;
}

export interface IdlePoolDeps {
  /** Logs in within the account's budget as a `watch` connection. */
  connect(lease: WatchLease): Promise<ImapSession>;
  onChange(path: string): void;
  backoffMs: readonly number[];
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

class Watcher {
  private readonly abort = new AbortController();
  private session: ImapSession | null = null;
  private readonly done: Promise<void>;
  live = false;

  constructor(
    readonly path: string,
    public rank: number,
    private readonly deps: IdlePoolDeps,
  ) {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.session?.close().catch(() => undefined);
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let connectedBefore = false;
    const signal = this.abort.signal;
    while (!signal.aborted) {
      let revoked = false;
      try {
        const session = await this.deps.connect({
          rank: this.rank,
          signal,
          onRevoke: () => {
            revoked = true;
            void this.session?.close().catch(() => undefined);
          },
        });
        this.session = session;
        if (signal.aborted || revoked) continue;
        const closed = new Promise<void>((resolve) => {
          session.onClose(resolve);
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
        session.onChange((path) => this.deps.onChange(path));
        await session.watch(this.path);
        this.live = true;
        failures = 0;
        if (connectedBefore) this.deps.onChange(this.path);
        connectedBefore = true;
        await closed;
      } catch (error) {
        if (error instanceof LeaseAbortedError) break;
        if (!signal.aborted && !revoked) this.deps.log('warn', `IDLE on ${this.path}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.live = false;
        await this.session?.close().catch(() => undefined);
        this.session = null;
      }
      // Revoked: not a failure; wait for a lease again at once (the poll covers the folder meanwhile).
      if (!signal.aborted && !revoked) await sleep(backoffDelay(this.deps.backoffMs, failures++), signal);
    }
  }
}

export class IdlePool {
  private readonly watchers = new Map<string, Watcher>();

  constructor(private readonly deps: IdlePoolDeps) {}

  /** Watches exactly `paths`, most important first: opens watchers for new ones, closes the rest. */
  async set(paths: readonly string[]): Promise<void> {
    const wanted = new Map(paths.map((path, rank) => [path, rank]));
    const gone = [...this.watchers.values()].filter((w) => !wanted.has(w.path));
    for (const w of gone) this.watchers.delete(w.path);
    for (const [path, rank] of wanted) {
      const watcher = this.watchers.get(path);
      if (watcher) watcher.rank = rank;
      else this.watchers.set(path, new Watcher(path, rank, this.deps));
    }
    await Promise.all(gone.map((w) => w.stop()));
  }

  /** Folders whose IDLE connection is up now: their changes arrive by push, not by polling. */
  live(): Set<string> {
    return new Set([...this.watchers.values()].filter((w) => w.live).map((w) => w.path));
  }

  /** Whether every watched folder has its IDLE connection up (none waits for a lease or reconnects). */
  allLive(): boolean {
    return [...this.watchers.values()].every((w) => w.live);
  }

  async close(): Promise<void> {
    await this.set([]);
  }
}
