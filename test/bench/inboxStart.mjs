/** The mail part's start of the app on a big Inbox (scripts/bench.mjs, issue #3 §7). */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { syncStartedAt, visibleRows } from './page.mjs';
import { round, waitFor } from './util.mjs';

/** One start of the app on catchall@'s big Inbox: → { fromNavigationMs, fromSyncStartMs }. */
export async function inboxFirstRows(stack, { launchBrowser, firstRows: FIRST_ROWS, rowHeight: ROW_HEIGHT }) {
  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-inbox-'));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  const browser = await launchBrowser();
  try {
    const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, 'catchall', 'Catch-all'), rememberPassword: false });
    if (!added.ok) throw new Error(`accounts.add catchall: ${JSON.stringify(added.error)}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: FIRST_ROWS * ROW_HEIGHT + 400 } });
    const page = await context.newPage();
    const tNav = performance.now();
    await page.goto(host.url);
    await waitFor(async () => (await visibleRows(page)) >= FIRST_ROWS, `${FIRST_ROWS} Inbox rows on screen`, 120_000, 10);
    const rowsAt = Date.now();
    const tRows = performance.now();
    const started = await syncStartedAt(page);
    return { fromNavigationMs: round(tRows - tNav), fromSyncStartMs: started === null ? null : round(rowsAt - started) };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}
