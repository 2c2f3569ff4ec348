/**
 * Issue #2: a hostile message (scripts, event handlers, javascript: links, a tracking pixel, a
 * form, an iframe, CSS and meta-refresh loads) is shown without running or loading anything.
 * The tracking server records every request: any script, handler or remote load would hit it.
 */
import { HOSTILE_SUBJECT } from '../fixtures/seedMessages.mjs';
import { expect, screenshot, test } from './support/fixtures';

test('a hostile message runs nothing and loads nothing remote', async ({ page, app, tracker, signIn }) => {
  const pageRequests: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes(`:${tracker.port}`)) pageRequests.push(req.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await signIn('alice');
  await page.goto(app.url);
  const list = page.getByRole('grid', { name: 'Messages' }).or(page.getByRole('listbox', { name: 'Messages' }));
  await list.getByText(HOSTILE_SUBJECT, { exact: true }).click();

  const frameElement = page.locator('iframe[title]').first();
  await expect(frameElement).toBeVisible();
  // The frame may never run scripts: no allow-scripts in its sandbox.
  expect((await frameElement.getAttribute('sandbox'))?.split(/\s+/)).not.toContain('allow-scripts');
  const frame = page.frameLocator('iframe[title]').first();
  await expect(frame.locator('body')).toContainText('This message tries every trick');

  // Nothing dangerous survived sanitising.
  const body = frame.locator('body');
  for (const selector of ['script', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'meta', 'link', 'base', '[onerror]', '[onload]', '[onclick]', 'a[href^="javascript:"]']) {
    await expect(body.locator(selector), selector).toHaveCount(0);
  }
  const remoteRefs = await frame.locator('html').evaluate((html) =>
    html.outerHTML.match(/https?:\/\/127\.0\.0\.1:\d+\/[a-z-]+/g) ?? [],
  );
  expect(remoteRefs, 'no remote URL left in the shown document').toEqual([]);

  // Clicking the former javascript: link does nothing either.
  const link = frame.getByText('click', { exact: true });
  if (await link.count()) await link.click({ force: true });

  await page.waitForTimeout(2000);
  expect(tracker.hits, 'the tracking server saw no request at all').toEqual([]);
  expect(pageRequests).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await page.title()).not.toContain('PWNED');
  await expect(page.getByRole('button', { name: 'Show images' })).toBeVisible();
  await screenshot(page, 'hostile-message');
});
