/**
 * The resync part of `npm run bench` (issue #3 §7): bob's unchanged folders confirmed from their
 * cursors by the engine in the browser host, driven over its WebSocket by a collector that
 * acknowledges at once; median of 5 runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { connectHost } from './hostClient.mjs';
import { quantile, round, sleep } from './util.mjs';

/** → the `resync` results object. */
export async function resyncBench({ stack, cleanups }) {
  const profileB = mkdtempSync(join(os.tmpdir(), 'postvak-bench-profile-'));
  cleanups.push(() => rmSync(profileB, { recursive: true, force: true }));
  const hostB = await startHostProcess({ profile: profileB, caFiles: [stack.caFile] });
  cleanups.push(() => hostB.stop());
  const collector = await connectHost(hostB);
  cleanups.push(() => collector.close());
  const bob = await collector.call('accounts.add', { ...stackAccount(stack, 'bob', 'Bob'), rememberPassword: false });
  const cursors = new Map();
  let selectable = [];
  const track = (from) => {
    for (const { batch } of collector.batches.slice(from)) {
      if (batch.kind === 'folders') selectable = batch.folders.filter((f) => f.selectable).map((f) => f.path);
      else if (batch.cursor) cursors.set(batch.folderPath, batch.cursor);
    }
  };
  const lastState = () => collector.statuses.at(-1)?.status.state;
  await collector.call('sync.start', { accountId: bob.id, cursors: [] });
  await collector.until(() => (track(0), lastState() === 'idle' && selectable.length > 0 && selectable.every((p) => cursors.has(p))), 'bob fully synced', 120_000);
  const runs = [];
  for (let run = 0; run < 5; run++) {
    await collector.call('sync.stop', { accountId: bob.id });
    await sleep(300);
    const from = collector.batches.length;
    const fromStatus = collector.statuses.length;
    const t0 = performance.now();
    await collector.call('sync.start', { accountId: bob.id, cursors: [...cursors.values()] });
    const confirmed = new Set();
    await collector.until(
      () => {
        for (const { batch } of collector.batches.slice(from)) if (batch.kind === 'messages' && batch.cursor) confirmed.add(batch.folderPath);
        return selectable.every((p) => confirmed.has(p)) && collector.statuses.slice(fromStatus).some((s) => s.status.state === 'idle');
      },
      'every folder confirmed',
      60_000,
    );
    const ms = performance.now() - t0;
    const batches = collector.batches.slice(from).map((b) => b.batch).filter((b) => b.kind === 'messages');
    runs.push({ ms: round(ms), folders: confirmed.size, upserts: batches.reduce((n, b) => n + b.upserts.length, 0), flagUpdates: batches.reduce((n, b) => n + b.flagUpdates.length, 0) });
    track(from);
  }
  await hostB.stop();
  return {
    how: 'the engine in the browser host, driven over its WebSocket by a collector that acknowledges at once: sync.start with every cursor → every selectable folder confirmed by a batch carrying its cursor and the status idle (includes connect, TLS, login, LIST); median of 5',
    folders: selectable.length,
    medianMs: quantile(runs.map((r) => r.ms), 0.5),
    runs,
  };
}
