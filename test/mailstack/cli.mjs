#!/usr/bin/env node
// Command line for the Postvak test mail stack.
//
//   node test/mailstack/cli.mjs start  [--state DIR] [--base-port N] [--tracking-port N] [--keep] [--json]
//   node test/mailstack/cli.mjs stop   [--state DIR] [--keep]
//   node test/mailstack/cli.mjs reset  [--state DIR] [--tracking-port N]
//   node test/mailstack/cli.mjs fill   [--state DIR] --user alice --folder INBOX --count 20000
//   node test/mailstack/cli.mjs status [--state DIR]
//
// `start` stays in the foreground until SIGINT/SIGTERM (or until the stack is stopped from
// elsewhere) and then stops the daemons; the state dir is removed unless --keep.
// Without --state, stop/reset/fill/status act on the stack the last `start` recorded in
// $TMPDIR/postvak-mailstack.current.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  fillMaildir, loadMailStack, resetMailboxes, startMailStack, stopMailStack,
} from './mailstack.mjs';
import { layout, pidAlive, readPid } from './lib.mjs';

const CURRENT = path.join(os.tmpdir(), 'postvak-mailstack.current');

function parseArgs(argv) {
  const [cmd, ...rest] = argv;
  const opts = { _: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) {
      opts._.push(a);
      continue;
    }
    const [k, inline] = a.slice(2).split('=', 2);
    const key = k.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (['keep', 'json', 'help'].includes(key)) opts[key] = true;
    else opts[key] = inline ?? rest[++i];
  }
  return { cmd, opts };
}

function usage(code = 0) {
  const lines = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1);
  const text = lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
  (code ? process.stderr : process.stdout).write(`${text}\n`);
  process.exit(code);
}

function stateFromOpts(opts) {
  if (opts.state) return path.resolve(opts.state);
  try {
    const dir = fs.readFileSync(CURRENT, 'utf8').trim();
    if (dir) return dir;
  } catch { /* none */ }
  throw new Error(`no --state DIR given and no current stack recorded in ${CURRENT}`);
}

function int(v, name) {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`--${name} expects a number, got ${v}`);
  return n;
}

function describe(stack) {
  const p = stack.ports;
  const u = (a) => `${a.email.padEnd(24)} ${a.password}`;
  return [
    `Postvak test mail stack is up (${((stack.startupMs ?? 0) / 1000).toFixed(1)} s)`,
    `  state dir   ${stack.stateDir}`,
    `  stack.json  ${stack.stackFile}`,
    `  CA          ${stack.caFile}`,
    `  IMAP        ${stack.host}:${p.imap}  (STARTTLS)`,
    `  IMAPS       ${stack.host}:${p.imaps}`,
    `  SMTP        ${stack.host}:${p.smtp}  (no auth, local delivery)`,
    `  submission  ${stack.host}:${p.submission}  (STARTTLS + AUTH)`,
    `  submissions ${stack.host}:${p.submissions}  (TLS + AUTH)`,
    `  ManageSieve ${stack.host}:${p.sieve}`,
    '  logins:',
    ...Object.values(stack.users).map((a) => `    ${u(a)}`),
    ...Object.values(stack.sharedAccounts).map((a) => `    ${u(a)}  (shared mailbox)`),
  ].join('\n');
}

async function cmdStart(opts) {
  const stack = await startMailStack({
    stateDir: opts.state,
    basePort: int(opts.basePort, 'base-port'),
    trackingPort: int(opts.trackingPort, 'tracking-port'),
  });
  fs.writeFileSync(CURRENT, `${stack.stateDir}\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify({ stackFile: stack.stackFile, ports: stack.ports, stateDir: stack.stateDir })}\n`);
  else process.stdout.write(`${describe(stack)}\nPress Ctrl+C to stop.\n`);

  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    process.stderr.write(`\n${why}: stopping the mail stack…\n`);
    try {
      await stopMailStack(stack, { keep: !!opts.keep });
      process.stderr.write(opts.keep ? `stopped (state kept in ${stack.stateDir})\n` : 'stopped\n');
      process.exitCode = 0;
    } catch (e) {
      process.stderr.write(`stop failed: ${e.message}\n`);
      process.exitCode = 1;
    } finally {
      try {
        if (fs.readFileSync(CURRENT, 'utf8').trim() === stack.stateDir) fs.rmSync(CURRENT, { force: true });
      } catch { /* gone */ }
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  // exit when the stack is stopped from elsewhere (cli.mjs stop) or a daemon died
  const L = layout(stack.stateDir);
  const watch = setInterval(() => {
    const d = pidAlive(readPid(L.dovecotPid));
    const p = pidAlive(readPid(L.postfixPid));
    if (!d || !p) stop(!d && !p ? 'stack stopped elsewhere' : `${d ? 'postfix' : 'dovecot'} is no longer running`);
  }, 1000);
}

async function main() {
  const { cmd, opts } = parseArgs(process.argv.slice(2));
  if (!cmd) usage(1);
  if (opts.help || ['help', '--help', '-h'].includes(cmd)) usage(0);
  switch (cmd) {
    case 'start':
      await cmdStart(opts);
      break;
    case 'stop': {
      const dir = stateFromOpts(opts);
      const res = await stopMailStack(dir, { keep: !!opts.keep });
      try {
        if (fs.readFileSync(CURRENT, 'utf8').trim() === dir) fs.rmSync(CURRENT, { force: true });
      } catch { /* none */ }
      const ran = (res || []).filter((r) => r.running).map((r) => r.name);
      process.stdout.write(ran.length ? `stopped ${ran.join(' and ')} (${dir})\n` : `nothing was running in ${dir}\n`);
      break;
    }
    case 'reset': {
      const stack = loadMailStack(stateFromOpts(opts));
      const r = await resetMailboxes(stack, { trackingPort: int(opts.trackingPort, 'tracking-port') });
      process.stdout.write(`mailboxes reset in ${r.totalMs} ms\n`);
      break;
    }
    case 'fill': {
      const stack = loadMailStack(stateFromOpts(opts));
      const count = int(opts.count, 'count');
      if (!opts.user || !count) throw new Error('fill needs --user and --count (and optionally --folder, default INBOX)');
      const r = await fillMaildir(stack, opts.user, opts.folder || 'INBOX', count);
      process.stdout.write(`${JSON.stringify(r)}\n`);
      break;
    }
    case 'status': {
      const dir = stateFromOpts(opts);
      const L = layout(dir);
      const st = {
        stateDir: dir,
        dovecot: pidAlive(readPid(L.dovecotPid)) ? readPid(L.dovecotPid) : null,
        postfix: pidAlive(readPid(L.postfixPid)) ? readPid(L.postfixPid) : null,
      };
      try { st.ports = loadMailStack(dir).ports; } catch { /* no stack.json */ }
      process.stdout.write(`${JSON.stringify(st, null, 2)}\n`);
      process.exitCode = st.dovecot && st.postfix ? 0 : 3;
      break;
    }
    default:
      process.stderr.write(`unknown command ${cmd}\n`);
      usage(1);
  }
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
});
