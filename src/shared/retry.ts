/**
 * Every retry delay in one place (issue #10 §12): how soon main reconnects a sync or an IDLE
 * watcher, retries a login the server refused for too many connections, lets a shrunk
 * connection budget grow back and retries an outbox step; how soon a window restarts an
 * account whose batch it could not write, and how soon a browser-host window reconnects to
 * main. Quick at first (a blip), then slower, so a server that is down or full is not
 * hammered. Shared: main and the renderer both use it.
 */

export interface RetryTuning {
  /** Reconnect delays of a sync connection and of an IDLE watcher; the last step repeats. */
  reconnectMs: readonly number[];
  /** Before retrying a login refused for too many connections (RFC 5530 LIMIT). */
  tooManyConnectionsMs: readonly number[];
  /** A budget shrunk by such a refusal grows by one connection after this long. */
  budgetRestoreMs: number;
  /** Outbox steps (SMTP, the Sent copy): base, 2×base, 4×base … up to the cap. */
  outboxBaseMs: number;
  outboxCapMs: number;
  /** A window restarts an account whose batch it could not write: base, doubling, up to the cap. */
  cacheRetryBaseMs: number;
  cacheRetryCapMs: number;
  /** A browser-host window reconnects its WebSocket to main: base, doubling, up to the cap. */
  hostReconnectBaseMs: number;
  hostReconnectCapMs: number;
}

export const defaultRetry: RetryTuning = {
  reconnectMs: [1_000, 2_000, 5_000, 15_000, 30_000, 60_000],
  tooManyConnectionsMs: [2_000, 10_000, 30_000],
  budgetRestoreMs: 10 * 60_000,
  outboxBaseMs: 5_000,
  outboxCapMs: 5 * 60_000,
  cacheRetryBaseMs: 1_000,
  cacheRetryCapMs: 60_000,
  hostReconnectBaseMs: 250,
  hostReconnectCapMs: 5_000,
};

/** The delay before attempt number `failures` (0-based) from a list of steps; the last step repeats. */
export function backoffDelay(steps: readonly number[], failures: number): number {
  if (steps.length === 0) return 0;
  return steps[Math.min(Math.max(failures, 0), steps.length - 1)] as number;
}

/** Exponential backoff: base, 2×base, 4×base … capped. `attempt` counts from 1. */
export function exponentialDelay(attempt: number, baseMs: number, capMs: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  return Math.min(capMs, baseMs * 2 ** exponent);
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
