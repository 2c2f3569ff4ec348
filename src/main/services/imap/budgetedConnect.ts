/**
 * Every IMAP login of an account goes through here, inside the account's connection budget
 * (ConnectionBudget.ts, issue #10 §9): a lease is taken before the login and given back when
 * the socket has closed — whoever closes it, the server, the network or `close()`.
 *
 * A login the server refuses for too many connections shrinks the budget (connections from the
 * person's other devices count at the server too) and is tried again after a backoff, when a
 * lease comes free within the smaller budget before the next backoff step has passed; else the
 * refusal stands (AppError tooManyConnections). An IDLE watcher or a probe does not retry here
 * (a watcher backs off on its own, its folder polled meanwhile).
 */
import { sleep, backoffDelay } from '../../../shared/retry';
import { LeaseAbortedError, type ConnectionBudgets, type LeaseKind, type LeaseOptions } from './ConnectionBudget';
import { isTooManyConnections } from './imapErrors';
import type { ImapSession } from './types';

/** Opens a logged-in session of the account inside its budget. */
export type BudgetedConnect = (accountId: string, kind?: LeaseKind, options?: LeaseOptions) => Promise<ImapSession>;

export interface BudgetedConnectDeps {
  budgets: ConnectionBudgets;
  /** The login itself, without any budget. */
  open(accountId: string): Promise<ImapSession>;
  /** Waits before retrying a login refused for too many connections (shared/retry.ts). */
  tooManyBackoffMs: readonly number[];
  log(level: 'info' | 'warn', message: string): void;
}

export function budgetedConnect(deps: BudgetedConnectDeps): BudgetedConnect {
  return async (accountId, kind = 'request', options = {}) => {
    const budget = deps.budgets.of(accountId);
    let refused: unknown = null;
    for (let refusals = 0; ; refusals++) {
      let lease;
      try {
        // After a refusal, wait for a lease within the smaller budget only so long: a request
        // then says the server is full instead of hanging (the sync itself keeps retrying).
        lease = await budget.acquire(kind, refused ? { ...options, signal: withTimeout(options.signal, backoffDelay(deps.tooManyBackoffMs, refusals)) } : options);
      } catch (error) {
        if (refused && error instanceof LeaseAbortedError && !options.signal?.aborted) throw refused;
        throw error;
      }
      let session: ImapSession;
      try {
        session = await deps.open(accountId);
      } catch (error) {
        if (!isTooManyConnections(error)) {
          lease.release();
          throw error;
        }
        budget.refused(lease);
        refused = error;
        deps.log('warn', `${accountId}: the server refused a ${kind} login for too many connections; the budget is now ${budget.limit}`);
        const retries = deps.tooManyBackoffMs.length;
        if (kind === 'watch' || kind === 'probe' || refusals >= retries || options.signal?.aborted) throw error;
        await sleep(backoffDelay(deps.tooManyBackoffMs, refusals), options.signal);
        continue;
      }
      session.onClose(() => lease.release());
      // Closed between the login and here: onClose will not fire again.
      if (!session.usable) lease.release();
      return session;
    }
  };
}

/** `signal`, or a timeout of `ms`, whichever aborts first. */
function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(Math.max(ms, 1));
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

export type { LeaseKind, LeaseOptions };
