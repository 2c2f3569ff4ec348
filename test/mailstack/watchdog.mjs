// Orphan guard for a Postvak test mail stack: started detached by startMailStack(), it polls
// the process that started the stack and stops the stack when that process is gone without
// having called stopMailStack() (killed test worker, Ctrl+C'd runner, forgotten afterAll).
// stopMailStack() terminates this process itself.
//
//   node watchdog.mjs <ownerPid> <stateDir> <removeStateDir 0|1> [cyrus]

import fs from 'node:fs';
import path from 'node:path';

const [ownerArg, stateDir, removeArg, kind] = process.argv.slice(2);
const owner = Number(ownerArg);
const logFile = path.join(stateDir, 'log', 'watchdog.log');
const log = (msg) => {
  try {
    fs.appendFileSync(logFile, `${new Date().toISOString()} ${msg}\n`);
  } catch { /* state dir gone */ }
};

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => {}); // a terminal Ctrl+C to the owner must not kill the guard first
process.on('SIGHUP', () => {});

const timer = setInterval(async () => {
  if (!fs.existsSync(stateDir)) process.exit(0);
  if (alive(owner)) return;
  clearInterval(timer);
  log(`owner ${owner} is gone without stopping the stack: stopping it`);
  try {
    if (kind === 'cyrus') {
      const { stopCyrusStack } = await import('./cyrus.mjs');
      await stopCyrusStack(stateDir, { fromWatchdog: true });
    } else {
      const { stopMailStack } = await import('./mailstack.mjs');
      await stopMailStack(stateDir, { keep: removeArg !== '1', fromWatchdog: true });
    }
    log('stopped');
  } catch (e) {
    log(`stop failed: ${e.stack || e.message}`);
  }
  process.exit(0);
}, 500);
