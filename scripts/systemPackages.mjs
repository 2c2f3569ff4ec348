/**
 * Debian/Ubuntu packages Postvak's tests and demo need, installed when missing. As root it runs
 * apt-get itself (CI, fresh machines); otherwise it stops with the exact command to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, unlinkSync } from 'node:fs';

const needs = [
  { check: '/usr/sbin/dovecot', pkgs: ['dovecot-imapd', 'dovecot-lmtpd', 'dovecot-sieve', 'dovecot-managesieved'] },
  { check: '/usr/sbin/postfix', pkgs: ['postfix'] },
  { check: '/usr/bin/mbsync', pkgs: ['isync'] },
  { check: '/usr/bin/openssl', pkgs: ['openssl'] },
  { check: '/usr/bin/chromium', pkgs: ['chromium'] },
  // The reference Kolab v3 parser (libkolabxml) that judges the calendar payloads we write (issue #5).
  { check: '/usr/lib/python3/dist-packages/kolabformat.py', pkgs: ['python3-kolabformat'] },
];

export function missingPackages() {
  return needs.filter((n) => !existsSync(n.check)).flatMap((n) => n.pkgs);
}

export function ensureSystemPackages({ quiet = false } = {}) {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Postvak needs these Debian packages. Run as root:\n  sudo sh -c '${command}'`);
  }
  if (!quiet) console.log(`Installing ${missing.join(' ')} (once)…`);
  // Keep the package scripts from starting a system Dovecot/Postfix on the standard ports.
  const policy = '/usr/sbin/policy-rc.d';
  const hadPolicy = existsSync(policy);
  if (!hadPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    spawnSync('debconf-set-selections', { input: 'postfix postfix/main_mailer_type select No configuration\n' });
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const stdio = quiet ? 'ignore' : 'inherit';
    execFileSync('apt-get', ['update', '-q'], { env, stdio });
    execFileSync('apt-get', ['install', '-y', '-q', ...missing], { env, stdio });
  } finally {
    if (!hadPolicy) unlinkSync(policy);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemPackages();
