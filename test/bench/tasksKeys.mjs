/**
 * `npm run bench -- --only tasks`, second half (issue #12 "Done means": the time from the key
 * press to the rows leaving the list, target ≤ 100 ms). The app in Chromium, catchall's own
 * folder of `FILL` messages: select N rows the way a person does (click the first, Shift+click
 * the last, scrolling the list to it), press the archive key, and time in the page, from the
 * keydown event's own time stamp to the first DOM change after which none of the selected rows
 * is in the document (a MutationObserver), and to the animation frame after it (the frame that
 * paints the shorter list). Each run waits for the server's answer and the sync to bring it
 * before the next one, so runs do not overlap; the median of RUNS runs per N is reported.
 */
/* global window, document, MutationObserver, requestAnimationFrame */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import { cacheState } from './page.mjs';
import { quantile, round, waitFor } from './util.mjs';

const USER = 'catchall';
const FOLDER = 'BenchKeys';
const ARCHIVE = 'Archive';
const SIZES = [1, 50, 1000];
const RUNS = 5;
const FILL = SIZES.reduce((n, size) => n + size * RUNS, 0) + 200;
const ROW_HEIGHT = 76; // src/renderer/features/mail/MessageList.tsx
const VIEWPORT = { width: 1280, height: 60 * ROW_HEIGHT + 400 };

/** Scrolls the message list so that row `position` (1-based) is in its viewport, as the scrollbar would. */
function scrollListTo(list, position, count) {
  return list.evaluate(
    (scroller, [at, total]) => {
      scroller.scrollTop = Math.max(0, ((at - 1) / total) * scroller.scrollHeight - scroller.clientHeight / 2);
    },
    [position, count],
  );
}

/**
 * Selects rows 1…`size` through the UI: a click on the first, a Shift+click on the last.
 * → the DOM ids of the selected rows on screen (those whose leaving is timed).
 */
async function selectRows(page, size, count) {
  const list = page.getByRole('listbox', { name: 'Messages' });
  await scrollListTo(list, 1, count);
  const first = list.locator('[role="option"][aria-posinset="1"]');
  await first.click();
  if (size > 1) {
    await scrollListTo(list, size, count);
    await list.locator(`[role="option"][aria-posinset="${size}"]`).click({ modifiers: ['Shift'] });
  }
  await waitFor(
    async () => (await list.locator('[role="option"][aria-selected="true"]').count()) > 0,
    'the selected rows marked aria-selected',
    10_000,
    20,
  );
  return list.locator('[role="option"][aria-selected="true"]').evaluateAll((rows) => rows.map((row) => row.id));
}

/** Presses `key` and → { goneMs, frameMs } in the page's clock from the keydown's time stamp; nulls after 10 s. */
async function pressAndTime(page, key, ids) {
  await page.evaluate((selected) => {
    window.__benchGone = new Promise((resolve) => {
      let pressedAt = null;
      window.addEventListener('keydown', (event) => (pressedAt ??= event.timeStamp), { capture: true, once: true });
      // Gone, and the list still drawn (other rows in it): a list blanked for a moment is not the rows leaving.
      const gone = () => selected.every((id) => !document.getElementById(id)) && document.querySelector('[role="listbox"] [role="option"]') !== null;
      const observer = new MutationObserver(() => {
        if (pressedAt === null || !gone()) return;
        observer.disconnect();
        const goneAt = performance.now();
        requestAnimationFrame(() => resolve({ goneMs: goneAt - pressedAt, frameMs: performance.now() - pressedAt }));
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
      setTimeout(() => {
        observer.disconnect();
        resolve({ goneMs: null, frameMs: null });
      }, 10_000);
    });
  }, ids);
  await page.keyboard.press(key);
  return page.evaluate(() => window.__benchGone);
}

/**
 * @param {{ stack: object, browserType: object, launchOptions: object, log: Function, cleanups: Function[], key: string }} deps
 * `key`: the default scheme's archive key as Playwright presses it (from the command registry).
 * → { key, user, folder, fill, sizes: [{ selected, medianMs, medianFrameMs, runs }], chromium }
 */
export async function keysBench({ stack, browserType, launchOptions, log, cleanups, key }) {
  log(`tasks: filling ${USER}/${FOLDER} with ${FILL} messages for the key-press runs…`);
  await fillMaildir(stack, USER, FOLDER, FILL, { seed: 47 });
  const profile = mkdtempSync(join(os.tmpdir(), 'postvak-bench-keys-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  cleanups.push(() => host.stop());
  const browser = await browserType.launch(launchOptions);
  cleanups.push(() => browser.close());
  try {
    const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, USER, 'Catch-all'), rememberPassword: false });
    if (!added.ok) throw new Error(`accounts.add ${USER}: ${JSON.stringify(added.error)}`);
    const accountId = added.value.id;
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await page.goto(host.url);
    const folderItem = page.getByRole('treeitem', { name: new RegExp(`^${FOLDER}(,|$)`) });
    await folderItem.waitFor({ state: 'visible', timeout: 60_000 });
    await folderItem.click();
    const counts = async () => ({
      folder: (await cacheState(page, accountId, FOLDER, false)).counted ?? 0,
      archive: (await cacheState(page, accountId, ARCHIVE, false)).counted ?? 0,
    });
    await waitFor(async () => (await counts()).folder === FILL && (await cacheState(page, accountId, ARCHIVE, false)).cursor !== null, `${FILL} rows of ${FOLDER} in the cache`, 300_000, 250);
    let expected = await counts();
    const sizes = [];
    for (const size of SIZES) {
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        let remaining = expected.folder;
        const ids = await selectRows(page, size, remaining);
        const timing = await pressAndTime(page, key, ids);
        runs.push({ goneMs: round(timing.goneMs, 1), frameMs: round(timing.frameMs, 1), rowsOnScreen: ids.length });
        remaining -= size;
        expected = { folder: remaining, archive: expected.archive + size };
        // The server's answer and the sync that brings it, before the next run.
        await waitFor(
          async () => {
            const now = await counts();
            return now.folder === expected.folder && now.archive === expected.archive;
          },
          `${size} messages archived on the server and in the cache`,
          120_000,
          100,
        );
        log(`tasks: ${size} selected: gone after ${runs.at(-1).goneMs} ms (frame ${runs.at(-1).frameMs} ms)`);
      }
      const measured = runs.filter((r) => r.goneMs !== null);
      sizes.push({
        selected: size,
        medianMs: quantile(measured.map((r) => r.goneMs), 0.5),
        medianFrameMs: quantile(measured.map((r) => r.frameMs), 0.5),
        runs,
      });
    }
    return {
      how: `catchall's ${FOLDER} (${FILL} messages, viewport ${VIEWPORT.width}×${VIEWPORT.height}); rows 1…N selected by a click and a Shift+click; ${key} pressed; keydown time stamp → the first DOM change with none of the selected rows left (MutationObserver), and → the next animation frame; each run waits for the server and the sync; median of ${RUNS}`,
      key,
      user: USER,
      folder: FOLDER,
      fill: FILL,
      sizes,
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}
