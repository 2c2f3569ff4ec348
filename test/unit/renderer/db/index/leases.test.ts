import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Leases } from '../../../../../src/renderer/db/index/leases';

describe('Leases', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('makes a value once per key, shares it, and disposes it only after the last release and the linger', () => {
    const disposed: string[] = [];
    const leases = new Leases<{ name: string }>(1_000, (value) => void disposed.push(value.name));
    let made = 0;
    const make = () => ({ name: `v${++made}` });
    const a = leases.acquire('k', make);
    const b = leases.acquire('k', make);
    expect(a.value).toBe(b.value);
    a.release();
    a.release(); // twice is once
    vi.advanceTimersByTime(5_000);
    expect(disposed).toEqual([]);
    b.release();
    vi.advanceTimersByTime(999);
    // Taken again within the linger: the same value, nothing disposed.
    const c = leases.acquire('k', make);
    expect(c.value).toBe(a.value);
    vi.advanceTimersByTime(5_000);
    expect(disposed).toEqual([]);
    c.release();
    vi.advanceTimersByTime(1_000);
    expect(disposed).toEqual(['v1']);
    expect(leases.acquire('k', make).value.name).toBe('v2');
  });

  it('close disposes everything at once, held or lingering, and later releases do nothing', () => {
    const disposed: string[] = [];
    const leases = new Leases<string>(1_000, (value) => void disposed.push(value));
    const held = leases.acquire('a', () => 'A');
    leases.acquire('b', () => 'B').release();
    leases.close();
    expect(disposed.sort()).toEqual(['A', 'B']);
    held.release();
    vi.advanceTimersByTime(5_000);
    expect(disposed).toHaveLength(2);
  });
});
