/**
 * `npm run bench -- --only tasks`, second half (issue #12 "Done means": the time from the key
 * press to the rows leaving the list, target ≤ 100 ms). The app in Chromium, catchall's own
 * folder of `FILL` messages: select N rows the way a person does (click the first, Shift+click
 * the last, scrolling the list to it), press the archive key, and time in the page, from the
 * keydown event's own time stamp to the first DOM change after which none of the selected rows
 * is in the document (a MutationObserver), and to the animation frame after it (the frame that
 * paints the shorter list). Each run waits for the server's answer and the sync to bring it
 * before the next one, so runs do not overlap; the median of RUNS runs per N is reported.
 * Last, the remaining ALL (10,000) rows at once (Ctrl+A): rows gone, and archived on the server
 * with the sync back in the cache.
 */
/* global window, document, MutationObserver, requestAnimationFrame */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { hostCall, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import { cacheState } from './page.mjs';
import { cpuSummary } from './cpuSummary.mjs';
import { quantile, round, waitFor } from './util.mjs';

const USER = 'catchall';
const FOLDER = 'BenchKeys';
const ARCHIVE = 'Archive';
const SIZES = [1, 50, 1000];
const RUNS = 5;
/** What is left after the sized runs: selected at once with Ctrl+A and archived in one go. */
const ALL = 10_000;
const FILL = SIZES.reduce((n, size) => n + size * RUNS, 0) + ALL;
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

/**
 * Presses `key` → { goneMs, frameMs } in the page's clock from the keydown's time stamp (nulls
 * after 10 s), and `pressedAt`, performance.now() here just before the press.
 */
async function pressAndTime(page, key, ids, { emptyAfter = false } = {}) {
  await page.evaluate(([selected, empty]) => {
    window.__benchGone = new Promise((resolve) => {
      let pressedAt = null;
      window.addEventListener('keydown', (event) => (pressedAt ??= event.timeStamp), { capture: true, once: true });
      // Gone, and the list still drawn (other rows in it, unless every row left): a list blanked
      // for a moment is not the rows leaving.
      const gone = () => selected.every((id) => !document.getElementById(id)) && (empty || document.querySelector('[role="listbox"] [role="option"]') !== null);
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
  }, [ids, emptyAfter]);
  const pressedAt = performance.now();
  await page.keyboard.press(key);
  return { ...(await page.evaluate(() => window.__benchGone)), pressedAt };
}

/**
 * @param {{ stack: object, browserType: object, launchOptions: object, log: Function, cleanups: Function[], key: string, selectAllKey: string }} deps
 * `key`, `selectAllKey`: the default scheme's archive and select-all keys as Playwright presses them (from the command registry).
 * → { key, user, folder, fill, sizes: [{ selected, medianMs, medianFrameMs, runs }], all: { selected, goneMs, frameMs, archivedMs }, chromium }
 */
export async function keysBench({ stack, browserType, launchOptions, log, cleanups, key, selectAllKey }) {
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
    /** The server's answer and the sync that brings it (before the next run): → performance.now() then. */
    const untilArchived = async (size) => {
      expected = { folder: expected.folder - size, archive: expected.archive + size };
      await waitFor(
        async () => {
          const now = await counts();
          return now.folder === expected.folder && now.archive === expected.archive;
        },
        `${size} messages archived on the server and in the cache`,
        300_000,
        100,
      );
      return performance.now();
    };
    const sizes = [];
    for (const size of SIZES) {
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const ids = await selectRows(page, size, expected.folder);
        const timing = await pressAndTime(page, key, ids);
        runs.push({ goneMs: round(timing.goneMs, 1), frameMs: round(timing.frameMs, 1), rowsOnScreen: ids.length });
        await untilArchived(size);
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
    // The rest at once: a click on the first row, the select-all key, the archive key.
    const rest = expected.folder;
    const list = page.getByRole('listbox', { name: 'Messages' });
    await scrollListTo(list, 1, rest);
    await list.locator('[role="option"][aria-posinset="1"]').click();
    await page.keyboard.press(selectAllKey);
    await waitFor(async () => (await list.locator('[role="option"][aria-selected="false"]').count()) === 0, 'every row selected', 10_000, 20);
    const ids = await list.locator('[role="option"][aria-selected="true"]').evaluateAll((rows) => rows.map((row) => row.id));
    // Where the page's time goes until the rows are gone (a target missed comes with its reason).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    const timing = await pressAndTime(page, key, ids, { emptyAfter: true });
    const { profile } = await cdp.send('Profiler.stop');
    const archivedAt = await untilArchived(rest);
    const all = {
      selected: rest,
      goneMs: round(timing.goneMs, 1),
      frameMs: round(timing.frameMs, 1),
      archivedMs: round(archivedAt - timing.pressedAt),
      profile: cpuSummary(profile, { top: 10 }),
    };
    log(`tasks: all ${rest} selected: gone after ${all.goneMs} ms, on the server and back in the cache after ${all.archivedMs} ms`);
    return {
      how: `catchall's ${FOLDER} (${FILL} messages, viewport ${VIEWPORT.width}×${VIEWPORT.height}); rows 1…N selected by a click and a Shift+click; ${key} pressed; keydown time stamp → the first DOM change with none of the selected rows left (MutationObserver), and → the next animation frame; each run waits for the server and the sync; median of ${RUNS}; then the remaining ${ALL} selected with ${selectAllKey} and archived at once (one run; "archived" = the cache's counters of ${FOLDER} and ${ARCHIVE} after the sync, polled every 100 ms)`,
      key,
      user: USER,
      folder: FOLDER,
      fill: FILL,
      sizes,
      all,
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}
