/**
 * Issue #10 §7: alice, bob and carol signed in in one profile all reach info@ (alice and bob with
 * full access, carol read-only). info@ is in the folder tree once, saying which account it is
 * used through; Settings → Mailboxes lists it once with "Used through"; an event in its calendar
 * is drawn once and its reminder shows once. Choosing bob's account there moves it, still once.
 */
import { stackAccount } from '../../scripts/lib.mjs';
import { expect, screenshot, test } from './support/fixtures';
import { mailboxNode } from './support/session';
import { eventButton, openCalendar } from './calendar/calendarDesk';
import { INFO, appointment, personAt, remindersPanel, saveEvent } from './calendar/remindersSupport';

const CALENDAR = `shared/${INFO}/Calendar`;
// Thursday 14 March 2030 in Amsterdam (CET): away from the seed's meetings and their alarms.
const DAY = '2030-03-14';
const at = (time: string) => new Date(`${DAY}T${time}:00+01:00`);

test('info@ reached through alice, bob and carol shows once, its event is drawn once and its reminder shows once', async ({ browser, stack, tracker: _fresh }) => {
  test.setTimeout(180_000);
  const alice = await personAt(browser, stack, 'alice', { clock: at('09:30') });
  const { page } = alice;
  try {
    await expect(mailboxNode(page, INFO)).toBeVisible({ timeout: 30_000 });
    const ids: string[] = [];
    for (const user of ['bob', 'carol'] as const) {
      const added = await alice.call('accounts.add', { ...stackAccount(stack, user, user), rememberPassword: false });
      expect(added.ok, JSON.stringify(added.error)).toBe(true);
      ids.push((added.value as { id: string }).id);
    }
    const bobId = ids[0]!;

    // Settings → Mailboxes: once, used through alice, with bob and carol (read-only) to choose from
    // — which also says all three accounts reported what they reach.
    await page.getByRole('button', { name: 'Settings' }).click();
    const mailboxes = page.getByRole('region', { name: 'Mailboxes' });
    const infoItem = mailboxes.getByRole('listitem').filter({ hasText: INFO });
    const usedThrough = infoItem.getByRole('combobox', { name: 'Used through' });
    await expect(usedThrough.getByRole('option')).toHaveText(['alice@example.test', 'bob@example.test', 'carol@example.test (read-only)'], { timeout: 30_000 });
    await expect(infoItem).toHaveCount(1);
    await expect(usedThrough).toHaveValue(alice.accountId);
    await expect(mailboxes.getByRole('listitem').filter({ hasText: 'sales@example.test' })).toHaveCount(1);
    await screenshot(page, 'settings-used-through');
    await page.getByRole('button', { name: 'Back to mail' }).click();

    // The tree: one info@, saying which account it is used through.
    await expect(mailboxNode(page, 'sales@example.test')).toBeVisible();
    await expect(mailboxNode(page, INFO)).toHaveCount(1);
    await expect(mailboxNode(page, INFO)).toContainText('through alice@example.test');
    await screenshot(page, 'tree-info-once');

    // An event in info@'s calendar: one calendar to tick, one event drawn.
    const uid = `teamoverleg-${Date.now()}@example.test`;
    await saveEvent(alice, CALENDAR, appointment({ uid, summary: 'Teamoverleg info', date: DAY, start: '10:00', end: '11:00', alarm: 15, by: alice.email }));
    await openCalendar(page, DAY);
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${INFO.replace(/\./g, '\\.')}`) })).toHaveCount(1);
    const drawn = eventButton(page, 'Teamoverleg info', '10:00–11:00');
    await expect(drawn).toBeVisible({ timeout: 30_000 });
    await expect(drawn).toHaveCount(1);
    await screenshot(page, 'calendar-event-once');

    // Its reminder at 09:45: one entry in the panel, one notification.
    await page.clock.fastForward('16:00');
    const reminder = remindersPanel(page).getByRole('listitem', { name: 'Teamoverleg info' });
    await expect(reminder).toBeVisible({ timeout: 20_000 });
    await expect(reminder).toHaveCount(1);
    const ours = async () => (await alice.notifications()).filter((n) => n.title.includes('Teamoverleg info') && n.title.includes(INFO));
    await expect.poll(async () => (await ours()).length).toBeGreaterThan(0);
    expect(await ours()).toHaveLength(1);
    await screenshot(page, 'reminder-once');

    // The person chooses bob's account in Settings: info@ is then used through bob, still once.
    await remindersPanel(page).getByRole('listitem', { name: 'Teamoverleg info' }).getByRole('button', { name: 'Dismiss Teamoverleg info' }).click();
    await page.getByRole('button', { name: 'Mail', exact: true }).click();
    await page.getByRole('button', { name: 'Settings' }).click();
    await usedThrough.selectOption({ label: 'bob@example.test' });
    await expect(usedThrough).toHaveValue(bobId, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Back to mail' }).click();
    await expect(mailboxNode(page, INFO)).toContainText('through bob@example.test', { timeout: 30_000 });
    await expect(mailboxNode(page, INFO)).toHaveCount(1);
    await screenshot(page, 'tree-info-through-bob');
  } finally {
    await alice.close();
  }
});
