/**
 * Issue #5, "Done means": a Kolab event written by another client in the exact format of
 * notes/calendar.md — test/fixtures/calendar/kolab-event-with-exception.eml, a Roundcube /
 * libkolabxml weekly series with one deleted occurrence (EXDATE), one occurrence moved and
 * renamed (a second <vevent> with RECURRENCE-ID) and a 15-minute alarm — appears correctly in
 * the app: every Tuesday at 09:30 in Amsterdam time also after the DST change of 29 March 2026,
 * not on 17 March, moved to 13:00 with its own title on 31 March, and the reminder in its form.
 */
import { readFileSync } from 'node:fs';
import { expect, imapAs, screenshot, test } from '../support/fixtures';
import { INFO_CALENDAR, appointmentDialog, calendarDesk, eventButton, openCalendar } from './calendarDesk';

const FIXTURE = 'test/fixtures/calendar/kolab-event-with-exception.eml';
const SERIES = 'Sales team weekly';
const MOVED = 'Sales team weekly (with the new hire)';

test('a Roundcube series with a deleted and a moved occurrence and an alarm shows as its writer meant it', async ({ browser, stack }) => {
  test.setTimeout(120_000);
  const bob = await calendarDesk(browser, stack, 'bob');
  try {
    await openCalendar(bob.page, '2026-03-10');
    // Another client stores the event while bob's app is open: it arrives by IDLE, not by restart.
    await imapAs(stack, 'alice', (client) => client.append(INFO_CALENDAR, readFileSync(FIXTURE)));

    // 10 March (before DST): an ordinary occurrence, opened: its fields, the series and its alarm.
    const tenth = eventButton(bob.page, SERIES, '09:30–10:15');
    await expect(tenth).toBeVisible({ timeout: 15_000 });
    await tenth.click();
    const form = appointmentDialog(bob.page);
    await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue(SERIES);
    await expect(form.getByRole('textbox', { name: 'Location' })).toHaveValue('Meeting room "De Haven"');
    await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue('Pipeline review & planning.\nBring the numbers.');
    await expect(form.getByRole('combobox', { name: 'Repeat' })).toHaveValue('weekly');
    await expect(form.getByRole('checkbox', { name: 'Tuesday' })).toBeChecked();
    await expect(form.getByRole('combobox', { name: 'Reminder' }).locator('option:checked')).toHaveText('15 minutes before');
    await screenshot(bob.page, 'roundcube-series-form');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toHaveCount(0);

    // March 2026 as a month: Tuesdays 3, 10 and 24 at 09:30; 17 deleted (EXDATE); 31 moved to
    // 13:00 with its own title (RECURRENCE-ID) — after the DST change of 29 March.
    await bob.page.getByRole('button', { name: 'Month', exact: true }).click();
    await expect(bob.page.getByRole('heading', { name: 'March 2026' })).toBeVisible();
    await expect(eventButton(bob.page, SERIES, '09:30–10:15')).toHaveCount(3);
    await expect(eventButton(bob.page, MOVED, '13:00–14:00')).toHaveCount(1);
    await screenshot(bob.page, 'roundcube-series-month');

    // 7 April: still 09:30 local — the series follows Amsterdam's wall clock across the DST change.
    await bob.page.getByRole('button', { name: 'Week', exact: true }).click();
    await bob.page.getByLabel('Go to date').fill('2026-04-07');
    await expect(bob.page.getByRole('heading', { name: /6 – 12 Apr 2026/ })).toBeVisible();
    await expect(eventButton(bob.page, SERIES, '09:30–10:15')).toBeVisible();
  } finally {
    await bob.close();
  }
});
