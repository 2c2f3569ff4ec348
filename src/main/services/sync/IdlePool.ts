/**
 * Push for every watched folder (issue #3): one connection per folder, each SELECTed and in IDLE
 * (RFC 2177; RFC 9051 §6.3.13). Dovecot's NOTIFY (RFC 5465) sends nothing for unselected
 * mailboxes, so one IDLE per folder is the portable way (see the mail-stack notes; the stack
 * allows 50 connections per user and IP). An EXISTS / EXPUNGE / FETCH on a connection calls
 * `onChange(path)`; the account's sync connection then runs the pass. Each connection reconnects
 * on its own with backoff, and reports a change after a reconnect: anything may have happened
 * while it was away.
 */
import type { ImapSession } from '../imap/types';
import { backoffDelay, sleep } from './backoff';

export interface IdlePoolDeps {
  connect(): Promise<ImapSession>;
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
    while (!this.abort.signal.aborted) {
      try {
        const session = await this.deps.connect();
        this.session = session;
        if (this.abort.signal.aborted) break;
        const closed = new Promise<void>((resolve) => {
          session.onClose(resolve);
          this.abort.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        session.onChange((path) => this.deps.onChange(path));
        await session.watch(this.path);
        this.live = true;
        failures = 0;
        if (connectedBefore) this.deps.onChange(this.path);
        connectedBefore = true;
        await closed;
      } catch (error) {
        if (!this.abort.signal.aborted) this.deps.log('warn', `IDLE on ${this.path}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.live = false;
        await this.session?.close().catch(() => undefined);
        this.session = null;
      }
      if (!this.abort.signal.aborted) await sleep(backoffDelay(this.deps.backoffMs, failures++), this.abort.signal);
    }
  }
}

export class IdlePool {
  private readonly watchers = new Map<string, Watcher>();

  constructor(private readonly deps: IdlePoolDeps) {}

  /** Watches exactly `paths`: opens connections for new ones, closes the rest. */
  async set(paths: readonly string[]): Promise<void> {
    const wanted = new Set(paths);
    const gone = [...this.watchers.values()].filter((w) => !wanted.has(w.path));
    for (const w of gone) this.watchers.delete(w.path);
    for (const path of wanted) if (!this.watchers.has(path)) this.watchers.set(path, new Watcher(path, this.deps));
    await Promise.all(gone.map((w) => w.stop()));
  }

  /** Folders whose IDLE connection is up now: their changes arrive by push, not by polling. */
  live(): Set<string> {
    return new Set([...this.watchers.values()].filter((w) => w.live).map((w) => w.path));
  }

  async close(): Promise<void> {
    await this.set([]);
  }
}
