/**
 * Issue #5 §5, "Done means": alice and bob open the same event and both change it. Different
 * fields: the second save merges by itself. The same field: the first save wins, the second
 * person sees both versions field by field, chooses, and saves; afterwards the server holds
 * exactly one message for that event in info@'s calendar (compare-and-swap, no duplicates).
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../support/fixtures';
import { INFO_CALENDAR, appointment, appointmentDialog, calendarDesk, decodePayload, eventButton, openCalendar, saveEvent, serverMessages } from './calendarDesk';

const DAY = '2030-06-04';

async function openEvent(page: Page, title: string): Promise<void> {
  await eventButton(page, title, '14:00–15:00').click();
  await expect(appointmentDialog(page).getByRole('textbox', { name: 'Title' })).toHaveValue(title);
}

async function save(page: Page): Promise<void> {
  await appointmentDialog(page).getByRole('button', { name: 'Save' }).click();
}

test('two members change one event: different fields merge silently, the same field asks the second, one message remains', async ({ browser, stack }) => {
  test.setTimeout(180_000);
  const alice = await calendarDesk(browser, stack, 'alice');
  const bob = await calendarDesk(browser, stack, 'bob');
  try {
    const uid = `teamoverleg-${Date.now()}@example.test`;
    await saveEvent(alice, appointment({ uid, summary: 'Teamoverleg', date: DAY, start: '14:00', end: '15:00', by: alice.email }));
    await Promise.all([openCalendar(alice.page, DAY), openCalendar(bob.page, DAY)]);
    await Promise.all([openEvent(alice.page, 'Teamoverleg'), openEvent(bob.page, 'Teamoverleg')]);

    // Different fields: alice the location, bob the description. Alice saves first.
    await appointmentDialog(alice.page).getByRole('textbox', { name: 'Location' }).fill('Kamer 2');
    await appointmentDialog(bob.page).getByRole('textbox', { name: 'Description' }).fill('Agenda: planning Q3');
    await save(alice.page);
    await expect(appointmentDialog(alice.page)).toHaveCount(0);
    await save(bob.page);
    // No question for bob: the server's version had only alice's change, which merges.
    await expect(appointmentDialog(bob.page)).toHaveCount(0);
    await expect(bob.page.getByRole('heading', { name: 'Someone else changed this appointment' })).toHaveCount(0);

    // Both changes are in the one event alice now sees.
    await expect(async () => {
      await openEvent(alice.page, 'Teamoverleg');
      try {
        await expect(appointmentDialog(alice.page).getByRole('textbox', { name: 'Location' })).toHaveValue('Kamer 2', { timeout: 1000 });
        await expect(appointmentDialog(alice.page).getByRole('textbox', { name: 'Description' })).toHaveValue('Agenda: planning Q3', { timeout: 1000 });
      } finally {
        await appointmentDialog(alice.page).getByRole('button', { name: 'Cancel' }).click();
      }
    }).toPass({ timeout: 20_000 });

    // The same field: both change the title; alice saves first and wins, bob is asked.
    await expect(async () => {
      await openEvent(bob.page, 'Teamoverleg');
      try {
        await expect(appointmentDialog(bob.page).getByRole('textbox', { name: 'Location' })).toHaveValue('Kamer 2', { timeout: 1000 });
      } catch (error) {
        await appointmentDialog(bob.page).getByRole('button', { name: 'Cancel' }).click();
        throw error;
      }
    }).toPass({ timeout: 20_000 });
    await openEvent(alice.page, 'Teamoverleg');
    await appointmentDialog(alice.page).getByRole('textbox', { name: 'Title' }).fill('Teamoverleg (verzet)');
    await appointmentDialog(bob.page).getByRole('textbox', { name: 'Title' }).fill('Teamoverleg planning');
    await appointmentDialog(bob.page).getByLabel('End time').fill('15:30');
    await save(alice.page);
    await expect(appointmentDialog(alice.page)).toHaveCount(0);
    await save(bob.page);

    const choice = bob.page.getByRole('dialog', { name: 'Someone else changed this appointment' });
    await expect(choice).toBeVisible();
    const title = choice.getByRole('group', { name: 'Title' });
    await expect(title.getByRole('radio', { name: 'Yours: Teamoverleg planning' })).toBeChecked();
    await expect(title.getByRole('radio', { name: /^Theirs \(changed by alice@example\.test at .+\): Teamoverleg \(verzet\)$/ })).toBeVisible();
    // Only the title was changed by both; bob's new end time merges without a question.
    await expect(choice.getByRole('group')).toHaveCount(1);
    await screenshot(bob.page, 'bob-conflict-choice');
    await title.getByRole('radio', { name: /^Theirs/ }).check();
    await choice.getByRole('button', { name: 'Save' }).click();
    await expect(choice).toHaveCount(0);
    await expect(appointmentDialog(bob.page)).toHaveCount(0);

    // Alice's title, bob's end time, both earlier changes: in one event, for both of them.
    await expect(eventButton(alice.page, 'Teamoverleg (verzet)', '14:00–15:30')).toBeVisible({ timeout: 20_000 });
    await expect(eventButton(bob.page, 'Teamoverleg (verzet)', '14:00–15:30')).toBeVisible({ timeout: 20_000 });
    await screenshot(alice.page, 'alice-after-merge');

    // The server holds exactly one message for the event, with everything merged.
    const messages = (await serverMessages(stack, INFO_CALENDAR)).filter((message) => message.subject === uid);
    expect(messages).toHaveLength(1);
    const xml = decodePayload(messages[0]!.source);
    expect(xml).toContain('Teamoverleg (verzet)');
    expect(xml).toContain('Kamer 2');
    expect(xml).toContain('Agenda: planning Q3');
    expect(xml).toMatch(/<dtend>.*?2030-06-04T15:30:00/s);
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});

test('saving one’s own event again before the first save came back is no conflict: no question, one message with the second value', async ({ browser, stack }) => {
  test.setTimeout(120_000);
  const bob = await calendarDesk(browser, stack, 'bob');
  try {
    const uid = `tweemaal-${Date.now()}@example.test`;
    await saveEvent(bob, appointment({ uid, summary: 'Tweemaal', date: DAY, start: '14:00', end: '15:00', by: bob.email }));
    await openCalendar(bob.page, DAY);
    const event = bob.page.getByRole('button', { name: /^Tweemaal.*, 14:00–15:00, info@example\.test$/ });
    await event.click();
    await appointmentDialog(bob.page).getByRole('textbox', { name: 'Title' }).fill('Tweemaal eerste');
    await save(bob.page);
    await expect(appointmentDialog(bob.page)).toHaveCount(0);

    // At once again, before the first save is synced back (the form still shows what bob opened).
    await event.click();
    const title = appointmentDialog(bob.page).getByRole('textbox', { name: 'Title' });
    const shown = await title.inputValue();
    test.info().annotations.push({ type: 'reopened before sync', description: String(shown === 'Tweemaal') });
    await title.fill('Tweemaal tweede');
    await save(bob.page);
    await expect(appointmentDialog(bob.page)).toHaveCount(0);
    await expect(bob.page.getByRole('heading', { name: 'Someone else changed this appointment' })).toHaveCount(0);

    await expect(eventButton(bob.page, 'Tweemaal tweede', '14:00–15:00')).toBeVisible({ timeout: 20_000 });
    const messages = (await serverMessages(stack, INFO_CALENDAR)).filter((message) => message.subject === uid);
    expect(messages).toHaveLength(1);
    expect(decodePayload(messages[0]!.source)).toContain('Tweemaal tweede');
  } finally {
    await bob.close();
  }
});
