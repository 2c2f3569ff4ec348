/**
 * Debian/Ubuntu packages Postvak's tests and demo need, installed when missing. As root it runs
 * apt-get itself (CI, fresh machines) through scripts/apt.mjs, which waits for the apt that a
 * fresh machine runs at boot (issue #10 §14); otherwise it stops with the exact command to run.
 */
import { existsSync } from 'node:fs';
import { aptInstall } from './apt.mjs';

const needs = [
  { check: '/usr/sbin/dovecot', pkgs: ['dovecot-imapd', 'dovecot-lmtpd', 'dovecot-sieve', 'dovecot-managesieved'] },
  { check: '/usr/sbin/postfix', pkgs: ['postfix'] },
  // Cyrus, the second test server (test/mailstack/cyrus.mjs); not cyrus-imapd, which conflicts with dovecot-imapd.
  { check: '/usr/lib/cyrus/bin/master', pkgs: ['cyrus-common', 'cyrus-admin', 'cyrus-clients', 'sasl2-bin'] },
  { check: '/usr/bin/mbsync', pkgs: ['isync'] },
  { check: '/usr/bin/openssl', pkgs: ['openssl'] },
  { check: '/usr/bin/chromium', pkgs: ['chromium'] },
  // The reference Kolab v3 parser (libkolabxml) that judges the calendar payloads we write (issue #5).
  { check: '/usr/lib/python3/dist-packages/kolabformat.py', pkgs: ['python3-kolabformat'] },
];

export function missingPackages() {
  return needs.filter((n) => !existsSync(n.check)).flatMap((n) => n.pkgs);
}

export async function ensureSystemPackages({ quiet = false } = {}) {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Postvak needs these Debian packages. Run as root:\n  sudo sh -c '${command}'`);
  }
  if (!quiet) console.log(`Installing ${missing.join(' ')} (once)…`);
  await aptInstall(missing, { quiet });
}

if (import.meta.url === `file://${process.argv[1]}`) await ensureSystemPackages();
