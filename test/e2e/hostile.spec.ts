/**
 * Issue #2: a hostile message (scripts, event handlers, javascript: links, a tracking pixel, a
 * form, an iframe, CSS and meta-refresh loads) is shown without running or loading anything.
 * The tracking server records every request: any script, handler or remote load would hit it.
 * Issue #10 §4: after "Show images" only images load; §5: a malformed request does not end
 * the host.
 */
import { request } from 'node:http';
import { HOSTILE_SUBJECT } from '../fixtures/seedMessages.mjs';
import { expect, imapAs, screenshot, test } from './support/fixtures';

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
  await expect(link, 'the former javascript: link is shown as text').toHaveCount(1);
  await link.click({ force: true });

  await page.waitForTimeout(2000);
  expect(tracker.hits, 'the tracking server saw no request at all').toEqual([]);
  expect(pageRequests).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await page.title()).not.toContain('PWNED');
  await expect(page.getByRole('button', { name: 'Show images' })).toBeVisible();
  await screenshot(page, 'hostile-message');
});

const CONSENT_SUBJECT = 'Fonts, cursors and bindings';

/** Raw message whose CSS and markup name every kind of URL a mail can hide outside images. */
function consentMessage(port: number): string {
  const t = `http://127.0.0.1:${port}`;
  const html = [
    '<html><head><style>',
    `@font-face { font-family: Tracked; src: url(${t}/font.woff2) format("woff2"); }`,
    `body { font-family: Tracked, sans-serif; cursor: url(${t}/cursor.cur), auto; }`,
    `.hook { -moz-binding: url(${t}/binding.xml#x); behavior: url(${t}/behavior.htc); }`,
    `.list { list-style-image: url(${t}/bullet.png); }`,
    '</style></head><body>',
    '<p class="hook">Only pictures may load here.</p>',
    '<ul class="list"><li>one item</li></ul>',
    `<img src="${t}/photo.png" alt="photo" width="10" height="10">`,
    `<div style="background-image: url(${t}/background.png); cursor: url(${t}/inline-cursor.cur), auto">a block</div>`,
    `<img src="${t}/broken.png`,
    '<p title="x">after broken markup</p>',
    '</body></html>',
  ].join('\r\n');
  return [
    'From: Totally Legit Promotions <promo@offers.example.com>',
    'To: alice@example.test',
    `Subject: ${CONSENT_SUBJECT}`,
    `Date: ${new Date().toUTCString()}`,
    'Message-ID: <consent-images@offers.example.com>',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
  ].join('\r\n');
}

test('after "Show images" only the images are fetched: no font, cursor, binding or broken-markup URL', async ({ page, app, tracker, stack, signIn }) => {
  await imapAs(stack, 'alice', (client) => client.append('INBOX', consentMessage(tracker.port)));
  await signIn('alice');
  await page.goto(app.url);
  const list = page.getByRole('grid', { name: 'Messages' }).or(page.getByRole('listbox', { name: 'Messages' }));
  await list.getByText(CONSENT_SUBJECT, { exact: true }).click();
  const frame = page.frameLocator('iframe[title]').first();
  await expect(frame.locator('body')).toContainText('Only pictures may load here.');
  expect(tracker.hits, 'nothing before consent').toEqual([]);

  await page.getByRole('button', { name: 'Show images' }).click();
  // All of the message's remote images come back from one round of fetches; once the photo shows
  // as main's data: URL that round is over.
  await expect(frame.getByRole('img', { name: 'photo' })).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(page.getByRole('button', { name: 'Show images' })).toBeHidden();
  expect([...tracker.hits].sort()).toEqual(['/background.png', '/bullet.png', '/photo.png']);
  await screenshot(page, 'consent-images-only');
});

function rawGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('a malformed request gets 400 and the host keeps serving the app', async ({ page, app, signIn }) => {
  const port = Number(new URL(app.url).port);
  expect(await rawGet(port, '/%')).toBe(400);
  expect(await rawGet(port, '/assets/%E0%A4%A')).toBe(400);
  // The same host process still serves the window and answers the contract.
  await signIn('alice');
  await page.goto(app.url);
  const list = page.getByRole('grid', { name: 'Messages' }).or(page.getByRole('listbox', { name: 'Messages' }));
  await expect(list.getByText(HOSTILE_SUBJECT, { exact: true })).toBeVisible();
});
