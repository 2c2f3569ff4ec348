/**
 * `npm run demo`: starts the real mail stack (Dovecot + Postfix on loopback), seeds it, and opens
 * Postvak signed in as alice@example.test — in Electron where its binary exists, otherwise the
 * browser host, whose address it prints.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { demoPaths, removeDemoState, shutdownOnce } from './demoState.mjs';
import { ensureSystemPackages } from './systemPackages.mjs';
import { build, electronBinary, hostCall, root, stackAccount, startHostProcess } from './lib.mjs';

const t0 = Date.now();
const seconds = () => ((Date.now() - t0) / 1000).toFixed(1);
await ensureSystemPackages();
build();
const { startMailStack, stopMailStack } = await import('../test/mailstack/mailstack.mjs');

const paths = demoPaths(root);
const { stateDir, profile } = paths;
removeDemoState(paths);
mkdirSync(stateDir, { recursive: true });
mkdirSync(profile, { recursive: true, mode: 0o700 });

// Ctrl-C (or the app closing) stops everything and removes the demo state, profile included.
let stopApp = null;
let stack = null;
const shutdown = shutdownOnce({
  stopApp: () => stopApp?.(),
  stopStack: () => (stack ? stopMailStack(stack) : undefined),
  paths,
});
const exit = (code) => void shutdown().finally(() => process.exit(code));
process.on('SIGINT', () => exit(0));
process.on('SIGTERM', () => exit(0));

console.log('Starting the demo mail stack…');
stack = await startMailStack({ stateDir });
console.log(`Mail stack up in ${seconds()} s: IMAPS ${stack.host}:${stack.ports.imaps}, submission ${stack.host}:${stack.ports.submission}`);
const alice = stackAccount(stack);

const electron = electronBinary();
if (electron) {
  const child = spawn(electron, [root, `--user-data-dir=${profile}`], {
    stdio: 'inherit',
    env: { ...process.env, POSTVAK_EXTRA_CA: stack.caFile, POSTVAK_DEMO_ACCOUNT: JSON.stringify(alice) },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Waits for the exit: Electron may still be writing its profile when asked to stop.
  stopApp = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  child.on('exit', () => exit(0));
  console.log('Postvak (Electron) is opening, signed in as alice@example.test.');
} else {
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  stopApp = host.stop;
  const added = await hostCall(host, 'accounts.add', { ...alice, rememberPassword: true });
  if (!added.ok) {
    console.error(`Could not add alice's account: ${added.error.message}`);
    exit(1);
  } else {
    console.log(`
No Electron binary here, so Postvak runs in the browser host (${seconds()} s).
Open this address in a browser on this machine:

  ${host.url}

Signed in as alice@example.test. Other demo users (password = name + "-secret"): bob, carol.
Press Ctrl-C to stop Postvak and the mail stack.`);
  }
}
