import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetry, exponentialDelay } from '../../../src/shared/retry';

describe('retry delays (issue #10 §12: one place)', () => {
  it('steps through a list and repeats its last step', () => {
    expect([0, 1, 2, 5, 6, 40].map((n) => backoffDelay(defaultRetry.reconnectMs, n))).toEqual([1_000, 2_000, 5_000, 60_000, 60_000, 60_000]);
    expect(backoffDelay([], 3)).toBe(0);
  });

  it('doubles from a base up to a cap, counting attempts from 1', () => {
    expect([1, 2, 3, 4, 5, 50].map((n) => exponentialDelay(n, defaultRetry.hostReconnectBaseMs, defaultRetry.hostReconnectCapMs))).toEqual([250, 500, 1_000, 2_000, 4_000, 5_000]);
    expect(exponentialDelay(0, 1_000, 10_000)).toBe(1_000);
  });
});
