/**
 * Issue #3 "the newest mail on screen within a second": a folder the person opens while the
 * first sync is still working through the others goes next (sync.focus), instead of waiting
 * for its turn behind every folder ahead of it.
 */
import type { Page } from '@playwright/test';
import { fillMaildir } from '../mailstack/mailstack.mjs';
import { expect, screenshot, test } from './support/fixtures';
import { messageList } from './support/session';

const PROJECTS = 40;

/** Folder paths the page's cache holds a cursor for (a pass completed), from IndexedDB directly. */
function foldersWithCursor(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('postvak');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('cursors', 'readonly').objectStore('cursors').getAllKeys();
          request.onsuccess = () => {
            db.close();
            resolve((request.result as [string, string][]).map(([, path]) => path));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

test('a folder opened during the first sync shows its mail before the folders ahead of it', async ({ page, app, signIn, stack }) => {
  // Many small folders ahead of "Zeta" in the sync order (names sort after the role folders).
  for (let i = 0; i < PROJECTS; i++) await fillMaildir(stack, 'bob', `Project ${String(i).padStart(2, '0')}`, 2, { seed: 500 + i });
  await fillMaildir(stack, 'bob', 'Zeta', 3, { seed: 600 });
  await signIn('bob');

  await page.goto(app.url);
  const zeta = page.getByRole('treeitem', { name: /^Zeta(,|$)/ });
  await zeta.click();
  await expect(zeta).toHaveAttribute('aria-selected', 'true');
  await expect(messageList(page).getByRole('option')).toHaveCount(3);

  // Zeta came before the folders that were still waiting when it was opened.
  const synced = await foldersWithCursor(page);
  const projectsDone = synced.filter((path) => path.startsWith('Project ')).length;
  expect(synced).toContain('Zeta');
  expect(projectsDone).toBeLessThan(PROJECTS);
  await screenshot(page, 'zeta-first');

  // And the rest still arrives: every project folder gets its pass.
  await expect.poll(async () => (await foldersWithCursor(page)).filter((path) => path.startsWith('Project ')).length, { timeout: 30_000 }).toBe(PROJECTS);
});
