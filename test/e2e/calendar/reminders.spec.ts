/**
 * Issue #5 §6, "Done means": a reminder fires for bob at the alarm time of an event alice put in
 * info@'s shared calendar (test clock), naming info@; his dismissal leaves alice's reminder
 * untouched; a snooze fires again when it ends; a reminder that fell due while the app was closed
 * shows once on start, as missed, and not again after a reload.
 */
import { expect, screenshot, test } from '../support/fixtures';
import { INFO, appointment, personAt, remindersPanel, saveEvent } from './remindersSupport';

const CALENDAR = `shared/${INFO}/Calendar`;
// Wednesday 13 March 2030 in Amsterdam (CET, UTC+1): far from the seed's Monday meeting alarms.
const DAY = '2030-03-13';
const at = (time: string) => new Date(`${DAY}T${time}:00+01:00`);

test('bob and alice each get the reminder of an event in info@; dismissal and snooze are per person', async ({ browser, stack, tracker: _fresh }) => {
  test.setTimeout(180_000);
  const bob = await personAt(browser, stack, 'bob', { clock: at('09:30') });
  const alice = await personAt(browser, stack, 'alice', { clock: at('09:30') });
  try {
    const uid = `klantbezoek-${Date.now()}@example.test`;
    await saveEvent(alice, CALENDAR, appointment({ uid, summary: 'Klantbezoek Jansen', date: DAY, start: '10:00', end: '11:00', location: 'Dorpsstraat 12', alarm: 15, by: alice.email }));

    // Before the alarm time nothing shows.
    await bob.page.clock.fastForward('10:00');
    await expect(remindersPanel(bob.page)).toHaveCount(0);

    // Past 09:45 the reminder fires for bob, naming the shared calendar's mailbox.
    await bob.page.clock.fastForward('06:00');
    const bobPanel = remindersPanel(bob.page);
    const bobReminder = bobPanel.getByRole('listitem', { name: 'Klantbezoek Jansen' });
    await expect(bobReminder).toBeVisible({ timeout: 20_000 });
    await expect(bobReminder).toContainText(INFO);
    await expect(bobReminder).toContainText('10:00');
    await expect(bobReminder).not.toContainText('Missed');
    // Names from the calendar are bidi-isolated (U+2068 … U+2069) in notifications too (issue #10 §3).
    await expect.poll(() => bob.notifications()).toContainEqual({ title: `\u2068${INFO}\u2069 — \u2068Klantbezoek Jansen\u2069 at 10:00`, body: '\u2068Dorpsstraat 12\u2069' });
    await screenshot(bob.page, 'bob-reminder');

    // The reminder opens its event on its day in the calendar; the panel stays while bob looks.
    await bobReminder.getByRole('button', { name: 'Klantbezoek Jansen', exact: true }).click();
    const opened = bob.page.getByRole('dialog', { name: 'Appointment' });
    await expect(opened.getByRole('textbox', { name: 'Title' })).toHaveValue('Klantbezoek Jansen');
    await expect(opened.getByRole('textbox', { name: 'Location' })).toHaveValue('Dorpsstraat 12');
    await screenshot(bob.page, 'bob-reminder-opens-event');
    await opened.getByRole('button', { name: 'Cancel' }).click();
    await expect(opened).toHaveCount(0);
    await expect(bob.page.getByRole('main', { name: 'Calendar' }).getByRole('button', { name: /^Klantbezoek Jansen, 10:00–11:00, / })).toBeVisible();
    await bobReminder.getByRole('button', { name: 'Dismiss Klantbezoek Jansen' }).click();
    await expect(bobPanel).toHaveCount(0);

    // Alice's reminder is hers: bob's dismissal did not touch it.
    await alice.page.clock.fastForward('16:00');
    const aliceReminder = remindersPanel(alice.page).getByRole('listitem', { name: 'Klantbezoek Jansen' });
    await expect(aliceReminder).toBeVisible({ timeout: 20_000 });
    await expect(aliceReminder).toContainText(INFO);

    // Snoozed for 5 minutes, it is gone, and back when the 5 minutes are over.
    await aliceReminder.getByRole('button', { name: 'Snooze Klantbezoek Jansen for 5 min' }).click();
    await expect(remindersPanel(alice.page)).toHaveCount(0);
    await alice.page.clock.fastForward('04:00');
    await expect(remindersPanel(alice.page)).toHaveCount(0);
    await alice.page.clock.fastForward('01:30');
    await expect(remindersPanel(alice.page).getByRole('listitem', { name: 'Klantbezoek Jansen' })).toBeVisible();
    await screenshot(alice.page, 'alice-snoozed-reminder-again');

    // Bob's dismissed reminder stays dismissed when the cache changes (another event arrives).
    await saveEvent(alice, CALENDAR, appointment({ uid: `lunch-${Date.now()}@example.test`, summary: 'Lunch met leverancier', date: DAY, start: '12:30', end: '13:30', alarm: 15, by: alice.email }));
    await bob.page.clock.fastForward('01:00');
    await expect(bobPanel).toHaveCount(0);
  } finally {
    await Promise.all([bob.close(), alice.close()]);
  }
});

test('a reminder that fell due while the app was closed shows once on start, as missed', async ({ browser, stack, tracker: _fresh }) => {
  test.setTimeout(180_000);
  const bob = await personAt(browser, stack, 'bob', { clock: at('09:30') });
  try {
    const uid = `offerte-${Date.now()}@example.test`;
    await saveEvent(bob, CALENDAR, appointment({ uid, summary: 'Offerte nabellen', date: DAY, start: '11:00', end: '11:15', alarm: 15, by: bob.email }));
    // The app has the event (it shows nothing yet: the alarm is at 10:45).
    await expect
      .poll(() => bob.page.evaluate(async (eventUid) => {
        const open = indexedDB.open('postvak');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const rows = await new Promise<{ event: { uid: string } | null }[]>((resolve) => {
          const request = db.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return rows.some((row) => row.event?.uid === eventUid);
      }, uid), { timeout: 20_000 })
      .toBe(true);
    const url = bob.page.url();

    // Bob closes Postvak at 09:31 and opens it again at 11:30.
    await bob.page.goto('about:blank');
    await bob.page.clock.fastForward('02:00:00');
    await bob.page.goto(url);
    const reminder = remindersPanel(bob.page).getByRole('listitem', { name: 'Offerte nabellen' });
    await expect(reminder).toBeVisible({ timeout: 20_000 });
    await expect(reminder).toContainText('Missed');
    await screenshot(bob.page, 'bob-missed-reminder');

    // Once: after a reload it is not shown again.
    await bob.page.reload();
    await expect(bob.page.getByRole('button', { name: 'Settings' })).toBeVisible();
    await bob.page.clock.fastForward('00:05');
    await expect(remindersPanel(bob.page)).toHaveCount(0);
  } finally {
    await bob.close();
  }
});

test('with reminders off for info@ bob gets only his own calendar’s reminder', async ({ browser, stack, tracker: _fresh }) => {
  test.setTimeout(180_000);
  const bob = await personAt(browser, stack, 'bob', { clock: at('09:30') });
  try {
    // The app creates bob's own calendar on its first sync; asking at the same moment can meet
    // that creation half-way (ALREADYEXISTS), so ask until it answers with the folder.
    const ensureOwn = () => bob.call('calendar.ensure', { accountId: bob.accountId, mailboxId: `${bob.accountId}:own` });
    await expect.poll(async () => (await ensureOwn()).ok).toBe(true);
    const ownPath = ((await ensureOwn()).value as { folderPath: string }).folderPath;
    await saveEvent(bob, CALENDAR, appointment({ uid: `klantbezoek-${Date.now()}@example.test`, summary: 'Klantbezoek Jansen', date: DAY, start: '10:00', end: '11:00', alarm: 15, by: bob.email }));
    await saveEvent(bob, ownPath, appointment({ uid: `tandarts-${Date.now()}@example.test`, summary: 'Tandarts', date: DAY, start: '10:00', end: '10:30', alarm: 15, by: bob.email }));

    await bob.page.getByRole('button', { name: 'Settings' }).click();
    const infoCalendar = bob.page.getByRole('list', { name: 'Calendars' }).getByRole('listitem').filter({ hasText: INFO });
    const remindersSwitch = infoCalendar.getByRole('switch', { name: /^Reminders for / });
    await expect(remindersSwitch).toBeChecked();
    await remindersSwitch.click();
    await expect(remindersSwitch).not.toBeChecked();
    await screenshot(bob.page, 'settings-calendars');
    await bob.page.getByRole('button', { name: 'Back to mail' }).click();
    // A second tab of the app (the browser host): one of the two reminds, not both.
    const secondTab = await bob.context.newPage();
    await secondTab.goto(bob.url);
    await expect(secondTab.getByRole('button', { name: 'Settings' })).toBeVisible();

    await bob.page.clock.fastForward('16:00');
    const panel = remindersPanel(bob.page);
    await expect(panel.getByRole('listitem', { name: 'Tandarts' })).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByRole('listitem', { name: 'Klantbezoek Jansen' })).toHaveCount(0);
    expect((await bob.notifications()).map((n) => n.title)).toEqual([`\u2068${bob.email}\u2069 — \u2068Tandarts\u2069 at 10:00`]);
    await expect(remindersPanel(secondTab)).toHaveCount(0);
    expect(await secondTab.evaluate(() => (window as unknown as { __notifications?: unknown[] }).__notifications ?? [])).toEqual([]);
  } finally {
    await bob.close();
  }
});
