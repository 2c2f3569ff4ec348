/**
 * `npm run bench -- --only tasks` (issue #12 "Done means"):
 *  - moving `--tasks-count` (10,000) messages in one task: the server's time for the task and the
 *    time until the list has updated, and the same for its undo (tasksMove.ts, the real services
 *    and the renderer's cache code in Node);
 *  - the time from the key press to the rows leaving the list, for 1, 50 and 1,000 selected rows
 *    (target ≤ 100 ms; tasksKeys.mjs, the app in Chromium).
 * Figures only: nothing here is asserted (HOUSE_STYLE.md).
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import { keysBench } from './tasksKeys.mjs';
import { round } from './util.mjs';

const MOVE_USER = 'carol';
const SOURCE = 'BenchMove';
const TARGET = 'BenchMoved';

/**
 * @param {object} out the `tasks` object of the bench results (filled in here)
 * @param {{ stack: object, count: number, browserType: object, launchOptions: object, log: Function, cleanups: Function[], keys?: boolean }} deps
 */
export async function tasksBench(out, deps) {
  const { stack, count, log } = deps;
  try {
    // The TypeScript of main and of the renderer's cache, run by Vite's module runner (one runner:
    // one instance of every module, as in the app).
    const { moveBench, createFolder } = (await runnerImport(fileURLToPath(new URL('./tasksMove.ts', import.meta.url)))).module;
    log(`tasks: filling ${MOVE_USER}/${SOURCE} with ${count} messages…`);
    const fill = await fillMaildir(stack, MOVE_USER, SOURCE, count, { seed: 46 });
    out.fill = { folder: SOURCE, count: fill.count, seconds: round(fill.totalMs / 1000, 2) };
    await createFolder(stack, MOVE_USER, TARGET);
    out.move = await moveBench({ stack, user: MOVE_USER, source: SOURCE, target: TARGET, count, log });
  } catch (error) {
    out.move = { error: String(error?.stack ?? error) };
    log(`tasks: the move bench failed: ${error}`);
  }
  if (deps.keys !== false) {
    try {
      // The default (Outlook) scheme's archive key, from the command registry the `?` overlay shows.
      const { commandKey } = (await runnerImport(fileURLToPath(new URL('../e2e/support/commandKeys.ts', import.meta.url)))).module;
      out.keys = await keysBench({ ...deps, key: commandKey('archive'), selectAllKey: commandKey('selectAll') });
    } catch (error) {
      out.keys = { error: String(error?.stack ?? error) };
      log(`tasks: the key-press bench failed: ${error}`);
    }
  }
  return out;
}

const ms = (x) => (x === null || x === undefined ? '–' : `${x} ms`);

/** The tasks part's rows of the bench table: [measure, result, target, met]. */
export function tasksRows(r) {
  const rows = [];
  const m = r.move;
  if (!m || m.error) rows.push(['Move in one task', m?.error ? `failed: ${m.error.split('\n')[0]}` : 'not measured', '', null]);
  else {
    const phase = (name, p) => [
      [`${name}: server (tasks.queue round trip)`, ms(p.serverMs), '', null],
      [`${name}: until the list has updated (cache: source cleared / target full)`, `${ms(p.listUpdatedMs)} (${p.sourceClearedMs} / ${p.targetFilledMs} ms, ${p.batches} batches)`, '', null],
    ];
    rows.push(...phase(`Move ${m.count} messages in one task`, m.move));
    if (m.undo) rows.push(...phase(`  its undo (${m.undoTask})`, m.undo));
    else rows.push(['  its undo', 'no undo task answered', '', null]);
    rows.push([`  raw imapflow UID MOVE of ${m.count} (there / back)`, `${m.rawMove.thereMs} / ${m.rawMove.backMs} ms`, '', null]);
    rows.push([`  initial sync of ${m.count} into the cache`, `${m.initialSyncSeconds} s`, '', null]);
  }
  const k = r.keys;
  if (!k || k.error) rows.push(['Key press → rows gone from the list', k?.error ? `failed: ${k.error.split('\n')[0]}` : 'not measured', '≤ 100 ms', null]);
  else {
    for (const run of k.sizes) {
      rows.push([
        `Key press (${k.key}) → ${run.selected} selected row${run.selected === 1 ? '' : 's'} gone from the list`,
        run.medianMs === null ? '–' : `${run.medianMs} ms (median; ${run.runs.map((x) => x.goneMs).join(' / ')}), next frame ${run.medianFrameMs} ms`,
        '≤ 100 ms',
        run.medianMs === null ? null : run.medianMs <= 100,
      ]);
    }
    const all = k.all;
    if (all) {
      rows.push([`Key press (${k.key}) → all ${all.selected} rows (Ctrl+A) gone from the list`, `${ms(all.goneMs)} (one run), next frame ${ms(all.frameMs)}`, '≤ 100 ms', all.goneMs === null ? null : all.goneMs <= 100]);
      rows.push([`  → archived on the server and the sync back in the cache`, ms(all.archivedMs), '', null]);
      const top = all.profile?.top.slice(0, 3).map((f) => `${f.fn} ${f.selfMs} ms`).join('; ');
      if (top) rows.push(['  page CPU until gone: top functions (self time)', `${top} (GC ${all.profile.gcMs} ms)`, '', null]);
    }
  }
  return rows;
}
