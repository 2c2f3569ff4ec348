/**
 * `npm start`: Postvak with your own accounts and no demo data — Electron where its binary
 * exists, otherwise the browser host (it prints the address to open).
 */
import { spawn } from 'node:child_process';
import { build, electronBinary, root, startHostProcess } from './lib.mjs';
import { homedir } from 'node:os';
import { join } from 'node:path';

build();
const electron = electronBinary();
if (electron) {
  spawn(electron, [root], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  const caFiles = process.env.POSTVAK_EXTRA_CA?.split(':').filter(Boolean) ?? [];
  const host = await startHostProcess({ profile: join(homedir(), '.config', 'postvak-host'), caFiles });
  console.log(`No Electron binary here; Postvak runs in the browser host.\nOpen: ${host.url}\nCtrl-C stops it.`);
  process.on('SIGINT', () => void host.stop().then(() => process.exit(0)));
  process.on('SIGTERM', () => void host.stop().then(() => process.exit(0)));
}
