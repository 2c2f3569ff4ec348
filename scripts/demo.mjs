/**
 * `npm run demo`: starts the real mail stack (Dovecot + Postfix on loopback), seeds it, and opens
 * Postvak signed in as alice@example.test — in Electron where its binary exists, otherwise the
 * browser host, whose address it prints.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemPackages } from './systemPackages.mjs';
import { build, electronBinary, hostCall, root, stackAccount, startHostProcess } from './lib.mjs';

const t0 = Date.now();
const seconds = () => ((Date.now() - t0) / 1000).toFixed(1);
await ensureSystemPackages();
build();
const { startMailStack, stopMailStack } = await import('../test/mailstack/mailstack.mjs');

const stateDir = join(root, '.tmp', 'demo-stack');
const profile = join(root, '.tmp', 'demo-profile');
rmSync(stateDir, { recursive: true, force: true });
rmSync(profile, { recursive: true, force: true });
mkdirSync(stateDir, { recursive: true });
mkdirSync(profile, { recursive: true });

console.log('Starting the demo mail stack…');
const stack = await startMailStack({ stateDir });
console.log(`Mail stack up in ${seconds()} s: IMAPS ${stack.host}:${stack.ports.imaps}, submission ${stack.host}:${stack.ports.submission}`);
const alice = stackAccount(stack);

let stopApp;
const electron = electronBinary();
if (electron) {
  const child = spawn(electron, [root, `--user-data-dir=${profile}`], {
    stdio: 'inherit',
    env: { ...process.env, POSTVAK_EXTRA_CA: stack.caFile, POSTVAK_DEMO_ACCOUNT: JSON.stringify(alice) },
  });
  stopApp = async () => child.kill('SIGTERM');
  child.on('exit', () => void shutdown());
  console.log('Postvak (Electron) is opening, signed in as alice@example.test.');
} else {
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  const added = await hostCall(host, 'accounts.add', { ...alice, rememberPassword: true });
  if (!added.ok) throw new Error(`Could not add alice's account: ${added.error.message}`);
  stopApp = host.stop;
  console.log(`
No Electron binary here, so Postvak runs in the browser host (${seconds()} s).
Open this address in a browser on this machine:

  ${host.url}

Signed in as alice@example.test. Other demo users (password = name + "-secret"): bob, carol.
Press Ctrl-C to stop Postvak and the mail stack.`);
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await stopApp?.();
  await stopMailStack(stack);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
