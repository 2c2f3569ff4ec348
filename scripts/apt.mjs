/**
 * The one Debian package installer of the project (issue #10 §14), used by scripts/systemPackages.mjs
 * (`npm test`, `npm run demo`) and by the mail stack (test/mailstack/mailstack.mjs).
 *
 * A fresh Debian/Ubuntu machine runs apt on its own right after boot (unattended-upgrades,
 * cloud-init, apt-daily): apt-get then fails at once with "Could not get lock …". We wait for the
 * other apt instead, within a deadline:
 * - `-o DPkg::Lock::Timeout=<s>` makes apt itself wait for the dpkg frontend lock (apt ≥ 1.9.11);
 * - `apt-get update` also takes /var/lib/apt/lists/lock, which that option does not cover on
 *   every apt, so a run that still ends on a lock message is retried until the deadline.
 * Any other failure is reported at once, with apt's own words.
 *
 * Plain Node ESM, built-ins only: it runs before `npm ci` has finished anything else.
 */
import { spawn } from 'node:child_process';
import { existsSync, chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** How long we wait, in all, for another apt/dpkg to finish (first-boot upgrades take minutes). */
export const LOCK_WAIT_MS = 15 * 60_000;
/** Pause between two attempts when apt gave up on a lock it does not wait for itself. */
export const LOCK_RETRY_MS = 5_000;

/** apt's and dpkg's words for "another process holds the lock" (LC_ALL=C, see aptEnv). */
const lockMessages = [
  /Could not get lock/i,
  /Unable to lock (the )?(directory|administration directory)/i,
  /Unable to acquire the dpkg frontend lock/i,
  /is another process using it\?/i,
];

/** Whether apt's output says it stopped because another apt/dpkg holds a lock. Pure. */
export function lockHeld(output) {
  return lockMessages.some((pattern) => pattern.test(output));
}

/** The apt-get arguments that make apt wait up to `waitMs` for the dpkg lock itself. Pure. */
export function lockWaitArgs(waitMs) {
  return ['-o', `DPkg::Lock::Timeout=${Math.max(0, Math.ceil(waitMs / 1000))}`];
}

/**
 * Runs `attempt(remainingMs)` until it succeeds, retrying only while it failed on a lock and the
 * deadline is ahead. `attempt` resolves to { code, output }. Pure but for its injected clock and
 * sleep, so the waiting is unit-tested without an apt.
 * @param {(remainingMs: number) => Promise<{ code: number | null, output: string }>} attempt
 * @param {{ what: string, waitMs?: number, retryMs?: number, now?: () => number,
 *   sleep?: (ms: number) => Promise<void>, onWait?: (message: string) => void }} options
 */
export async function untilUnlocked(attempt, { what, waitMs = LOCK_WAIT_MS, retryMs = LOCK_RETRY_MS, now = Date.now, sleep = delay, onWait = () => {} }) {
  const deadline = now() + waitMs;
  let told = false;
  for (;;) {
    const { code, output } = await attempt(Math.max(0, deadline - now()));
    if (code === 0) return;
    const locked = lockHeld(output);
    if (!locked || now() + retryMs >= deadline) {
      const why = locked ? `another apt/dpkg still held its lock after ${Math.round(waitMs / 1000)} s` : `exit ${code}`;
      throw new Error(`${what} failed: ${why}\n${tail(output)}`.trim());
    }
    if (!told) onWait(`Waiting for another package manager to finish (unattended-upgrades at boot?) before: ${what}`);
    told = true;
    await sleep(retryMs);
  }
}

/** The environment apt runs in: no questions, and English messages so lockHeld can read them. */
export function aptEnv(base = process.env) {
  return { ...base, DEBIAN_FRONTEND: 'noninteractive', DEBCONF_NONINTERACTIVE_SEEN: 'true', LC_ALL: 'C' };
}

/**
 * `apt-get <args>` that waits for other package managers (see above). stdout is shown unless
 * quiet; stderr is kept for the lock check and the error message (and shown unless quiet).
 */
export function aptGet(args, { quiet = false, env = aptEnv(), timeoutMs = 30 * 60_000, waitMs = LOCK_WAIT_MS, log = console.log } = {}) {
  const what = `apt-get ${args.join(' ')}`;
  return untilUnlocked((remainingMs) => runOnce('apt-get', [...lockWaitArgs(remainingMs), ...args], { quiet, env, timeoutMs }), {
    what,
    waitMs,
    onWait: log,
  });
}

/**
 * Installs `packages` as root: apt-get update, then install, each waiting for other package
 * managers. Keeps package scripts from starting a system Dovecot/Postfix on the standard ports
 * (a policy-rc.d that answers 101, put back as it was afterwards) and presets Postfix to "No
 * configuration" so its install asks nothing.
 */
export async function aptInstall(packages, { quiet = false, recommends = true, env = aptEnv(), log = console.log } = {}) {
  const policy = '/usr/sbin/policy-rc.d';
  const previous = existsSync(policy) ? { data: readFileSync(policy), mode: statSync(policy).mode } : null;
  writeFileSync(policy, '#!/bin/sh\n# written by Postvak scripts/apt.mjs: no daemons during install\nexit 101\n', { mode: 0o755 });
  chmodSync(policy, 0o755);
  try {
    const preset = await runOnce('debconf-set-selections', [], { quiet: true, env, input: 'postfix postfix/main_mailer_type select No configuration\n' });
    if (preset.code !== 0) throw new Error(`debconf-set-selections failed: ${tail(preset.output)}`);
    await aptGet(['update', '-q'], { quiet, env, log });
    await aptGet(
      ['install', '-y', '-q', ...(recommends ? [] : ['--no-install-recommends']), '-o', 'Dpkg::Options::=--force-confdef', '-o', 'Dpkg::Options::=--force-confold', ...packages],
      { quiet, env, log },
    );
  } finally {
    if (previous) {
      writeFileSync(policy, previous.data);
      chmodSync(policy, previous.mode & 0o7777);
    } else {
      rmSync(policy, { force: true });
    }
  }
}

function runOnce(command, args, { quiet, env, timeoutMs = 60_000, input }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [input === undefined ? 'ignore' : 'pipe', quiet ? 'ignore' : 'inherit', 'pipe'] });
    const err = [];
    child.stderr.on('data', (chunk) => {
      err.push(chunk);
      if (!quiet) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${command}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const output = Buffer.concat(err).toString('utf8');
      resolve({ code: signal ? null : code, output: signal ? `${output}\nkilled by ${signal} after ${timeoutMs} ms` : output });
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

function tail(text, lines = 15) {
  return text.trim().split('\n').slice(-lines).join('\n');
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
