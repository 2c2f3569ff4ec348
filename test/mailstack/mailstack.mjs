// Postvak test mail stack: Dovecot 2.3 (IMAP, IMAPS, LMTP, ManageSieve, ACL/shared mailboxes,
// quota, METADATA) + Postfix 3.7 (loopback SMTP, submission/submissions with SASL via Dovecot)
// + a throw-away test CA, all in one state dir and bound to 127.0.0.1 only.
//
// Plain Node ESM, built-ins only. Needs root (Postfix's master must start as root; mail is
// stored as uid/gid 5000). See README.md next to this file.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import {
  ACCOUNTS, DOMAIN, HOST, MAIL_GID, MAIL_UID, SENDER_LOGINS,
  bin, childEnv, cmdline, descendants, doveadm, kill, layout, pidAlive, portIsClosed, portIsFree,
  readPid, run, runLauncher, sleep, tail, waitFor, which,
} from './lib.mjs';
import { seedMailboxes, fillMaildir as fillMaildirImpl, settleBackgroundWork } from './seed.mjs';
import { aptEnv, aptInstall } from '../../scripts/apt.mjs';
import { DEFAULT_TRACKING_PORT } from '../fixtures/seedMessages.mjs';

export { doveadm } from './lib.mjs';
export { ACCOUNTS, ACL_MATRIX, SENDER_LOGINS, FOLDERS } from './lib.mjs';

export const APT_PACKAGES = ['dovecot-imapd', 'dovecot-lmtpd', 'dovecot-sieve', 'dovecot-managesieved', 'postfix', 'isync', 'openssl'];
export const APT_COMMAND = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${APT_PACKAGES.join(' ')}`;

const PORT_NAMES = ['imap', 'imaps', 'smtp', 'submission', 'submissions', 'sieve'];

// ---------------------------------------------------------------------------------------------
// Packages

/** What is missing for the stack to run (binaries and Dovecot helper programs / plugins). */
export function missingPackages() {
  const missing = [];
  for (const b of ['dovecot', 'doveadm', 'doveconf', 'postfix', 'postconf', 'postsuper', 'mbsync', 'openssl']) {
    if (!which(b)) missing.push(b);
  }
  const files = [
    '/usr/lib/dovecot/imap', '/usr/lib/dovecot/lmtp', '/usr/lib/dovecot/managesieve',
    '/usr/lib/dovecot/modules/lib90_sieve_plugin.so', '/usr/lib/postfix/sbin/master',
  ];
  for (const f of files) if (!fs.existsSync(f)) missing.push(f);
  // lets CI / a developer exercise the install path on a machine that already has everything
  if (process.env.POSTVAK_MAILSTACK_FORCE_INSTALL === '1' && !missing.length) missing.push('(POSTVAK_MAILSTACK_FORCE_INSTALL=1)');
  return missing;
}

/**
 * Install the Debian packages the stack needs when something is missing. As root: preset
 * debconf (Postfix "No configuration"), block service start-up with /usr/sbin/policy-rc.d
 * (exit 101) during the install so no system Dovecot/Postfix binds :25/:143/:993, then restore
 * it. Not root: throws an Error whose message is the apt command to run.
 * @returns {Promise<{ installed: boolean, missing: string[] }>}
 */
let installing = null;

export async function ensurePackages() {
  // parallel startMailStack() calls in one process share one install
  if (!installing) installing = ensurePackagesOnce().finally(() => { installing = null; });
  return installing;
}

async function ensurePackagesOnce() {
  const missing = missingPackages();
  if (missing.length === 0) return { installed: false, missing };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(APT_COMMAND);
  }
  // The project's one installer: waits for an apt that a fresh machine runs at boot (issue #10 §14).
  await aptInstall(APT_PACKAGES, { quiet: true, recommends: false, env: aptEnv(childEnv()) });
  const still = missingPackages().filter((m) => !m.startsWith('(POSTVAK_MAILSTACK_FORCE_INSTALL'));
  if (still.length) throw new Error(`still missing after apt-get install: ${still.join(', ')}`);
  return { installed: true, missing };
}

// ---------------------------------------------------------------------------------------------
// Ports

export async function pickPorts(basePort) {
  const tryBase = async (base) => {
    const ports = Object.fromEntries(PORT_NAMES.map((n, i) => [n, base + i]));
    for (const p of Object.values(ports)) if (!(await portIsFree(p))) return null;
    return ports;
  };
  if (basePort !== undefined && basePort !== null) {
    const base = Number(basePort);
    if (!Number.isInteger(base) || base < 1024 || base + PORT_NAMES.length > 65535) throw new Error(`invalid basePort ${basePort}`);
    const ports = await tryBase(base);
    if (!ports) throw new Error(`ports ${base}-${base + PORT_NAMES.length - 1} on ${HOST} are not all free`);
    return ports;
  }
  for (let i = 0; i < 50; i++) {
    const base = 20000 + 10 * crypto.randomInt(0, 2000); // 20000..39990, step 10
    const ports = await tryBase(base);
    if (ports) return ports;
  }
  throw new Error('could not find 6 free consecutive ports in 20000-40000');
}

// ---------------------------------------------------------------------------------------------
// TLS (openssl CLI)

const utcStamp = (d) => d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z'; // YYMMDDHHMMSSZ

export async function makeTls(dir) {
  const o = bin('openssl');
  const f = (n) => path.join(dir, n);
  await fsp.mkdir(dir, { recursive: true, mode: 0o755 });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const ext = [
    '[server]',
    'basicConstraints = critical,CA:FALSE',
    'keyUsage = critical,digitalSignature',
    'extendedKeyUsage = serverAuth',
    'subjectAltName = DNS:localhost,IP:127.0.0.1,DNS:mail.example.test',
    'subjectKeyIdentifier = hash',
    'authorityKeyIdentifier = keyid,issuer',
    '',
    '[ca_ext]',
    'basicConstraints = critical,CA:TRUE',
    'keyUsage = critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier = hash',
    '',
  ].join('\n');
  // All certificates are signed with `openssl ca`, which (unlike openssl 3.0's x509 / req)
  // takes explicit start and end dates.
  const db = f('ca-db');
  await fsp.mkdir(path.join(db, 'new'), { recursive: true });
  fs.writeFileSync(path.join(db, 'index.txt'), '');
  fs.writeFileSync(path.join(db, 'serial'), `${crypto.randomBytes(8).toString('hex').toUpperCase()}\n`);
  fs.writeFileSync(f('ca.cnf'), [
    '[ca]', 'default_ca = testca', '',
    '[testca]', `dir = ${db}`, 'database = $dir/index.txt', 'new_certs_dir = $dir/new', 'serial = $dir/serial',
    `certificate = ${f('ca.crt')}`, `private_key = ${f('ca.key')}`, 'default_md = sha256', 'policy = policy_any',
    'unique_subject = no', 'email_in_dn = no', 'copy_extensions = none', '',
    '[policy_any]', 'organizationName = optional', 'commonName = supplied', '',
    ext,
  ].join('\n'));
  const day = 86400_000;
  const now = Date.now();
  const sign = async (name, start, end) => {
    await run(o, ['req', '-new', ...ec, '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', '/O=Postvak Test/CN=localhost']);
    await run(o, ['ca', '-batch', '-config', f('ca.cnf'), '-extensions', 'server', '-notext',
      '-startdate', utcStamp(new Date(start)), '-enddate', utcStamp(new Date(end)),
      '-in', f(`${name}.csr`), '-out', f(`${name}.crt`)]);
  };
  // CA (self-signed) and server: valid from yesterday (clock skew); expired: ended a month ago
  await run(o, ['req', '-new', ...ec, '-keyout', f('ca.key'), '-out', f('ca.csr'), '-subj', '/O=Postvak Test/CN=Postvak Test CA']);
  await run(o, ['ca', '-batch', '-config', f('ca.cnf'), '-selfsign', '-keyfile', f('ca.key'), '-extensions', 'ca_ext', '-notext',
    '-startdate', utcStamp(new Date(now - day)), '-enddate', utcStamp(new Date(now + 3650 * day)),
    '-in', f('ca.csr'), '-out', f('ca.crt')]);
  await sign('server', now - day, now + 365 * day);
  await sign('expired', now - 400 * day, now - 30 * day);
  for (const k of ['ca.key', 'server.key', 'expired.key']) fs.chmodSync(f(k), 0o600);
  return {
    caFile: f('ca.crt'), caKeyFile: f('ca.key'), certFile: f('server.crt'), keyFile: f('server.key'),
    expiredCertFile: f('expired.crt'), expiredKeyFile: f('expired.key'),
  };
}

// ---------------------------------------------------------------------------------------------
// Configuration files

function dovecotConf(s, L) {
  return `# Generated by test/mailstack/mailstack.mjs for ${s.stateDir}. Self-contained: does not
# include /etc/dovecot. Every doveadm call needs -c ${L.dovecotConf}
base_dir = ${L.dovecotBaseDir}
state_dir = ${L.dovecotStateDir}
instance_name = postvak-${path.basename(s.stateDir)}
protocols = imap lmtp sieve
# A session's current command (IDLE …) in its process title: tests wait on it (idleSessions()).
verbose_proctitle = yes
listen = ${HOST}
log_path = ${L.dovecotLog}
info_log_path = ${L.dovecotLog}
hostname = mail.${DOMAIN}
postmaster_address = postmaster@${DOMAIN}

ssl = yes
ssl_cert = <${s.certFile}
ssl_key = <${s.keyFile}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_username_format = %Lu
# test stack: answer failed logins at once (default 2 s)
auth_failure_delay = 0

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu ${L.dovecotUsers}
}
userdb {
  driver = passwd-file
  args = username_format=%Lu ${L.dovecotUsers}
}
first_valid_uid = ${s.mailUid}
mail_location = maildir:~/Maildir
mail_plugins = $mail_plugins acl quota
mail_shared_explicit_inbox = yes
mail_attribute_dict = file:%h/Maildir/dovecot-attributes
lda_mailbox_autocreate = yes
lda_mailbox_autosubscribe = yes
recipient_delimiter = +
lmtp_rcpt_check_quota = yes
# sieve redirect/vacation/reject go out through the unauthenticated loopback SMTP port
submission_host = ${HOST}:${s.ports.smtp}

namespace inbox {
  type = private
  separator = /
  prefix =
  inbox = yes
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = subscribe
  }
  mailbox Archive {
    special_use = \\Archive
    auto = subscribe
  }
}
namespace shared {
  type = shared
  separator = /
  prefix = shared/%%u/
  location = maildir:%%h/Maildir:INDEXPVT=~/Maildir/shared/%%u
  subscriptions = no
  list = children
}

plugin {
  acl = vfile
  acl_shared_dict = file:${L.shared}/shared-mailboxes.db
  quota = maildir:User quota
  quota_exceeded_message = Quota exceeded (Postvak test stack)
  sieve = file:~/sieve;active=~/.dovecot.sieve
}

protocol imap {
  mail_plugins = $mail_plugins imap_acl imap_quota
  imap_metadata = yes
}
protocol lmtp {
  mail_plugins = $mail_plugins sieve
}
# A million-message folder (bench --scale, issue #11 §6) maps a cache file near 1 GB: under the
# default 256 MB address-space limit the imap process died in the middle of a FETCH 1:*.
service imap {
  vsz_limit = 4G
}

service imap-login {
  inet_listener imap {
    address = ${HOST}
    port = ${s.ports.imap}
  }
  inet_listener imaps {
    address = ${HOST}
    port = ${s.ports.imaps}
    ssl = yes
  }
}
service managesieve-login {
  inet_listener sieve {
    address = ${HOST}
    port = ${s.ports.sieve}
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
service auth {
  unix_listener auth-postfix {
    mode = 0666
  }
}
# test stack: no per-IP brute-force penalty (it grows to 15 s after a few wrong passwords
# from 127.0.0.1 and then slows down every later login of every test)
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`;
}

function usersFile(s) {
  return ACCOUNTS.map((a) => {
    // Nobody is a Dovecot admin and mail_max_userip_connections keeps its default (10):
    // the tests meet a real server's limits (issue #10 §9).
    return `${a.email}:{PLAIN}${a.password}:${s.mailUid}:${s.mailGid}::${layout(s.stateDir).homeOf(a.email)}::`;
  }).join('\n') + '\n';
}

export function postfixMain(s, L) {
  return `# Generated by test/mailstack/mailstack.mjs for ${s.stateDir}.
compatibility_level = 3.6
queue_directory = ${L.postfixQueue}
data_directory = ${L.postfixData}
maillog_file = ${L.postfixLog}
maillog_file_prefixes = ${L.log}
myhostname = mail.${DOMAIN}
mydomain = ${DOMAIN}
myorigin = $mydomain
mydestination =
inet_interfaces = ${HOST}
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relay_domains =
alias_maps =
alias_database =
local_recipient_maps =
local_transport = error:5.1.1 local delivery is disabled in the Postvak test stack
biff = no
append_dot_mydomain = no
readme_directory = no
smtputf8_enable = yes

# No DNS on this machine
disable_dns_lookups = yes
smtp_dns_support_level = disabled
smtpd_peername_lookup = no

# Local delivery: Dovecot LMTP (+ Sieve)
virtual_mailbox_domains = ${DOMAIN}
virtual_mailbox_maps = texthash:${L.postfixEtc}/virtual_mailboxes
virtual_transport = lmtp:unix:${L.lmtpSocket}
# MUST stay empty: otherwise example.test becomes an alias domain and every local
# recipient gets "550 User unknown in virtual alias table".
virtual_alias_domains =
# Every non-example.test recipient goes to catchall@example.test
virtual_alias_maps = regexp:${L.postfixEtc}/virtual_alias.regexp
# Safety net: nothing ever leaves the machine
default_transport = error:5.7.1 outside mail is disabled in the Postvak test stack
relay_transport = error:5.7.1 outside mail is disabled in the Postvak test stack
recipient_delimiter = +

message_size_limit = 10485760
mailbox_size_limit = 0
virtual_mailbox_limit = 0

smtpd_banner = $myhostname ESMTP Postvak test stack
smtpd_tls_cert_file = ${s.certFile}
smtpd_tls_key_file = ${s.keyFile}
smtpd_tls_security_level = may
smtpd_tls_loglevel = 0
smtpd_sasl_type = dovecot
smtpd_sasl_path = ${L.authSocket}
smtpd_sasl_auth_enable = no
smtpd_sender_login_maps = texthash:${L.postfixEtc}/sender_login_maps
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 100
smtpd_hard_error_limit = 200

# Fast retries, no delay warnings: this is a test stack
in_flow_delay = 0
queue_run_delay = 5s
minimal_backoff_time = 5s
maximal_backoff_time = 30s
maximal_queue_lifetime = 1h
bounce_queue_lifetime = 1h
delay_warning_time = 0
`;
}

function postfixMaster(s) {
  const sub = [
    '-o smtpd_tls_security_level=encrypt',
    '-o smtpd_sasl_auth_enable=yes',
    '-o smtpd_tls_auth_only=yes',
    '-o smtpd_client_restrictions=',
    '-o smtpd_helo_restrictions=',
    '-o smtpd_sender_restrictions=',
    '-o smtpd_relay_restrictions=permit_sasl_authenticated,reject',
    '-o smtpd_recipient_restrictions=reject_sender_login_mismatch,permit_sasl_authenticated,reject',
    '-o local_header_rewrite_clients=permit_sasl_authenticated',
  ].map((l) => `  ${l}`).join('\n');
  return `# Generated by test/mailstack/mailstack.mjs. chroot = n everywhere.
# service type  private unpriv  chroot  wakeup  maxproc command + args
${HOST}:${s.ports.smtp} inet n - n - - smtpd
${HOST}:${s.ports.submission} inet n - n - - smtpd
  -o syslog_name=postfix/submission
${sub}
${HOST}:${s.ports.submissions} inet n - n - - smtpd
  -o syslog_name=postfix/submissions
  -o smtpd_tls_wrappermode=yes
${sub}
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`;
}

async function writeConfigs(s, L) {
  for (const d of [L.etc, L.log, L.run, L.dovecotStateDir]) {
    await fsp.mkdir(d, { recursive: true, mode: 0o755 });
  }
  fs.writeFileSync(L.dovecotConf, dovecotConf(s, L));
  fs.writeFileSync(L.dovecotUsers, usersFile(s), { mode: 0o640 });
  // Dovecot's auth process (user dovecot) reads the users file
  const dovecotGid = (await run('id', ['-g', 'dovecot'], { allowFail: true })).stdout.trim();
  if (dovecotGid) fs.chownSync(L.dovecotUsers, 0, Number(dovecotGid));
  else fs.chmodSync(L.dovecotUsers, 0o644);
  await writePostfixConfigs(s, L, postfixMain(s, L));
}

/** Postfix's config dir and tables; `main` is its main.cf (the Cyrus stack passes its own, cyrus.mjs). */
export async function writePostfixConfigs(s, L, main) {
  for (const d of [L.log, L.postfixEtc, L.postfixQueue]) await fsp.mkdir(d, { recursive: true, mode: 0o755 });
  await fsp.mkdir(L.postfixData, { recursive: true, mode: 0o700 });
  const pfOwner = (await run('id', ['-u', 'postfix'], { allowFail: true })).stdout.trim();
  const pfGroup = (await run('id', ['-g', 'postfix'], { allowFail: true })).stdout.trim();
  if (pfOwner) await fsp.chown(L.postfixData, Number(pfOwner), Number(pfGroup || pfOwner));
  fs.writeFileSync(path.join(L.postfixEtc, 'main.cf'), main);
  fs.writeFileSync(path.join(L.postfixEtc, 'master.cf'), postfixMaster(s));
  fs.writeFileSync(path.join(L.postfixEtc, 'virtual_mailboxes'),
    ACCOUNTS.map((a) => `${a.email} OK`).join('\n') + '\n');
  fs.writeFileSync(path.join(L.postfixEtc, 'virtual_alias.regexp'), [
    '# every recipient outside example.test lands in the catch-all mailbox',
    `/^(postmaster|abuse|mailer-daemon)@${DOMAIN.replace('.', '\\.')}$/ catchall@${DOMAIN}`,
    `!/@${DOMAIN.replace('.', '\\.')}$/ catchall@${DOMAIN}`,
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(L.postfixEtc, 'sender_login_maps'),
    Object.entries(SENDER_LOGINS).map(([from, logins]) => `${from} ${logins.join(', ')}`).join('\n') + '\n');
  // Postfix treats a config/table file modified within the last second as "hot" and re-reads
  // it every 300 ms until it is older (that alone cost ~2 s per start): backdate them.
  const past = new Date(Date.now() - 60_000);
  for (const f of fs.readdirSync(L.postfixEtc)) fs.utimesSync(path.join(L.postfixEtc, f), past, past);
}

// ---------------------------------------------------------------------------------------------
// Readiness

/** Connect (TLS if `secure`) and resolve with the first line the server sends. */
function readGreeting(port, { secure = false, ca, timeoutMs = 2000 } = {}) {
  return new Promise((resolve, reject) => {
    const sock = secure
      ? tls.connect({ host: HOST, port, ca: [ca], servername: 'localhost' })
      : net.connect({ host: HOST, port });
    let buf = '';
    const done = (err, line) => {
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(line);
    };
    const timer = setTimeout(() => done(new Error(`no greeting on ${port} within ${timeoutMs} ms`)), timeoutMs);
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      const i = buf.indexOf('\n');
      if (i !== -1) done(null, buf.slice(0, i).trim());
    });
    sock.on('error', (e) => done(e));
    sock.on('end', () => done(new Error(`connection to ${port} closed before a greeting`)));
  });
}

export async function waitGreeting(name, port, expect, opts, deadline, isAlive) {
  let last;
  while (Date.now() < deadline) {
    try {
      const line = await readGreeting(port, opts);
      if (expect.test(line)) return line;
      last = new Error(`unexpected ${name} greeting on ${port}: ${line}`);
    } catch (e) {
      last = e;
    }
    if (isAlive && !isAlive()) {
      throw new Error(`${name} (127.0.0.1:${port}) not ready: ${last?.message || 'no answer'} — its master process is not running`);
    }
    await sleep(50);
  }
  throw new Error(`${name} (127.0.0.1:${port}) not ready within the start timeout: ${last?.message || 'no answer'}`);
}

function logTails(L, lines = 25) {
  const parts = [];
  for (const [label, file] of [['dovecot.out', L.dovecotOut], ['dovecot.log', L.dovecotLog], ['postfix.out', L.postfixOut], ['postfix.log', L.postfixLog]]) {
    const t = tail(file, lines);
    if (t) parts.push(`--- ${label} (last ${lines} lines) ---\n${t}`);
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Start / stop

function toStackJson(s) {
  return JSON.stringify(s, null, 2) + '\n';
}

/** Read a stack.json written by startMailStack (from the state dir or the file itself). */
export function loadMailStack(stateDirOrFile) {
  const file = stateDirOrFile.endsWith('.json') ? stateDirOrFile : path.join(stateDirOrFile, 'stack.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Start Dovecot + Postfix in a fresh state dir, seed the mailboxes and resolve when IMAP,
 * IMAPS, SMTP, submission(s) and ManageSieve answer a greeting. On failure everything started
 * is stopped again and the error message carries the daemon log tails.
 *
 * @param {{ stateDir?: string, basePort?: number, trackingPort?: number, keepOnFailure?: boolean, seed?: boolean, watchdog?: boolean }} [options]
 * @returns {Promise<object>} MailStack (also written to <stateDir>/stack.json)
 */
export async function startMailStack(options = {}) {
  await ensurePackages();
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error('startMailStack needs root: Postfix master must start as root and mail is stored as uid 5000');
  }
  const attempts = options.basePort != null ? 1 : 3;
  let lastErr;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await startOnce(options);
    } catch (e) {
      lastErr = e;
      // another process grabbed one of our random ports between the check and the bind: retry
      if (!/Address already in use|EADDRINUSE/i.test(String(e?.message))) throw e;
    }
  }
  throw lastErr;
}

const DEBUG = !!process.env.POSTVAK_MAILSTACK_DEBUG;
const dbg = (t0, what) => { if (DEBUG) process.stderr.write(`[mailstack] +${Date.now() - t0} ms ${what}\n`); };

async function startOnce(options) {
  const t0 = Date.now();
  const ownDir = !options.stateDir;
  const stateDir = ownDir
    ? await fsp.mkdtemp(path.join(os.tmpdir(), 'postvak-mailstack-'))
    : path.resolve(options.stateDir);
  const longestSocket = path.join(layout(stateDir).dovecotBaseDir, 'token-login', 'imap-urlauth');
  if (Buffer.byteLength(longestSocket) > 100) {
    if (ownDir) await fsp.rm(stateDir, { recursive: true, force: true });
    throw new Error(`state dir ${stateDir} is too long: unix socket paths such as ${longestSocket} must stay under 108 bytes`);
  }
  if (!ownDir) {
    await fsp.mkdir(stateDir, { recursive: true });
    const L0 = layout(stateDir);
    if (readPid(L0.dovecotPid) && pidAlive(readPid(L0.dovecotPid))) throw new Error(`a mail stack is already running in ${stateDir}`);
    // a leftover state dir from a crashed run: start from scratch
    for (const sub of ['etc', 'tls', 'log', 'run', 'mail', 'shared', 'postfix', 'dovecot-lib', 'stack.json', 'uidvalidity']) {
      await fsp.rm(path.join(stateDir, sub), { recursive: true, force: true });
    }
  }
  const L = layout(stateDir);
  // Dovecot's mail processes (uid 5000) and Postfix (user postfix) must traverse the state dir
  await fsp.chmod(stateDir, 0o755);
  let stack;
  try {
    const ports = await pickPorts(options.basePort);
    const tlsFiles = await makeTls(L.tls);
    dbg(t0, 'tls generated');
    const caPem = fs.readFileSync(tlsFiles.caFile, 'utf8');
    const persons = ACCOUNTS.filter((a) => a.kind === 'person');
    const sharedAccts = ACCOUNTS.filter((a) => a.kind === 'shared');
    stack = {
      version: 1,
      stateDir,
      stackFile: L.stackJson,
      host: HOST,
      ports,
      ...tlsFiles,
      caPem,
      domain: DOMAIN,
      users: Object.fromEntries(persons.map((a) => [a.key, { email: a.email, password: a.password, name: a.name }])),
      shared: Object.fromEntries(sharedAccts.map((a) => [a.key, a.email])),
      sharedAccounts: Object.fromEntries(sharedAccts.map((a) => [a.key, { email: a.email, password: a.password, name: a.name }])),
      trackingPort: options.trackingPort ?? DEFAULT_TRACKING_PORT,
      mailUid: MAIL_UID,
      mailGid: MAIL_GID,
      lmtpSocket: L.lmtpSocket,
      authSocket: L.authSocket,
      dovecot: { config: L.dovecotConf, baseDir: L.dovecotBaseDir, pidFile: L.dovecotPid, log: L.dovecotLog },
      postfix: { configDir: L.postfixEtc, queueDir: L.postfixQueue, pidFile: L.postfixPid, log: L.postfixLog },
      pids: {},
      startedAt: new Date().toISOString(),
    };
    await writeConfigs(stack, L);
    // stack.json early, so `cli.mjs stop --state` can clean up even a half-started stack
    fs.writeFileSync(L.stackJson, toStackJson(stack));
    if (options.watchdog !== false) stack.pids.watchdog = startWatchdog(stateDir, ownDir);

    // Dovecot first (Postfix's SASL and LMTP point at its sockets)
    const dcode = await runLauncher(bin('dovecot'), ['-c', L.dovecotConf], L.dovecotOut);
    if (dcode !== 0) throw new Error(`dovecot exited with ${dcode}`);
    const dpidOk = await waitFor(() => pidAlive(readPid(L.dovecotPid)), { timeoutMs: 5000 });
    if (!dpidOk) throw new Error('dovecot master did not come up (no live master.pid)');
    stack.pids.dovecot = readPid(L.dovecotPid);
    dbg(t0, 'dovecot started');

    const seedP = options.seed === false ? Promise.resolve(null) : seedMailboxes(stack, { trackingPort: stack.trackingPort, kick: false, flushQueue: false });
    const pcode = await runLauncher(bin('postfix'), ['-c', L.postfixEtc, 'start'], L.postfixOut);
    if (pcode !== 0) throw new Error(`postfix start exited with ${pcode}`);
    stack.pids.postfix = readPid(L.postfixPid);
    dbg(t0, 'postfix started');
    const seedResult = await seedP;
    dbg(t0, 'seeded');

    const deadline = Date.now() + 15_000;
    const dAlive = () => pidAlive(stack.pids.dovecot);
    const pAlive = () => pidAlive(stack.pids.postfix);
    const ca = caPem;
    await Promise.all([
      waitGreeting('IMAP', ports.imap, /^\* OK/, {}, deadline, dAlive),
      waitGreeting('IMAPS', ports.imaps, /^\* OK/, { secure: true, ca }, deadline, dAlive),
      waitGreeting('ManageSieve', ports.sieve, /^"IMPLEMENTATION"|^OK/, {}, deadline, dAlive),
      waitGreeting('SMTP', ports.smtp, /^220 /, {}, deadline, pAlive),
      waitGreeting('submission', ports.submission, /^220 /, {}, deadline, pAlive),
      waitGreeting('submissions', ports.submissions, /^220 /, { secure: true, ca }, deadline, pAlive),
    ]);
    dbg(t0, 'all greetings seen');
    stack.startupMs = Date.now() - t0;
    stack.seedMs = seedResult?.totalMs;
    fs.writeFileSync(L.stackJson, toStackJson(stack));
    return stack;
  } catch (err) {
    const tails = logTails(L);
    try {
      await stopMailStack(stack || { stateDir }, { keep: true });
    } catch { /* best effort */ }
    if (ownDir && !options.keepOnFailure) await fsp.rm(stateDir, { recursive: true, force: true }).catch(() => {});
    const e = new Error(`mail stack failed to start: ${err.message}${tails ? `\n${tails}` : ''}${ownDir && !options.keepOnFailure ? '' : `\n(state kept in ${stateDir})`}`);
    e.cause = err;
    throw e;
  }
}

const WATCHDOG = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));

/** Detached guard that stops the stack if this process dies without calling stopMailStack. */
function startWatchdog(stateDir, removeStateDir) {
  const child = spawn(process.execPath, [WATCHDOG, String(process.pid), stateDir, removeStateDir ? '1' : '0'], {
    detached: true,
    stdio: 'ignore',
    env: childEnv(),
  });
  child.unref();
  fs.writeFileSync(path.join(layout(stateDir).run, 'watchdog.pid'), `${child.pid}\n`);
  return child.pid;
}

function stopWatchdog(stateDir) {
  const pid = readPid(path.join(layout(stateDir).run, 'watchdog.pid'));
  if (pid && pid !== process.pid && pidAlive(pid) && cmdline(pid).includes('watchdog.mjs')) kill(pid, 'SIGTERM');
}

/**
 * The pids of `email`'s IMAP sessions that are in IDLE right now, as the server itself shows it
 * (Dovecot's process title with verbose_proctitle: `imap [alice@example.test 127.0.0.1 IDLE]`).
 * Tests wait on this instead of sleeping until "+ idling" has been sent, which TLS hides.
 * @param {{ pids: { dovecot?: number } }} stack
 * @param {string} email
 * @returns {number[]}
 */
export function idleSessions(stack, email) {
  if (!stack.pids.dovecot) return [];
  return descendants(stack.pids.dovecot).filter((pid) => {
    const title = cmdline(pid);
    return title.includes(`imap [${email} `) && title.endsWith(' IDLE]');
  });
}

export function cwdOf(pid) {
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`).replace(/ \(deleted\)$/, '');
  } catch {
    return '';
  }
}

/** Stop one daemon master (and its children); `isOurs(pid)` guards against stale pid files. */
export async function stopDaemon(name, pidFile, isOurs) {
  const pid = readPid(pidFile);
  if (!pid || !pidAlive(pid)) return { name, pid, running: false };
  if (!isOurs(pid)) return { name, pid, running: false, note: `pid ${pid} ("${cmdline(pid)}") is not this stack's ${name}` };
  const kids = descendants(pid);
  kill(pid, 'SIGTERM');
  let gone;
  if (name === 'dovecot') {
    // Dovecot's master stops the mail/login processes at once, then idles ~1 s (keeping log,
    // anvil, auth, stats around) before it exits. Nothing is left to shut down cleanly by then,
    // so after a short grace period terminate the helpers and the master ourselves.
    if (!(await waitFor(() => !pidAlive(pid), { timeoutMs: 150, intervalMs: 10 }))) {
      for (const k of kids) if (pidAlive(k)) kill(k, 'SIGTERM');
      await waitFor(() => kids.every((k) => !pidAlive(k)), { timeoutMs: 500, intervalMs: 10 });
      if (pidAlive(pid)) kill(pid, 'SIGKILL');
    }
  }
  gone = await waitFor(() => !pidAlive(pid), { timeoutMs: 8000, intervalMs: 25 });
  if (!gone) {
    kill(-pid, 'SIGKILL'); // both masters lead their own process group
    kill(pid, 'SIGKILL');
    gone = await waitFor(() => !pidAlive(pid), { timeoutMs: 3000, intervalMs: 25 });
  }
  // children normally exit with their master; make sure
  const left = kids.filter((k) => pidAlive(k));
  if (left.length) {
    await waitFor(() => left.every((k) => !pidAlive(k)), { timeoutMs: 2000, intervalMs: 25 });
    for (const k of left) if (pidAlive(k)) kill(k, 'SIGKILL');
  }
  return { name, pid, running: true, stopped: gone };
}

/**
 * Stop Postfix and Dovecot of a stack (object, stack.json path or state dir), wait until its
 * ports are closed and remove the state dir unless { keep: true }. Safe to call twice.
 */
export async function stopMailStack(stackOrDir, { keep = false, fromWatchdog = false } = {}) {
  if (!stackOrDir) return;
  let stack = stackOrDir;
  if (typeof stackOrDir === 'string') {
    try {
      stack = loadMailStack(stackOrDir);
    } catch {
      stack = { stateDir: stackOrDir.endsWith('.json') ? path.dirname(stackOrDir) : stackOrDir };
    }
  }
  const stateDir = stack.stateDir;
  if (!stateDir) throw new Error('stopMailStack: no stateDir');
  const L = layout(stateDir);
  if (!fromWatchdog) stopWatchdog(stateDir);
  const results = await Promise.all([
    // Postfix's master runs in its queue directory
    stopDaemon('postfix', L.postfixPid, (pid) => /\bmaster\b/.test(cmdline(pid)) && cwdOf(pid).startsWith(L.postfixQueue)),
    stopDaemon('dovecot', L.dovecotPid, (pid) => cmdline(pid).includes(L.dovecotConf)),
  ]);
  if (stack.ports) {
    const ports = Object.values(stack.ports);
    const closed = await waitFor(async () => (await Promise.all(ports.map((p) => portIsClosed(p)))).every(Boolean), { timeoutMs: 5000 });
    if (!closed) throw new Error(`mail stack stopped but ports ${ports.join(', ')} are still accepting connections`);
  }
  await settleBackgroundWork();
  if (!keep) await fsp.rm(stateDir, { recursive: true, force: true, maxRetries: 3 });
  return results;
}

// ---------------------------------------------------------------------------------------------
// Mail helpers

/**
 * Wipe every account's mail and write the seed again (< 1 s). Open IMAP sessions are kicked and
 * the Postfix queue is emptied first.
 * @param {object} stack
 * @param {{ trackingPort?: number, now?: number|Date, kick?: boolean, flushQueue?: boolean }} [opts]
 */
export async function resetMailboxes(stack, opts = {}) {
  const trackingPort = opts.trackingPort ?? stack.trackingPort ?? DEFAULT_TRACKING_PORT;
  return seedMailboxes(stack, { ...opts, trackingPort });
}

/** See seed.mjs fillMaildir. */
export function fillMaildir(stack, user, folder, count, opts) {
  return fillMaildirImpl(stack, user, folder, count, opts);
}

/** Which stack login receives mail for this address (after the catch-all rewrite), or null. */
export function mailboxOwner(address) {
  const a = String(address).toLowerCase().replace(/^.*</, '').replace(/>.*$/, '').trim();
  const [local, domain] = a.split('@');
  if (domain !== DOMAIN) return `catchall@${DOMAIN}`;
  const base = local.split('+')[0];
  if (['postmaster', 'abuse', 'mailer-daemon'].includes(base)) return `catchall@${DOMAIN}`;
  return ACCOUNTS.some((x) => x.email === `${base}@${DOMAIN}`) ? `${base}@${DOMAIN}` : null;
}

export function smtpSend({ host, port, from, rcpts, data, timeoutMs = 10_000 }) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port });
    sock.setTimeout(timeoutMs);
    let buf = '';
    let step = 0;
    const replies = [];
    const steps = [
      null, // greeting
      () => `EHLO localhost`,
      () => `MAIL FROM:<${from}>`,
      ...rcpts.map((r) => () => `RCPT TO:<${r}>`),
      () => 'DATA',
      () => data,
      () => 'QUIT',
    ];
    const expect = [220, 250, 250, ...rcpts.map(() => 250), 354, 250, 221];
    const fail = (msg) => {
      sock.destroy();
      reject(new Error(msg));
    };
    sock.on('timeout', () => fail(`SMTP timeout talking to ${host}:${port}`));
    sock.on('error', (e) => fail(`SMTP ${host}:${port}: ${e.message}`));
    sock.on('data', (d) => {
      buf += d.toString('utf8');
      for (;;) {
        const m = buf.match(/^(\d{3})([ -])(.*)\r?\n/m);
        if (!m || m.index !== 0) return;
        buf = buf.slice(m[0].length);
        if (m[2] === '-') continue; // multi-line reply continues
        const code = Number(m[1]);
        replies.push(`${m[1]} ${m[3]}`);
        if (code !== expect[step] && !(expect[step] === 250 && code === 251)) {
          const what = steps[step] ? steps[step]().split('\r\n')[0].slice(0, 80) : 'greeting';
          fail(`SMTP ${what} -> ${m[1]} ${m[3]}`);
          return;
        }
        step++;
        if (step >= steps.length) {
          sock.end();
          resolve(replies);
          return;
        }
        sock.write(`${steps[step]()}\r\n`);
      }
    });
  });
}

/**
 * Send a raw message through Postfix's unauthenticated loopback SMTP port (so virtual alias
 * rewriting, LMTP and Sieve all apply) and resolve once it is in every recipient's mailbox.
 * A Message-ID header is added when `raw` has none.
 *
 * @param {object} stack
 * @param {{ from: string, to: string|string[], raw: string|Buffer, timeoutMs?: number, wait?: boolean }} msg
 * @returns {Promise<{ messageId: string, deliveries: { user: string, mailbox: string, uid: number }[] }>}
 */
export async function deliver(stack, { from, to, raw, timeoutMs = 10_000, wait = true }) {
  const rcpts = [].concat(to);
  if (!rcpts.length) throw new Error('deliver: no recipients');
  let text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
  text = text.replace(/\r?\n/g, '\r\n');
  const headerEnd = text.indexOf('\r\n\r\n');
  const head = headerEnd === -1 ? text : text.slice(0, headerEnd);
  let messageId = head.match(/^message-id:\s*(<[^>\r\n]+>)/im)?.[1];
  if (!messageId) {
    messageId = `<deliver.${Date.now().toString(36)}.${crypto.randomBytes(6).toString('hex')}@${DOMAIN}>`;
    text = `Message-ID: ${messageId}\r\n${text}`;
  }
  if (!text.endsWith('\r\n')) text += '\r\n';
  const data = `${text.replace(/^\./gm, '..')}.`;
  await smtpSend({ host: HOST, port: stack.ports.smtp, from, rcpts, data, timeoutMs });
  if (!wait) return { messageId, deliveries: [] };

  const owners = [...new Set(rcpts.map((r) => mailboxOwner(r)).filter(Boolean))];
  const deadline = Date.now() + timeoutMs;
  const deliveries = [];
  for (const user of owners) {
    deliveries.push(await waitForMessage(stack, user, messageId, { timeoutMs: Math.max(0, deadline - Date.now()) }));
  }
  return { messageId, deliveries };
}

/**
 * Poll (doveadm, every 100 ms) until a message with this Message-ID is in one of `user`'s own
 * mailboxes (any folder, so Sieve fileinto counts). Rejects after timeoutMs with the Postfix
 * queue and log tails.
 * @returns {Promise<{ user: string, mailbox: string, uid: number }>}
 */
export async function waitForMessage(stack, user, messageId, { timeoutMs = 10_000 } = {}) {
  const L = layout(stack.stateDir);
  const email = user.includes('@') ? user.toLowerCase() : `${user.toLowerCase()}@${DOMAIN}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await doveadm(stack, '-f', 'tab', 'fetch', '-u', email, 'mailbox uid',
      'NOT', 'mailbox', 'shared/*', 'header', 'Message-ID', messageId).catch(() => '');
    const line = out.split('\n').slice(1).find((l) => l.trim());
    if (line) {
      const [mailbox, uid] = line.split('\t');
      return { user: email, mailbox, uid: Number(uid) };
    }
    if (Date.now() >= deadline) {
      const q = await run(bin('postqueue'), ['-c', L.postfixEtc, '-p'], { allowFail: true });
      throw new Error(`${messageId} did not reach ${email} within ${timeoutMs} ms\n--- postqueue -p ---\n${q.stdout.trim()}\n--- postfix.log ---\n${tail(L.postfixLog, 15)}\n--- dovecot.log ---\n${tail(L.dovecotLog, 15)}`);
    }
    await sleep(100);
  }
}
