// Low-level helpers shared by the Postvak test mail stack modules.
// Node built-ins only. Nothing in here starts or stops daemons.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const DOMAIN = 'example.test';
export const HOST = '127.0.0.1';

/** Uid/gid the virtual mail users run as (no /etc/passwd entry needed). */
export const MAIL_UID = 5000;
export const MAIL_GID = 5000;

export const GIB = 1024 * 1024 * 1024;
export const MIB = 1024 * 1024;

/**
 * Every login of the stack. `kind: 'person'` entries end up in stack.users,
 * `kind: 'shared'` ones in stack.sharedAccounts (+ stack.shared as plain addresses).
 */
export const ACCOUNTS = [
  { key: 'alice', kind: 'person', name: 'Alice de Boer', password: 'alice-secret', quotaBytes: GIB },
  { key: 'bob', kind: 'person', name: 'Bob van den Berg', password: 'bob-secret', quotaBytes: GIB },
  { key: 'carol', kind: 'person', name: 'Carol Peeters', password: 'carol-secret', quotaBytes: GIB },
  { key: 'catchall', kind: 'person', name: 'Catch-all', password: 'catchall-secret', quotaBytes: GIB },
  { key: 'info', kind: 'shared', name: 'Van Dam Verbouw — Info', password: 'info-secret', quotaBytes: 50 * MIB },
  { key: 'sales', kind: 'shared', name: 'Van Dam Verbouw — Sales', password: 'sales-secret', quotaBytes: GIB },
].map((a) => ({ ...a, email: `${a.key}@${DOMAIN}` }));

/** Folders every account gets (Maildir++ on disk, special-use in the inbox namespace). */
export const FOLDERS = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Junk', 'Archive'];

export const FULL_RIGHTS = ['lookup', 'read', 'write', 'write-seen', 'write-deleted', 'insert', 'post', 'expunge', 'create', 'delete', 'admin'];
export const READ_RIGHTS = ['lookup', 'read'];

/**
 * ACL matrix: owner mailbox -> grantee -> rights. Applied to every folder in FOLDERS of the
 * owner (a dovecot-acl file per folder). Folders created later under one of these inherit the
 * parent's ACL (Dovecot copies the parent's ACL on CREATE); new top-level folders do not.
 */
export const ACL_MATRIX = {
  [`info@${DOMAIN}`]: {
    [`alice@${DOMAIN}`]: FULL_RIGHTS,
    [`bob@${DOMAIN}`]: FULL_RIGHTS,
    [`carol@${DOMAIN}`]: READ_RIGHTS,
  },
  [`sales@${DOMAIN}`]: {
    [`bob@${DOMAIN}`]: FULL_RIGHTS,
  },
};

/** Postfix smtpd_sender_login_maps: MAIL FROM -> logins allowed to use it. */
export const SENDER_LOGINS = {
  [`alice@${DOMAIN}`]: [`alice@${DOMAIN}`],
  [`bob@${DOMAIN}`]: [`bob@${DOMAIN}`],
  [`carol@${DOMAIN}`]: [`carol@${DOMAIN}`],
  [`catchall@${DOMAIN}`]: [`catchall@${DOMAIN}`],
  [`info@${DOMAIN}`]: [`alice@${DOMAIN}`, `bob@${DOMAIN}`, `info@${DOMAIN}`],
  [`sales@${DOMAIN}`]: [`bob@${DOMAIN}`, `sales@${DOMAIN}`],
};

const RIGHT_LETTERS = {
  lookup: 'l', read: 'r', write: 'w', 'write-seen': 's', 'write-deleted': 't', insert: 'i',
  post: 'p', expunge: 'e', create: 'k', delete: 'x', admin: 'a',
};

/** ['lookup','read'] -> 'lr' (the letters a dovecot-acl file stores). */
export function rightsToLetters(rights) {
  return rights.map((r) => {
    const l = RIGHT_LETTERS[r];
    if (!l) throw new Error(`unknown ACL right ${r}`);
    return l;
  }).join('');
}

// ---------------------------------------------------------------------------------------------
// Paths inside a state dir. Everything is derived from stateDir so a stack.json written by one
// process can be driven from another.

export function layout(stateDir) {
  const p = (...x) => path.join(stateDir, ...x);
  return {
    stateDir,
    stackJson: p('stack.json'),
    etc: p('etc'),
    tls: p('tls'),
    log: p('log'),
    run: p('run'),
    mail: p('mail'),
    shared: p('shared'),
    dovecotConf: p('etc', 'dovecot.conf'),
    dovecotUsers: p('etc', 'users'),
    dovecotBaseDir: p('run', 'dovecot'),
    dovecotStateDir: p('dovecot-lib'),
    dovecotPid: p('run', 'dovecot', 'master.pid'),
    dovecotLog: p('log', 'dovecot.log'),
    dovecotOut: p('log', 'dovecot.out'),
    lmtpSocket: p('run', 'dovecot', 'lmtp'),
    authSocket: p('run', 'dovecot', 'auth-postfix'),
    postfixEtc: p('postfix', 'etc'),
    postfixQueue: p('postfix', 'spool'),
    postfixData: p('postfix', 'data'),
    postfixPid: p('postfix', 'spool', 'pid', 'master.pid'),
    postfixLog: p('log', 'postfix.log'),
    postfixOut: p('log', 'postfix.out'),
    uidvalidityFile: p('uidvalidity'),
    homeOf: (email) => {
      const [local, domain] = email.toLowerCase().split('@');
      return p('mail', domain, local);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Binaries

const EXTRA_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Full path of an executable (PATH plus the sbin dirs a non-login root shell may lack), or null. */
export function which(name) {
  const dirs = [...(process.env.PATH || '').split(':').filter(Boolean), ...EXTRA_PATH];
  for (const d of dirs) {
    const f = path.join(d, name);
    try {
      fs.accessSync(f, fs.constants.X_OK);
      if (fs.statSync(f).isFile()) return f;
    } catch { /* next */ }
  }
  return null;
}

export function bin(name) {
  const f = which(name);
  if (!f) throw new Error(`${name} not found on PATH; run ensurePackages() first`);
  return f;
}

/** Environment for child processes: PATH always includes the sbin dirs. */
export function childEnv(extra = {}) {
  const p = new Set([...(process.env.PATH || '').split(':').filter(Boolean), ...EXTRA_PATH]);
  return { ...process.env, PATH: [...p].join(':'), LC_ALL: 'C', ...extra };
}

/**
 * Run a short command, collect output. Rejects on non-zero exit (unless allowFail) with an Error
 * carrying code/stdout/stderr. stdin is /dev/null unless `input` is given.
 */
export function run(cmd, args = [], { input, env, cwd, timeoutMs = 60_000, allowFail = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: env || childEnv(),
      cwd,
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${cmd}: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const res = { code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if ((code !== 0 || timedOut) && !allowFail) {
        const why = timedOut ? `timed out after ${timeoutMs} ms` : `exit ${code}${signal ? ` (${signal})` : ''}`;
        const e = new Error(`${path.basename(cmd)} ${args.join(' ')} failed: ${why}\n${res.stderr || res.stdout}`.trim());
        Object.assign(e, res);
        reject(e);
        return;
      }
      resolve(res);
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

/**
 * Start a daemon launcher (`dovecot -c …`, `postfix -c … start`) with stdin from /dev/null and
 * stdout/stderr appended to a log file, in its own process group, and wait for the launcher
 * itself to exit (both daemonise). Resolves with the launcher's exit code.
 */
export function runLauncher(cmd, args, logFile, { env, timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const fd = fs.openSync(logFile, 'a');
    let child;
    try {
      child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: env || childEnv(), detached: true });
    } finally {
      fs.closeSync(fd);
    }
    const timer = setTimeout(() => {
      try { child.kill('SIGKILL'); } catch { /* gone */ }
      reject(new Error(`${path.basename(cmd)} ${args.join(' ')} did not return within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${cmd}: ${e.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Last `lines` lines of a text file ('' if missing). */
export function tail(file, lines = 30) {
  try {
    const buf = fs.readFileSync(file, 'utf8');
    return buf.split('\n').filter((l, i, a) => !(i === a.length - 1 && l === '')).slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Ports

/** True when nothing listens on host:port and we could bind it. */
export function portIsFree(port, host = HOST) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** Resolves true once a TCP connect to host:port is refused (nothing listening). */
export function portIsClosed(port, host = HOST) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1000);
    s.once('connect', () => { s.destroy(); resolve(false); });
    s.once('timeout', () => { s.destroy(); resolve(false); });
    s.once('error', () => resolve(true));
  });
}

// ---------------------------------------------------------------------------------------------
// Processes (Linux /proc)

export function pidAlive(pid) {
  if (!pid || !Number.isInteger(pid) || pid <= 1) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // state field follows the ")"; Z = zombie (already dead, waiting to be reaped)
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export function readPid(file) {
  try {
    const n = parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(n) && n > 1 ? n : null;
  } catch {
    return null;
  }
}

export function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** All descendants of pid (children, grandchildren, …) from /proc. */
export function descendants(pid) {
  const children = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = parseInt(rest[1], 10);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(parseInt(d, 10));
    } catch { /* raced */ }
  }
  const out = [];
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop();
    for (const c of children.get(p) || []) {
      out.push(c);
      todo.push(c);
    }
  }
  return out;
}

export function kill(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(pred, { timeoutMs = 5000, intervalMs = 50 } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await pred()) return true;
    if (Date.now() >= end) return false;
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------------
// doveadm

/** Accepts a MailStack object or a state dir path. */
export function stackConf(stackOrDir) {
  const stateDir = typeof stackOrDir === 'string' ? stackOrDir : stackOrDir?.stateDir;
  if (!stateDir) throw new Error('expected a MailStack (or its stateDir)');
  return layout(stateDir).dovecotConf;
}

/**
 * Run `doveadm -c <stack config> ...args` and resolve with its stdout. Global doveadm options
 * (e.g. '-f', 'tab') go first: doveadm(stack, '-f', 'tab', 'mailbox', 'status', …).
 */
export async function doveadm(stack, ...args) {
  const res = await run(bin('doveadm'), ['-c', stackConf(stack), ...args], { timeoutMs: 120_000 });
  return res.stdout;
}
