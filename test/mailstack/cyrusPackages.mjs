// The Cyrus IMAP binaries for the Cyrus test stack (cyrus.mjs, issue #10 §8).
//
// Debian's `cyrus-imapd` package (imapd, idled) Conflicts with `dovecot-imapd` (both provide
// `imap-server`): installing one removes the other, and the tests need both servers on one
// machine. So only the packages that do not conflict are installed with apt (cyrus-common:
// master, lmtpd, timsieved, ctl_cyrusdb; sasl2-bin: saslpasswd2; the admin tools), and imapd +
// idled are unpacked from the very same cyrus-imapd .deb (`apt-get download`, `dpkg-deb -x`)
// into a cache directory, never registered with dpkg.

import fs from 'node:fs';
import path from 'node:path';

import { aptEnv, aptGet, aptInstall } from '../../scripts/apt.mjs';
import { childEnv, run, which } from './lib.mjs';

export const CYRUS_APT_PACKAGES = ['cyrus-common', 'cyrus-admin', 'cyrus-clients', 'sasl2-bin', 'libsasl2-modules'];
const CYRUS_BIN = '/usr/lib/cyrus/bin';
/** Where imapd/idled are unpacked (per cyrus-common version, so an upgrade unpacks again). */
const CACHE = process.env.POSTVAK_CYRUS_CACHE || '/var/cache/postvak-cyrus';

const SASL_PLAIN = ['/usr/lib/x86_64-linux-gnu/sasl2/libplain.so', '/usr/lib/aarch64-linux-gnu/sasl2/libplain.so'];

/** What apt must install for the stack (the imapd .deb is handled separately). */
export function missingCyrusPackages() {
  const missing = [];
  for (const f of ['master', 'lmtpd', 'timsieved', 'ctl_cyrusdb']) if (!fs.existsSync(path.join(CYRUS_BIN, f))) missing.push(`${CYRUS_BIN}/${f}`);
  if (!which('saslpasswd2')) missing.push('saslpasswd2');
  if (!SASL_PLAIN.some((f) => fs.existsSync(f))) missing.push('libplain.so (libsasl2-modules)');
  return missing;
}

async function commonVersion() {
  const res = await run('dpkg-query', ['-W', '-f=${Version}', 'cyrus-common'], { allowFail: true });
  return res.code === 0 ? res.stdout.trim() : null;
}

let ensuring = null;

/**
 * Installs what is missing (as root) and resolves with the paths of the programs the stack runs.
 * @returns {Promise<{ master: string, imapd: string, idled: string, lmtpd: string, timsieved: string, ctlCyrusdb: string, saslpasswd2: string }>}
 */
export function ensureCyrusPackages() {
  if (!ensuring) ensuring = ensureOnce().finally(() => { ensuring = null; });
  return ensuring;
}

async function ensureOnce() {
  const root = typeof process.getuid !== 'function' || process.getuid() === 0;
  if (missingCyrusPackages().length) {
    if (!root) throw new Error(`The Cyrus test stack needs: apt-get install -y ${CYRUS_APT_PACKAGES.join(' ')}`);
    await aptInstall(CYRUS_APT_PACKAGES, { quiet: true, recommends: false, env: aptEnv(childEnv()) });
    const still = missingCyrusPackages();
    if (still.length) throw new Error(`still missing after apt-get install: ${still.join(', ')}`);
  }
  const bins = {
    master: path.join(CYRUS_BIN, 'master'),
    lmtpd: path.join(CYRUS_BIN, 'lmtpd'),
    timsieved: path.join(CYRUS_BIN, 'timsieved'),
    ctlCyrusdb: path.join(CYRUS_BIN, 'ctl_cyrusdb'),
    saslpasswd2: which('saslpasswd2'),
  };
  // A machine where cyrus-imapd itself is installed (no Dovecot there) needs no unpacking.
  if (fs.existsSync(path.join(CYRUS_BIN, 'imapd')) && fs.existsSync(path.join(CYRUS_BIN, 'idled'))) {
    return { ...bins, imapd: path.join(CYRUS_BIN, 'imapd'), idled: path.join(CYRUS_BIN, 'idled') };
  }
  const version = await commonVersion();
  if (!version) throw new Error('cyrus-common is not installed');
  const dir = path.join(CACHE, version.replace(/[^\w.+~-]/g, '_'));
  const unpacked = path.join(dir, 'root', 'usr', 'lib', 'cyrus', 'bin');
  if (!fs.existsSync(path.join(unpacked, 'imapd'))) {
    if (!root) throw new Error(`The Cyrus test stack unpacks cyrus-imapd ${version} into ${CACHE} once: run it as root`);
    fs.mkdirSync(dir, { recursive: true });
    const cached = `/var/cache/apt/archives/cyrus-imapd_${version.replace(/^\d+:/, '')}_${(await run('dpkg', ['--print-architecture'])).stdout.trim()}.deb`;
    let deb = fs.existsSync(cached) ? cached : null;
    if (!deb) {
      // `apt-get download` fetches the .deb into the current directory without installing it
      // (no dpkg lock involved); with stale package lists, update them once and try again.
      const download = () => run('apt-get', ['download', `cyrus-imapd=${version}`], { cwd: dir, env: aptEnv(childEnv()), timeoutMs: 600_000, allowFail: true });
      if ((await download()).code !== 0) {
        await aptGet(['update', '-q'], { quiet: true, env: aptEnv(childEnv()), log: () => {} });
        await download();
      }
      const name = fs.readdirSync(dir).find((f) => /^cyrus-imapd_.*\.deb$/.test(f));
      deb = name ? path.join(dir, name) : null;
    }
    if (!deb) throw new Error(`could not download cyrus-imapd ${version}`);
    await run('dpkg-deb', ['-x', deb, path.join(dir, 'root')]);
  }
  return { ...bins, imapd: path.join(unpacked, 'imapd'), idled: path.join(unpacked, 'idled') };
}
