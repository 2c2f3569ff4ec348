/**
 * Issue #13 §3: the search index's Worker loads under the app's own CSP (WebAssembly compiled
 * with 'wasm-unsafe-eval', sqlite3.wasm fetched from the app's files), keeps its file in the
 * origin-private file system (opfs-sahpool: no COOP/COEP needed) and keeps it between starts.
 *
 * The page starts the built Worker itself (its file found in out/renderer/assets) under an index
 * name of its own, so the app's own index — held by the app's window — is left alone; the app's
 * index is checked by its OPFS directory.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { resultRow, typeSearch } from './support/searchMail';
import { messageList } from './support/session';

const workerFile = readdirSync(join(process.cwd(), 'out/renderer/assets')).find((name) => /^engineWorker-.*\.js$/.test(name));

/** Starts the engine Worker in the page, runs the calls in order, ends it; the replies. */
function runInWorker(page: Page, name: string, calls: [string, unknown[]][]) {
  return page.evaluate(
    async ({ url, name, calls }) => {
      const worker = new Worker(url, { type: 'module' });
      const replies: unknown[] = [];
      try {
        worker.postMessage({ kind: 'open', name });
        for (const [index, [method, args]] of calls.entries()) {
          replies.push(
            await new Promise((resolve, reject) => {
              worker.onerror = (event) => reject(new Error(`worker error: ${event.message}`));
              worker.onmessage = (event: MessageEvent<{ kind: string; id?: number; ok?: boolean; value?: unknown; error?: { message: string } }>) => {
                if (event.data.kind !== 'reply' || event.data.id !== index) return;
                // Maps and Sets as arrays: what page.evaluate can hand back.
                const value = event.data.value;
                if (event.data.ok) resolve(value instanceof Map || value instanceof Set ? [...value] : value);
                else reject(new Error(event.data.error?.message));
              };
              worker.postMessage({ kind: 'call', id: index, method, args });
            }),
          );
        }
      } finally {
        worker.terminate();
      }
      return replies;
    },
    { url: `/assets/${workerFile}`, name, calls },
  );
}

const folder = { accountId: 'probe', folderPath: 'INBOX' };
const doc = {
  uid: 7,
  date: Date.UTC(2026, 11, 1),
  bits: 0,
  size: 1200,
  attachment: true,
  subject: 'Coördinatie oplevering',
  from: 'Mevrouw de Vries vries@example.test',
  to: 'info@example.test',
  cc: '',
  filenames: 'planning.pdf',
  snippet: 'De planning staat in de bijlage',
  body: null,
};
const query = { clauses: [[{ term: { kind: 'text', field: 'any', value: 'coordinatie', phrase: false }, negated: false }]], folders: null, limit: 50 };

test('the index Worker runs SQLite in OPFS under the app CSP and keeps its file between starts', async ({ page, app, signIn }) => {
  expect(workerFile, 'build first: out/renderer/assets/engineWorker-*.js').toBeDefined();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await signIn('alice');
  await page.goto(app.url);
  await expect(messageList(page).getByText('Quarterly report draft', { exact: true })).toBeVisible();

  // What the engine needs of the browser context.
  expect(await page.evaluate(() => ({ locks: 'locks' in navigator, opfs: typeof navigator.storage?.getDirectory === 'function', secure: isSecureContext }))).toEqual({
    locks: true,
    opfs: true,
    secure: true,
  });

  const [, stats, found] = (await runInWorker(page, 'e2e-probe', [
    ['apply', [[{ op: 'upsert', folder, docs: [doc] }, { op: 'state', folder, state: { epoch: 1, rev: 3 } }]]],
    ['stats', []],
    ['search', [query]],
  ])) as [unknown, { storage: string; docs: number }, { hits: { uid: number }[] }];
  expect(stats).toMatchObject({ storage: 'opfs', docs: 1 });
  expect(found.hits.map((hit) => hit.uid)).toEqual([7]);

  // A new Worker (as after a restart) finds the index where it was left.
  const [again, states] = (await runInWorker(page, 'e2e-probe', [
    ['search', [query]],
    ['states', []],
  ])) as [{ hits: { uid: number }[] }, [string, { epoch: number; rev: number }][]];
  expect(again.hits.map((hit) => hit.uid)).toEqual([7]);
  expect(states).toEqual([['probe\u0000INBOX', { epoch: 1, rev: 3 }]]);

  // The app's own index lives in OPFS too, in its own pool beside the probe's.
  await expect
    .poll(() => page.evaluate(async () => {
      const names: string[] = [];
      for await (const name of (await navigator.storage.getDirectory()).keys()) names.push(name);
      return names.sort();
    }))
    .toEqual(['.search-e2e-probe', '.search-postvak-search']);
  expect(refused).toEqual([]);
});

/** The Web Locks of the page's origin named for the app's index: held and waiting. */
const indexLocks = (page: Page) =>
  page.evaluate(async () => {
    const state = await navigator.locks.query();
    const mine = (list: LockInfo[] | undefined) => (list ?? []).filter((lock) => lock.name === 'postvak-search-index:postvak-search').length;
    return { held: mine(state.held), waiting: mine(state.pending) };
  });

test('two windows of the app share one index: one holds it, the other waits and takes over when the first closes', async ({ page, app, signIn }) => {
  await signIn('alice');
  await page.goto(app.url);
  await expect(messageList(page).getByText('Quarterly report draft', { exact: true })).toBeVisible();
  const second = await page.context().newPage();
  await second.goto(app.url);
  await expect(messageList(second).getByText('Quarterly report draft', { exact: true })).toBeVisible();
  await expect.poll(() => indexLocks(second)).toEqual({ held: 1, waiting: 1 });

  const warnings: string[] = [];
  second.on('console', (message) => {
    if (message.text().startsWith('search index:')) warnings.push(message.text());
  });
  await page.close();
  await expect.poll(() => indexLocks(second)).toEqual({ held: 1, waiting: 0 });
  // The second window now runs the index Worker on the same OPFS file (the first one's handles
  // are free): its search finds the message, and the Worker never fell back to memory.
  await typeSearch(second, 'appelt');
  await expect(resultRow(second, 'Recept appeltaart')).toBeVisible({ timeout: 30_000 });
  await expect(resultRow(second, 'Quarterly report draft')).toHaveCount(0);
  expect(warnings).toEqual([]);
});
