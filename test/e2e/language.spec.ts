/**
 * Issue #2: Postvak follows the system language (here the browser's, as the browser host does)
 * and can be switched in Settings; the choice is remembered.
 */
import { expect, screenshot, test } from './support/fixtures';

test.describe('in Dutch', () => {
  test.use({ locale: 'nl-NL' });

  test('starts in Dutch and switches to English in Settings', async ({ page, app, signIn }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Voeg je mailaccount toe' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toBeVisible();
    await screenshot(page, 'setup-nl');

    await signIn('alice');
    await page.reload();
    await expect(page.getByRole('treeitem', { name: /^Postvak IN/ }).first()).toBeVisible();
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await page.getByRole('combobox', { name: 'Taal' }).selectOption({ label: 'English' });
    await expect(page.getByRole('button', { name: 'Back to mail' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Back to mail' }).or(page.getByRole('button', { name: 'Settings' }))).toBeVisible();
    await screenshot(page, 'settings-en');
  });
});
