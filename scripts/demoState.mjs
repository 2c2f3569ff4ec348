/**
 * The demo's throw-away state and its removal (issue #10 §6): the README promises that Ctrl-C
 * "stops everything and removes the demo state" — the Postvak profile (accounts, secrets.json
 * and its key, drafts, outbox, offline mail) and the mail stack's files. Before, both stayed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export function demoPaths(root) {
  return { stateDir: join(root, '.tmp', 'demo-stack'), profile: join(root, '.tmp', 'demo-profile') };
}

export function removeDemoState({ stateDir, profile }) {
  for (const dir of [profile, stateDir]) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/**
 * A shutdown that runs once however often it is asked (Ctrl-C, SIGTERM, the app closing):
 * the app first, waited for until it exited (it may still be writing its profile), then the
 * mail stack, then the state is removed — also when stopping one of them failed.
 */
export function shutdownOnce({ stopApp, stopStack, paths, log = console.error }) {
  let running = null;
  return () =>
    (running ??= (async () => {
      for (const [what, stop] of [['Postvak', stopApp], ['the mail stack', stopStack]]) {
        try {
          await stop?.();
        } catch (error) {
          log(`Stopping ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      removeDemoState(paths);
    })());
}
