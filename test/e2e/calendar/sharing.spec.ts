/**
 * Issue #5, "Done means": alice creates a weekly appointment with a 15-minute reminder in info@'s
 * calendar through the form; bob, signed in at the same time, sees it in his week view; carol
 * (read-only on info@) sees it and finds no way to change it, with the reason; alice deletes one
 * occurrence and bob's view drops that one while the next week's stays. Fixed weeks in June 2030,
 * so the seed's appointments of "this week" never meet these.
 */
import { readFileSync } from 'node:fs';
import { expect, screenshot, test } from '../support/fixtures';
import { INFO, appointmentDialog, calendarDesk, eventButton, openCalendar, serverMessages, decodePayload } from './calendarDesk';

const TITLE = 'Klantbezoek Jansen';

test('a weekly appointment alice makes in info@ shows for bob and read-only for carol; deleting one occurrence drops only that one', async ({ browser, stack }) => {
  test.setTimeout(180_000);
  const alice = await calendarDesk(browser, stack, 'alice');
  const bob = await calendarDesk(browser, stack, 'bob');
  const carol = await calendarDesk(browser, stack, 'carol');
  try {
    // The mail tree does not list calendar folders: they belong to the calendar screen.
    await expect(alice.page.getByRole('treeitem', { name: /^info@example\.test/ })).toBeVisible({ timeout: 30_000 });
    await alice.page.getByRole('treeitem', { name: /^info@example\.test/ }).click();
    await expect(alice.page.getByRole('treeitem', { name: /^Inbox/ }).first()).toBeVisible();
    await expect(alice.page.getByRole('treeitem', { name: 'Calendar' })).toHaveCount(0);

    await Promise.all([openCalendar(alice.page, '2030-06-05'), openCalendar(bob.page, '2030-06-05'), openCalendar(carol.page, '2030-06-05')]);

    // Alice: New appointment in info@'s calendar, Wednesday 5 June 2030 10:00–11:00, weekly, 15 minutes before.
    await alice.page.getByRole('button', { name: 'New appointment' }).click();
    const form = appointmentDialog(alice.page);
    await expect(form.getByRole('heading', { name: 'New appointment' })).toBeVisible();
    await form.getByRole('combobox', { name: 'Calendar' }).selectOption({ label: INFO });
    await form.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await form.getByRole('textbox', { name: 'Location' }).fill('Dorpsstraat 12, Utrecht');
    await form.getByLabel('Start date').fill('2030-06-05');
    await form.getByLabel('Start time').fill('10:00');
    await form.getByLabel('End time').fill('11:00');
    await expect(form.getByLabel('End date')).toHaveValue('2030-06-05');
    await expect(form.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Amsterdam');
    await form.getByRole('combobox', { name: 'Repeat' }).selectOption({ label: 'Weekly' });
    await expect(form.getByRole('checkbox', { name: 'Wednesday' })).toBeChecked();
    await form.getByRole('combobox', { name: 'Reminder' }).selectOption({ label: '15 minutes before' });
    await screenshot(alice.page, 'alice-new-appointment');

    const bobSees = eventButton(bob.page, TITLE, '10:00–11:00');
    const clicked = Date.now();
    await form.getByRole('button', { name: 'Save' }).click();
    const bobVisible = bobSees.waitFor({ timeout: 15_000 }).then(() => Date.now());
    await expect(form).toHaveCount(0);
    const written = Date.now();
    const visibleAt = await bobVisible;
    // Not asserted (no timed assertions): figures for the notes, "within ~2 s" in the issue.
    test.info().annotations.push(
      { type: 'latency alice→bob (Save clicked → visible in bob’s week)', description: `${visibleAt - clicked} ms` },
      { type: 'latency alice→bob (alice’s save done → visible in bob’s week)', description: `${Math.max(0, visibleAt - written)} ms` },
    );
    await expect(eventButton(alice.page, TITLE, '10:00–11:00')).toBeVisible();
    await screenshot(bob.page, 'bob-week-with-appointment');

    // On the server: one Kolab message in info@'s Calendar with a weekly rule and a 15-minute alarm.
    const messages = (await serverMessages(stack)).filter((m) => decodePayload(m.source).includes(TITLE));
    expect(messages).toHaveLength(1);
    const xml = decodePayload(messages[0]!.source);
    expect(xml).toMatch(/<freq>WEEKLY<\/freq>/);
    expect(xml).toMatch(/<duration>-PT15M<\/duration>/);

    // Carol sees it, and only to read: no fields, no Delete, and why.
    const carolEvent = eventButton(carol.page, TITLE, '10:00–11:00');
    await expect(carolEvent).toBeVisible({ timeout: 15_000 });
    await carolEvent.click();
    const carolDialog = appointmentDialog(carol.page);
    await expect(carolDialog.getByText("You can read info@example.test's calendar but not change it. Ask its owner for write access.")).toBeVisible();
    await expect(carolDialog.getByText(/Created by alice@example\.test, last changed by alice@example\.test/)).toBeVisible();
    await expect(carolDialog.getByText('15 minutes before')).toBeVisible();
    await expect(carolDialog.getByRole('textbox')).toHaveCount(0);
    await expect(carolDialog.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await expect(carolDialog.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await screenshot(carol.page, 'carol-read-only-appointment');
    // Reading is enough to take a copy: Export .ics downloads the event as iCalendar (RFC 5545).
    const [download] = await Promise.all([carol.page.waitForEvent('download'), carolDialog.getByRole('button', { name: 'Export .ics' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics).toContain(`SUMMARY:${TITLE}`);
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY/);
    await carolDialog.getByRole('button', { name: 'Close' }).click();

    // Bob sees next week's occurrence too.
    await bob.page.getByRole('button', { name: 'Next' }).click();
    await expect(eventButton(bob.page, TITLE, '10:00–11:00')).toBeVisible();
    await bob.page.getByRole('button', { name: 'Previous' }).click();

    // Alice deletes only this week's occurrence.
    await eventButton(alice.page, TITLE, '10:00–11:00').click();
    await appointmentDialog(alice.page).getByRole('button', { name: 'Delete' }).click();
    await expect(appointmentDialog(alice.page).getByText('Delete only this occurrence or the whole series?')).toBeVisible();
    await appointmentDialog(alice.page).getByRole('button', { name: 'Only this occurrence' }).click();
    await expect(appointmentDialog(alice.page)).toHaveCount(0);

    await expect(eventButton(bob.page, TITLE, '10:00–11:00')).toHaveCount(0, { timeout: 15_000 });
    await screenshot(bob.page, 'bob-week-occurrence-deleted');
    await bob.page.getByRole('button', { name: 'Next' }).click();
    await expect(eventButton(bob.page, TITLE, '10:00–11:00')).toBeVisible();
    await expect(bob.page.getByRole('heading', { name: /10.+16 Jun 2030/ })).toBeVisible();
  } finally {
    await Promise.all([alice.close(), bob.close(), carol.close()]);
  }
});
