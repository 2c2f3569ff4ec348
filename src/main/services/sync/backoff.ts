/** Reconnect delays: quick at first (a blip), then slower so a server that is down is not hammered. */

/** The delay before reconnect attempt number `failures` (0-based); the last step repeats. */
export function backoffDelay(steps: readonly number[], failures: number): number {
  if (steps.length === 0) return 0;
  return steps[Math.min(Math.max(failures, 0), steps.length - 1)] as number;
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
