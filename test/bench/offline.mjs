/** Postvak's offline full-body sync measured in its own browser host (issue #3 §7, "against mbsync"). */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { hostCall, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { waitFor } from './util.mjs';

/** Postvak's offline full-body sync ("keep mail offline", issue #3 §3) of one folder of carol's. */
export async function offlinePull(stack, folder, expected) {
  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-offline-'));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  try {
    const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, 'carol', 'Carol'), rememberPassword: false });
    if (!added.ok) throw new Error(`bench: could not add carol: ${added.error?.message}`);
    const accountId = added.value.id;
    const dir = join(profile, 'offline', accountId, createHash('sha1').update(folder, 'utf8').digest('hex'));
    // The store keeps packs (<n>.pack) with one index each (<n>.idx: JSON [[uid, offset, length], …],
    // written once the pack's data is); a source counts once its index lists it.
    const count = () => {
      if (!existsSync(dir)) return 0;
      let n = 0;
      for (const v of readdirSync(dir)) {
        for (const f of readdirSync(join(dir, v))) {
          if (!/^\d+\.idx$/.test(f)) continue;
          try {
            n += JSON.parse(readFileSync(join(dir, v, f), 'utf8')).length;
          } catch {
            // Gone (compacted) between the listing and the read: counted on the next poll.
          }
        }
      }
      return n;
    };
    const t0 = performance.now();
    const set = await hostCall(host, 'mailboxes.setOffline', { accountId, mailboxId: `${accountId}:own`, days: 3650 });
    if (!set.ok) throw new Error(`bench: setOffline failed: ${set.error?.message}`);
    await waitFor(() => count() >= expected, `${expected} offline sources`, 300_000, 50);
    const seconds = (performance.now() - t0) / 1000;
    const others = readdirSync(join(profile, 'offline', accountId)).length - 1;
    return { count: count(), seconds, rate: expected / seconds, others };
  } finally {
    await host.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}
