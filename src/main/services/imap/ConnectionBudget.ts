/**
 * Each account keeps within a small number of IMAP connections across every window (issue #10
 * §9, HOUSE_STYLE.md "Connections are a budget"; Thunderbird's default is 5, Dovecot refuses
 * more than 10 per user and address). A counting lease per connection, held from before the
 * login until the socket has closed, so the count is what the server counts.
 *
 * Kinds, most important first: `sync` (the account's sync connection and its head start) and
 * `request` (the connection for a person's clicks, Sent copies, offline passes) wait for a
 * lease, and so does a `probe` (a short re-discovery login; it gives up after a while). `watch` (an IDLE watcher, IdlePool.ts) is
 * optional: it only takes a lease while one more stays free for the others, and it is revoked —
 * asked to close — when a more important connection would otherwise wait. The folder it
 * watched is then polled (LIST-STATUS) until it gets a lease again; watchers with a lower rank
 * (own INBOX < shared Inboxes < calendars) are served first and revoked last.
 *
 * When the server refuses a login for too many connections (RFC 5530 `[LIMIT]`; connections
 * from other devices count too), `refused()` shrinks the budget to what is open now and revokes
 * watchers above it; after `restoreMs` without another refusal it grows back one at a time.
 */

export type LeaseKind = 'sync' | 'request' | 'probe' | 'watch';

const priority: Record<LeaseKind, number> = { sync: 3, request: 3, probe: 2, watch: 1 };

export interface Lease {
  readonly kind: LeaseKind;
  /** Idempotent: the second call does nothing. */
  release(): void;
}

export interface LeaseOptions {
  /** watch: lower ranks are served first and revoked last. */
  rank?: number;
  /** watch: the budget needs the lease back; close the connection (then release). */
  onRevoke?: () => void;
  signal?: AbortSignal;
}

interface Held {
  lease: Lease;
  kind: LeaseKind;
  rank: number;
  onRevoke: (() => void) | undefined;
  revoked: boolean;
}

interface Waiter {
  kind: LeaseKind;
  rank: number;
  seq: number;
  options: LeaseOptions;
  grant: (lease: Lease) => void;
  fail: (error: Error) => void;
}

export class LeaseAbortedError extends Error {
  readonly code = 'leaseAborted';
}

export interface BudgetOptions {
  limit: number;
  /** How long a shrunk budget stays shrunk before growing by one again, ms. */
  restoreMs: number;
  now?: () => number;
}

export class ConnectionBudget {
  private readonly held: Held[] = [];
  private waiters: Waiter[] = [];
  private seq = 0;
  private shrunkTo: number | null = null;
  private restoreTimer: NodeJS.Timeout | null = null;

  constructor(private options: BudgetOptions) {}

  /** The budget now: the configured limit, or less after the server refused a login. */
  get limit(): number {
    return Math.max(1, Math.min(this.options.limit, this.shrunkTo ?? Infinity));
  }

  /** Leases held now (open or opening connections). */
  get inUse(): number {
    return this.held.length;
  }

  /** Leases held per kind (for the log and tests). */
  counts(): Record<LeaseKind, number> {
    const counts: Record<LeaseKind, number> = { sync: 0, request: 0, probe: 0, watch: 0 };
    for (const h of this.held) counts[h.kind] += 1;
    return counts;
  }

  /** A new configured limit (settings changed); watchers above it are revoked. */
  setLimit(limit: number): void {
    this.options = { ...this.options, limit: Math.max(1, Math.floor(limit)) };
    this.enforce();
    this.pump();
  }

  /** Resolves with a lease once this kind may open a connection. */
  acquire(kind: LeaseKind, options: LeaseOptions = {}): Promise<Lease> {
    if (options.signal?.aborted) return Promise.reject(new LeaseAbortedError('Stopped'));
    return new Promise<Lease>((resolve, reject) => {
      const waiter: Waiter = { kind, rank: options.rank ?? 0, seq: ++this.seq, options, grant: resolve, fail: reject };
      const onAbort = () => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new LeaseAbortedError('Stopped'));
        this.pump();
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      waiter.grant = (lease) => {
        options.signal?.removeEventListener('abort', onAbort);
        resolve(lease);
      };
      this.waiters.push(waiter);
      this.pump();
      if (!this.waiters.includes(waiter)) return;
      if (kind !== 'watch') this.revokeFor(waiter);
      // A more important folder (a shared Inbox found after the calendars) takes a less important one's place.
      else this.revokeWatchers(1, waiter.rank);
    });
  }

  /**
   * The server refused the login `lease` was for, for too many connections: the lease is given
   * back, the budget becomes what is open now (at least one), watchers above it are revoked, and
   * it grows back one at a time every `restoreMs`.
   */
  refused(lease: Lease): void {
    const others = this.held.filter((h) => h.lease !== lease).length;
    this.shrunkTo = Math.max(1, Math.min(this.limit, others));
    this.scheduleRestore();
    lease.release();
    this.enforce();
  }

  /** Stops waiting: every waiter is refused (the services are closing). */
  close(): void {
    if (this.restoreTimer) clearTimeout(this.restoreTimer);
    for (const waiter of this.waiters.splice(0)) waiter.fail(new LeaseAbortedError('Closed'));
  }

  private scheduleRestore(): void {
    if (this.restoreTimer) clearTimeout(this.restoreTimer);
    this.restoreTimer = setTimeout(() => {
      this.restoreTimer = null;
      if (this.shrunkTo === null) return;
      this.shrunkTo += 1;
      if (this.shrunkTo >= this.options.limit) this.shrunkTo = null;
      else this.scheduleRestore();
      this.pump();
    }, this.options.restoreMs);
    this.restoreTimer.unref?.();
  }

  /** Whether `waiter` may take a lease now. A watcher leaves one free for the others. */
  private fits(waiter: Waiter): boolean {
    const free = this.limit - this.held.length;
    return waiter.kind === 'watch' ? free >= 2 : free >= 1;
  }

  private pump(): void {
    this.waiters.sort((a, b) => priority[b.kind] - priority[a.kind] || a.rank - b.rank || a.seq - b.seq);
    while (this.waiters.length > 0) {
      const next = this.waiters[0] as Waiter;
      // A watcher never overtakes a more important waiter (which might be waiting on a revoke).
      if (!this.fits(next)) break;
      this.waiters.shift();
      next.grant(this.grant(next));
    }
  }

  private grant(waiter: Waiter): Lease {
    const held: Held = { kind: waiter.kind, rank: waiter.rank, onRevoke: waiter.options.onRevoke, revoked: false, lease: null as unknown as Lease };
    let released = false;
    held.lease = {
      kind: waiter.kind,
      release: () => {
        if (released) return;
        released = true;
        const at = this.held.indexOf(held);
        if (at >= 0) this.held.splice(at, 1);
        this.pump();
      },
    };
    this.held.push(held);
    return held.lease;
  }

  /** Asks the least important watcher to give its lease back, so `waiter` need not wait. */
  private revokeFor(waiter: Waiter): void {
    const pendingRevokes = this.held.filter((h) => h.revoked).length;
    const needed = this.waiters.filter((w) => w.kind !== 'watch' && priority[w.kind] >= priority[waiter.kind]).length;
    if (pendingRevokes >= needed) return;
    this.revokeWatchers(1);
  }

  /** Revokes watchers until at most `limit` leases would remain. */
  private enforce(): void {
    const over = this.held.filter((h) => !h.revoked).length - this.limit;
    if (over > 0) this.revokeWatchers(over);
  }

  /** Revokes up to `count` watchers, least important first; only those ranked below `above`. */
  private revokeWatchers(count: number, above = -Infinity): void {
    const victims = this.held
      .filter((h) => h.kind === 'watch' && !h.revoked && h.onRevoke && h.rank > above)
      .sort((a, b) => b.rank - a.rank)
      .slice(0, count);
    for (const victim of victims) {
      victim.revoked = true;
      victim.onRevoke?.();
    }
  }
}

/** One budget per account, all with the same configured limit. */
export class ConnectionBudgets {
  private readonly budgets = new Map<string, ConnectionBudget>();

  constructor(private options: BudgetOptions) {}

  of(accountId: string): ConnectionBudget {
    let budget = this.budgets.get(accountId);
    if (!budget) {
      budget = new ConnectionBudget(this.options);
      this.budgets.set(accountId, budget);
    }
    return budget;
  }

  setLimit(limit: number): void {
    this.options = { ...this.options, limit };
    for (const budget of this.budgets.values()) budget.setLimit(limit);
  }

  /** The account is gone: its waiters are refused and its budget forgotten. */
  forget(accountId: string): void {
    this.budgets.get(accountId)?.close();
    this.budgets.delete(accountId);
  }

  close(): void {
    for (const budget of this.budgets.values()) budget.close();
  }
}
