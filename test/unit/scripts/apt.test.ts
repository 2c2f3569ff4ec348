/**
 * Issue #10 §14: set-up on a fresh machine waits for the apt that unattended-upgrades runs at boot
 * instead of failing at once. The waiting is tested with a fake apt and a fake clock.
 */
import { describe, expect, it } from 'vitest';
import { aptEnv, lockHeld, lockWaitArgs, untilUnlocked } from '../../../scripts/apt.mjs';

/** apt 2.6's words when unattended-upgrades holds the dpkg frontend lock past DPkg::Lock::Timeout. */
const FRONTEND_LOCKED = [
  'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812 (unattended-upgr)',
  'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?',
].join('\n');
/** `apt-get update` while another update holds the lists lock (not covered by DPkg::Lock::Timeout). */
const LISTS_LOCKED = ['E: Could not get lock /var/lib/apt/lists/lock. It is held by process 790 (apt-get)', 'E: Unable to lock directory /var/lib/apt/lists/'].join('\n');
const NO_SUCH_PACKAGE = 'E: Unable to locate package dovecot-imapdd';

/** A fake apt whose runs answer in turn, and a clock that moves only when someone sleeps. */
function fakeApt(answers: { code: number; output: string }[]) {
  let clock = 1_000_000;
  const calls: { at: number; remainingMs: number }[] = [];
  const waits: string[] = [];
  return {
    calls,
    waits,
    attempt: async (remainingMs: number) => {
      calls.push({ at: clock, remainingMs });
      return answers[Math.min(calls.length - 1, answers.length - 1)]!;
    },
    now: () => clock,
    sleep: async (ms: number) => {
      clock += ms;
    },
    onWait: (message: string) => waits.push(message),
  };
}

describe('lockHeld', () => {
  it('recognises the dpkg frontend lock and the package lists lock', () => {
    expect(lockHeld(FRONTEND_LOCKED)).toBe(true);
    expect(lockHeld(LISTS_LOCKED)).toBe(true);
    expect(lockHeld('E: Unable to lock the administration directory (/var/lib/dpkg/), is another process using it?')).toBe(true);
  });

  it('does not mistake other failures for a lock', () => {
    expect(lockHeld(NO_SUCH_PACKAGE)).toBe(false);
    expect(lockHeld('E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Temporary failure resolving')).toBe(false);
    expect(lockHeld('')).toBe(false);
  });
});

describe('lockWaitArgs', () => {
  it('asks apt to wait for the dpkg lock itself, in whole seconds, never negative', () => {
    expect(lockWaitArgs(600_000)).toEqual(['-o', 'DPkg::Lock::Timeout=600']);
    expect(lockWaitArgs(1_500)).toEqual(['-o', 'DPkg::Lock::Timeout=2']);
    expect(lockWaitArgs(-5)).toEqual(['-o', 'DPkg::Lock::Timeout=0']);
  });
});

describe('untilUnlocked', () => {
  it('retries while another apt holds a lock, then succeeds, saying once why it waits', async () => {
    const apt = fakeApt([
      { code: 100, output: LISTS_LOCKED },
      { code: 100, output: FRONTEND_LOCKED },
      { code: 0, output: '' },
    ]);
    await untilUnlocked(apt.attempt, { what: 'apt-get update', waitMs: 60_000, retryMs: 5_000, now: apt.now, sleep: apt.sleep, onWait: apt.onWait });
    expect(apt.calls).toHaveLength(3);
    expect(apt.waits).toHaveLength(1);
    expect(apt.waits[0]).toContain('apt-get update');
  });

  it('hands apt the time left before the deadline, so its own lock wait never outlasts ours', async () => {
    const apt = fakeApt([
      { code: 100, output: LISTS_LOCKED },
      { code: 0, output: '' },
    ]);
    await untilUnlocked(apt.attempt, { what: 'apt-get update', waitMs: 60_000, retryMs: 5_000, now: apt.now, sleep: apt.sleep });
    expect(apt.calls.map((c) => c.remainingMs)).toEqual([60_000, 55_000]);
  });

  it('gives up at the deadline with apt\u2019s own words', async () => {
    const apt = fakeApt([{ code: 100, output: FRONTEND_LOCKED }]);
    const run = untilUnlocked(apt.attempt, { what: 'apt-get install -y postfix', waitMs: 30_000, retryMs: 5_000, now: apt.now, sleep: apt.sleep });
    await expect(run).rejects.toThrow(/apt-get install -y postfix failed: another apt\/dpkg still held its lock after 30 s\n.*lock-frontend/);
    // Attempts at 0, 5, 10 … 25 s; one more would start after the deadline.
    expect(apt.calls).toHaveLength(6);
  });

  it('fails at once on anything that is not a lock', async () => {
    const apt = fakeApt([{ code: 100, output: NO_SUCH_PACKAGE }]);
    await expect(untilUnlocked(apt.attempt, { what: 'apt-get install', now: apt.now, sleep: apt.sleep })).rejects.toThrow(
      /apt-get install failed: exit 100\nE: Unable to locate package/,
    );
    expect(apt.calls).toHaveLength(1);
  });
});

describe('aptEnv', () => {
  it('asks no questions and keeps apt in English, so its lock message can be read', () => {
    const env = aptEnv({ PATH: '/usr/bin', LC_ALL: 'nl_NL.UTF-8' });
    expect(env).toMatchObject({ PATH: '/usr/bin', DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C' });
  });
});
