/**
 * Issue #10 §6: the demo's Ctrl-C removes its profile — secrets.json and its key included — and
 * the mail stack's files, after the app has exited (it may still write while stopping), once.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPaths, shutdownOnce } from '../../../scripts/demoState.mjs';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function demoState() {
  root = mkdtempSync(join(tmpdir(), 'postvak-demo-'));
  const paths = demoPaths(root);
  mkdirSync(join(paths.profile, 'drafts'), { recursive: true });
  mkdirSync(paths.stateDir, { recursive: true });
  for (const file of ['accounts.json', 'secrets.json', 'secrets.key', 'drafts/abcdefgh.json']) writeFileSync(join(paths.profile, file), 'x');
  writeFileSync(join(paths.stateDir, 'dovecot.conf'), 'x');
  return paths;
}

describe('the demo shutdown', () => {
  it('stops the app, then the stack, then removes profile and stack state — once', async () => {
    const paths = demoState();
    const order: string[] = [];
    let apps = 0;
    const shutdown = shutdownOnce({
      // The app writes into its profile while it stops, as Electron does.
      stopApp: async () => {
        apps += 1;
        await new Promise((resolve) => setImmediate(resolve));
        writeFileSync(join(paths.profile, 'Local State'), 'x');
        order.push('app');
      },
      stopStack: async () => {
        order.push(existsSync(paths.profile) ? 'stack' : 'stack after removal');
      },
      paths,
    });
    await Promise.all([shutdown(), shutdown()]);
    await shutdown();
    expect(order).toEqual(['app', 'stack']);
    expect(apps).toBe(1);
    expect(existsSync(paths.profile)).toBe(false);
    expect(existsSync(paths.stateDir)).toBe(false);
    expect(existsSync(join(root, '.tmp'))).toBe(true);
  });

  it('removes the state even when stopping the app failed', async () => {
    const paths = demoState();
    const logged: string[] = [];
    const shutdown = shutdownOnce({
      stopApp: () => Promise.reject(new Error('already gone')),
      stopStack: async () => undefined,
      paths,
      log: (message) => logged.push(message),
    });
    await shutdown();
    expect(logged).toEqual(['Stopping Postvak failed: already gone']);
    expect(existsSync(join(paths.profile, 'secrets.key'))).toBe(false);
    expect(existsSync(paths.stateDir)).toBe(false);
  });
});
