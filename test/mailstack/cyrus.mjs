// Postvak's second test mail server (issue #10 §8): Cyrus IMAP 3.6 (Debian) + Postfix, in its own
// throw-away state dir on random 127.0.0.1 ports, started by this script like the Dovecot stack
// (mailstack.mjs) and shaped like it: the same MailStack fields (host, ports, caPem, users,
// shared, sharedAccounts), the same accounts, passwords, ACL matrix and seed, plus
// `kind: 'cyrus'`. Layout and what differs: cyrusConfig.mjs, cyrusSeed.mjs, README.md.
//
// Needs root (Cyrus's and Postfix's masters start as root; Cyrus then runs as user cyrus).

import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { DEFAULT_TRACKING_PORT } from '../fixtures/seedMessages.mjs';
import { ensurePackages, makeTls, mailboxOwner, pickPorts, postfixMain, smtpSend, stopDaemon, cwdOf, waitGreeting, writePostfixConfigs } from './mailstack.mjs';
import { ACCOUNTS, DOMAIN, HOST, bin, childEnv, cmdline, kill, layout, pidAlive, portIsClosed, readPid, run, runLauncher, sleep, tail, waitFor } from './lib.mjs';
import { cyrusConf, cyrusDirs, cyrusLayout, imapdConf, postfixMainForCyrus, smtpdSaslConf } from './cyrusConfig.mjs';
import { ensureCyrusPackages } from './cyrusPackages.mjs';
import { CyrusImap, quote } from './cyrusImap.mjs';
import { appendSeed, provision, unprovision } from './cyrusSeed.mjs';

export { PUBLIC_FOLDER } from './cyrusSeed.mjs';

/** The provisioning admin: exists only for this script (the app's test users are no admins). */
const ADMIN = `postvak-provisioner@${DOMAIN}`;

async function ids(user) {
  const uid = Number((await run('id', ['-u', user])).stdout.trim());
  const gid = Number((await run('id', ['-g', user])).stdout.trim());
  return { uid, gid };
}

async function setPassword(saslpasswd2, C, email, password) {
  const [user, realm] = email.split('@');
  await run(saslpasswd2, ['-p', '-c', '-f', C.sasldb, '-u', realm, user], { input: password });
}

async function writeCyrusConfigs(s, L, C, bins) {
  for (const d of [L.etc, L.log, L.run, C.saslDir]) await fsp.mkdir(d, { recursive: true, mode: 0o755 });
  const cyrus = await ids('cyrus');
  for (const d of cyrusDirs(C)) {
    // Postfix's lmtp client (user postfix) must reach the LMTP socket: those dirs are 0755.
    await fsp.mkdir(d, { recursive: true });
    await fsp.chmod(d, [C.home, C.configDir, C.socketDir].includes(d) ? 0o755 : 0o750);
    await fsp.chown(d, cyrus.uid, cyrus.gid);
  }
  // Cyrus reads its key as user cyrus: its own copy of the stack's server certificate and key.
  for (const [from, to] of [[s.certFile, 'server.crt'], [s.keyFile, 'server.key']]) {
    const file = path.join(C.tlsDir, to);
    fs.copyFileSync(from, file);
    fs.chownSync(file, cyrus.uid, cyrus.gid);
    fs.chmodSync(file, 0o600);
  }
  fs.writeFileSync(C.imapdConf, imapdConf(s, C));
  fs.writeFileSync(C.cyrusConf, cyrusConf(s, C, bins));
  fs.writeFileSync(path.join(C.saslDir, 'smtpd.conf'), smtpdSaslConf(C));
  for (const a of ACCOUNTS) await setPassword(bins.saslpasswd2, C, a.email, a.password);
  await setPassword(bins.saslpasswd2, C, s.cyrus.admin, s.cyrus.adminPassword);
  // Cyrus (owner) and Postfix's smtpd (group) read the password file; nobody else.
  const postfix = await ids('postfix');
  fs.chownSync(C.sasldb, cyrus.uid, postfix.gid);
  fs.chmodSync(C.sasldb, 0o640);
  await writePostfixConfigs(s, L, postfixMainForCyrus(postfixMain(s, L), C));
}

function logTails(L, C, lines = 25) {
  const parts = [];
  for (const [label, file] of [['cyrus.out', C.masterOut], ['postfix.out', L.postfixOut], ['postfix.log', L.postfixLog]]) {
    const t = tail(file, lines);
    if (t) parts.push(`--- ${label} (last ${lines} lines) ---\n${t}`);
  }
  return parts.join('\n');
}

/** Read a stack.json written by startCyrusStack. */
export function loadCyrusStack(stateDirOrFile) {
  const file = stateDirOrFile.endsWith('.json') ? stateDirOrFile : path.join(stateDirOrFile, 'stack.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Start Cyrus + Postfix in a fresh state dir, provision and seed the mailboxes, and resolve when
 * IMAP, IMAPS, ManageSieve, SMTP and submission(s) answer. On failure everything started is
 * stopped again and the error carries the log tails (Cyrus itself logs to syslog only).
 * @param {{ trackingPort?: number, seed?: boolean, watchdog?: boolean }} [options]
 */
export async function startCyrusStack(options = {}) {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) throw new Error('startCyrusStack needs root');
  await ensurePackages(); // Postfix and openssl, as for the Dovecot stack
  const bins = await ensureCyrusPackages();
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, bins);
    } catch (e) {
      if (attempt >= 3 || !/Address already in use|EADDRINUSE/i.test(String(e?.message))) throw e;
    }
  }
}

async function startOnce(options, bins) {
  const t0 = Date.now();
  const stateDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'postvak-cyrus-'));
  await fsp.chmod(stateDir, 0o755);
  const L = layout(stateDir);
  const C = cyrusLayout(stateDir);
  let stack;
  try {
    const ports = await pickPorts();
    const tlsFiles = await makeTls(L.tls);
    const persons = ACCOUNTS.filter((a) => a.kind === 'person');
    const shared = ACCOUNTS.filter((a) => a.kind === 'shared');
    stack = {
      version: 1,
      kind: 'cyrus',
      stateDir,
      stackFile: L.stackJson,
      host: HOST,
      ports,
      ...tlsFiles,
      caPem: fs.readFileSync(tlsFiles.caFile, 'utf8'),
      domain: DOMAIN,
      users: Object.fromEntries(persons.map((a) => [a.key, { email: a.email, password: a.password, name: a.name }])),
      shared: Object.fromEntries(shared.map((a) => [a.key, a.email])),
      sharedAccounts: Object.fromEntries(shared.map((a) => [a.key, { email: a.email, password: a.password, name: a.name }])),
      trackingPort: options.trackingPort ?? DEFAULT_TRACKING_PORT,
      cyrus: { admin: ADMIN, adminPassword: crypto.randomBytes(18).toString('base64url'), imapdConf: C.imapdConf, pidFile: C.masterPid, lmtpSocket: C.lmtpSocket },
      postfix: { configDir: L.postfixEtc, queueDir: L.postfixQueue, pidFile: L.postfixPid, log: L.postfixLog },
      pids: {},
      startedAt: new Date().toISOString(),
    };
    await writeCyrusConfigs(stack, L, C, bins);
    fs.writeFileSync(L.stackJson, `${JSON.stringify(stack, null, 2)}\n`);
    if (options.watchdog !== false) stack.pids.watchdog = startWatchdog(stateDir);

    const code = await runLauncher(bins.master, ['-C', C.imapdConf, '-M', C.cyrusConf, '-p', C.masterPid, '-d'], C.masterOut);
    if (code !== 0) throw new Error(`cyrus master exited with ${code}`);
    if (!(await waitFor(() => pidAlive(readPid(C.masterPid)), { timeoutMs: 5000 }))) throw new Error('cyrus master did not come up (no live pid file)');
    stack.pids.cyrus = readPid(C.masterPid);
    const pcode = await runLauncher(bin('postfix'), ['-c', L.postfixEtc, 'start'], L.postfixOut);
    if (pcode !== 0) throw new Error(`postfix start exited with ${pcode}`);
    stack.pids.postfix = readPid(L.postfixPid);

    const deadline = Date.now() + 15_000;
    const cAlive = () => pidAlive(stack.pids.cyrus);
    const pAlive = () => pidAlive(stack.pids.postfix);
    const ca = stack.caPem;
    await Promise.all([
      waitGreeting('IMAP', ports.imap, /^\* OK/, {}, deadline, cAlive),
      waitGreeting('IMAPS', ports.imaps, /^\* OK/, { secure: true, ca }, deadline, cAlive),
      waitGreeting('ManageSieve', ports.sieve, /^"IMPLEMENTATION"|^OK/, {}, deadline, cAlive),
      waitGreeting('SMTP', ports.smtp, /^220 /, {}, deadline, pAlive),
      waitGreeting('submission', ports.submission, /^220 /, {}, deadline, pAlive),
      waitGreeting('submissions', ports.submissions, /^220 /, { secure: true, ca }, deadline, pAlive),
    ]);
    await provision(stack);
    if (options.seed !== false) stack.seeded = await appendSeed(stack);
    stack.startupMs = Date.now() - t0;
    fs.writeFileSync(L.stackJson, `${JSON.stringify(stack, null, 2)}\n`);
    return stack;
  } catch (err) {
    const tails = logTails(L, C);
    await stopCyrusStack(stack ?? { stateDir }).catch(() => undefined);
    const e = new Error(`Cyrus stack failed to start: ${err.message}${tails ? `\n${tails}` : ''}`);
    e.cause = err;
    throw e;
  }
}

const WATCHDOG = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));

/** The Dovecot stack's orphan guard, told to stop a Cyrus stack (watchdog.mjs). */
function startWatchdog(stateDir) {
  const child = spawn(process.execPath, [WATCHDOG, String(process.pid), stateDir, '1', 'cyrus'], { detached: true, stdio: 'ignore', env: childEnv() });
  child.unref();
  fs.writeFileSync(path.join(layout(stateDir).run, 'watchdog.pid'), `${child.pid}\n`);
  return child.pid;
}

/** Stops Postfix and Cyrus (and their children), waits for the ports to close, removes the state dir. Safe twice. */
export async function stopCyrusStack(stackOrDir, { fromWatchdog = false } = {}) {
  if (!stackOrDir) return;
  let stack = stackOrDir;
  if (typeof stackOrDir === 'string') {
    try { stack = loadCyrusStack(stackOrDir); } catch { stack = { stateDir: stackOrDir }; }
  }
  const { stateDir } = stack;
  if (!stateDir || !fs.existsSync(stateDir)) return;
  const L = layout(stateDir);
  const C = cyrusLayout(stateDir);
  if (!fromWatchdog) {
    const pid = readPid(path.join(L.run, 'watchdog.pid'));
    if (pid && pid !== process.pid && pidAlive(pid) && cmdline(pid).includes('watchdog.mjs')) kill(pid, 'SIGTERM');
  }
  await Promise.all([
    stopDaemon('postfix', L.postfixPid, (pid) => /\bmaster\b/.test(cmdline(pid)) && cwdOf(pid).startsWith(L.postfixQueue)),
    stopDaemon('cyrus', C.masterPid, (pid) => cmdline(pid).includes(C.imapdConf)),
  ]);
  if (stack.ports) {
    const ports = Object.values(stack.ports);
    const closed = await waitFor(async () => (await Promise.all(ports.map((p) => portIsClosed(p)))).every(Boolean), { timeoutMs: 5000 });
    if (!closed) throw new Error(`Cyrus stack stopped but ports ${ports.join(', ')} still accept connections`);
  }
  await fsp.rm(stateDir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Back to the seed: every mailbox deleted and provisioned again (new UIDVALIDITY), the seed
 * appended, the Postfix queue emptied first. Sessions still open on deleted mailboxes get
 * errors, so tests close their clients before.
 */
export async function resetCyrusMailboxes(stack, opts = {}) {
  const t0 = Date.now();
  await run(bin('postsuper'), ['-c', layout(stack.stateDir).postfixEtc, '-d', 'ALL'], { allowFail: true });
  await unprovision(stack);
  await provision(stack);
  const written = await appendSeed(stack, opts);
  return { written, totalMs: Date.now() - t0 };
}

/** Polls the owner's INBOX (as the owner, over IMAP) until the Message-ID is there. */
export async function waitForCyrusMessage(stack, user, messageId, { timeoutMs = 10_000 } = {}) {
  const email = user.includes('@') ? user.toLowerCase() : `${user.toLowerCase()}@${DOMAIN}`;
  const acct = ACCOUNTS.find((a) => a.email === email);
  if (!acct) throw new Error(`unknown user ${user}`);
  const imap = await CyrusImap.connect({ host: stack.host, port: stack.ports.imaps, ca: stack.caPem });
  const deadline = Date.now() + timeoutMs;
  try {
    await imap.login(email, acct.password);
    for (;;) {
      await imap.command('EXAMINE INBOX');
      const found = (await imap.command(`UID SEARCH HEADER Message-ID ${quote(messageId)}`)).untagged
        .flatMap((l) => (l.startsWith('SEARCH') ? l.split(' ').slice(1).map(Number) : []));
      if (found.length) return { user: email, mailbox: 'INBOX', uid: found[0] };
      if (Date.now() >= deadline) {
        throw new Error(`${messageId} did not reach ${email} within ${timeoutMs} ms\n--- postfix.log ---\n${tail(layout(stack.stateDir).postfixLog, 15)}`);
      }
      await sleep(100);
    }
  } finally {
    await imap.logout();
  }
}

/** Like mailstack.mjs deliver(): through Postfix's loopback SMTP port, into Cyrus by LMTP. */
export async function deliverCyrus(stack, { from, to, raw, timeoutMs = 10_000, wait = true }) {
  const rcpts = [].concat(to);
  let text = (Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw)).replace(/\r?\n/g, '\r\n');
  const head = text.slice(0, Math.max(0, text.indexOf('\r\n\r\n')));
  let messageId = head.match(/^message-id:\s*(<[^>\r\n]+>)/im)?.[1];
  if (!messageId) {
    messageId = `<deliver.${Date.now().toString(36)}.${crypto.randomBytes(6).toString('hex')}@${DOMAIN}>`;
    text = `Message-ID: ${messageId}\r\n${text}`;
  }
  if (!text.endsWith('\r\n')) text += '\r\n';
  await smtpSend({ host: HOST, port: stack.ports.smtp, from, rcpts, data: `${text.replace(/^\./gm, '..')}.`, timeoutMs });
  if (!wait) return { messageId, deliveries: [] };
  const owners = [...new Set(rcpts.map((r) => mailboxOwner(r)).filter(Boolean))];
  const deliveries = [];
  for (const user of owners) deliveries.push(await waitForCyrusMessage(stack, user, messageId, { timeoutMs }));
  return { messageId, deliveries };
}


