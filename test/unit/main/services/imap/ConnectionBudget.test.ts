import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionBudget, LeaseAbortedError, type Lease } from '../../../../../src/main/services/imap/ConnectionBudget';

const budget = (limit = 5, restoreMs = 60_000) => new ConnectionBudget({ limit, restoreMs });

/** Whether the promise has settled after the microtasks run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ConnectionBudget (issue #10 §9)', () => {
  it('grants up to the limit; the next waits until a lease comes back', async () => {
    const b = budget(5);
    const leases = await Promise.all([1, 2, 3, 4, 5].map(() => b.acquire('request')));
    const sixth = b.acquire('sync');
    expect(await settled(sixth)).toBe(false);
    expect(b.inUse).toBe(5);
    leases[0]!.release();
    leases[0]!.release(); // a second release gives nothing back twice
    await sixth;
    expect(b.inUse).toBe(5);
  });

  it('lets watchers take leases only while one stays free for the rest; a more important one displaces the least', async () => {
    const b = budget(5);
    await b.acquire('sync');
    const held = new Map<number, Lease>();
    const revoked: number[] = [];
    const watch = (rank: number) =>
      b.acquire('watch', { rank, onRevoke: () => (revoked.push(rank), held.get(rank)!.release(), held.delete(rank)) }).then((lease) => held.set(rank, lease));
    for (const rank of [3, 0, 2]) await watch(rank);
    const extra = watch(4);
    expect(await settled(extra)).toBe(false);
    // A more important folder arrives: the least important watcher makes room for it.
    await watch(1);
    expect(revoked).toEqual([3]);
    expect([...held.keys()].sort()).toEqual([0, 1, 2]);
    expect(b.counts()).toMatchObject({ sync: 1, watch: 3 });
    expect(await settled(extra)).toBe(false);
  });

  it('revokes the least important watcher when a request would otherwise wait, and grants it when that one closed', async () => {
    const b = budget(5);
    await b.acquire('sync');
    await b.acquire('request');
    const revoked: number[] = [];
    const watchLeases = new Map<number, Lease>();
    for (const rank of [0, 1]) {
      const lease = await b.acquire('watch', { rank, onRevoke: () => (revoked.push(rank), watchLeases.get(rank)!.release()) });
      watchLeases.set(rank, lease);
    }
    await b.acquire('probe');
    expect(b.inUse).toBe(5);
    const request = b.acquire('request');
    await request;
    expect(revoked).toEqual([1]);
    expect(b.counts()).toMatchObject({ sync: 1, request: 2, probe: 1, watch: 1 });
  });

  it('never revokes anything but watchers: a request waits behind a full budget of others', async () => {
    const b = budget(2);
    const sync = await b.acquire('sync');
    await b.acquire('request');
    const waiting = b.acquire('request');
    expect(await settled(waiting)).toBe(false);
    sync.release();
    await waiting;
  });

  it('shrinks to what is open when the server refuses a login, revokes watchers above it, and grows back one at a time', async () => {
    vi.useFakeTimers();
    const b = budget(5, 1_000);
    await b.acquire('sync');
    const revoked: Lease[] = [];
    const w1 = await b.acquire('watch', { rank: 0, onRevoke: () => revoked.push(w1) });
    await b.acquire('watch', { rank: 1, onRevoke: () => undefined });
    const refusedOne = await b.acquire('request');
    // Another device holds connections too: the server refuses this login.
    b.refused(refusedOne);
    expect(b.limit).toBe(3);
    expect(revoked).toEqual([]);
    // A sync that needs a lease now takes one from the least important watcher.
    const next = b.acquire('request');
    expect(b.counts().watch).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(b.limit).toBe(4);
    await next;
    vi.advanceTimersByTime(1_000);
    expect(b.limit).toBe(5);
  });

  it('refuses a waiting acquire when its signal aborts', async () => {
    const b = budget(1);
    await b.acquire('sync');
    const abort = new AbortController();
    const waiting = b.acquire('watch', { signal: abort.signal });
    abort.abort();
    await expect(waiting).rejects.toBeInstanceOf(LeaseAbortedError);
  });
});
