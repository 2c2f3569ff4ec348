/**
 * Issue #5 §4, exceptions: one occurrence of a weekly series changed through the form ("Only this
 * occurrence": an override with RECURRENCE-ID) leaves the other weeks as they were; a drag of an
 * occurrence with "The whole series" moves every week.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from '../support/fixtures';
import { appointment, appointmentDialog, calendarDesk, decodePayload, eventButton, openCalendar, saveEvent, serverMessages } from './calendarDesk';

async function dragBy(page: Page, locator: Locator, dx: number, dy: number): Promise<void> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  const from = { x: box.x + box.width / 2, y: box.y + 6 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 4 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 4 });
  await page.mouse.up();
}

test('changing one occurrence of a weekly series keeps the other weeks; dragging with "The whole series" moves them all', async ({ browser, stack }) => {
  test.setTimeout(120_000);
  const alice = await calendarDesk(browser, stack, 'alice');
  try {
    const uid = `standup-${Date.now()}@example.test`;
    const weekly = {
      ...appointment({ uid, summary: 'Planning', date: '2030-06-04', start: '11:00', end: '12:00', by: alice.email }),
      recurrence: { freq: 'weekly', interval: 1, count: null, until: null, byDay: [{ day: 'TU', ordinal: null }], byMonthDay: [], byMonth: [], bySetPos: [], weekStart: null },
    };
    await saveEvent(alice, weekly as unknown as ReturnType<typeof appointment>);
    await openCalendar(alice.page, '2030-06-11');
    const planning = eventButton(alice.page, 'Planning', '11:00–12:00');
    await expect(planning).toBeVisible({ timeout: 20_000 });

    // Only this week's occurrence gets another title.
    await planning.click();
    const form = appointmentDialog(alice.page);
    await form.getByRole('textbox', { name: 'Title' }).fill('Planning met leverancier');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('Change only this occurrence or the whole series?')).toBeVisible();
    await form.getByRole('button', { name: 'Only this occurrence' }).click();
    await expect(form).toHaveCount(0);
    await expect(eventButton(alice.page, 'Planning met leverancier', '11:00–12:00')).toBeVisible({ timeout: 20_000 });
    await alice.page.getByRole('button', { name: 'Previous' }).click();
    await expect(eventButton(alice.page, 'Planning', '11:00–12:00')).toBeVisible();
    await alice.page.getByRole('button', { name: 'Next' }).click();
    await alice.page.getByRole('button', { name: 'Next' }).click();
    await expect(eventButton(alice.page, 'Planning', '11:00–12:00')).toBeVisible();
    // One message on the server, the master with one RECURRENCE-ID exception.
    const stored = (await serverMessages(stack)).filter((message) => message.subject === uid);
    expect(stored).toHaveLength(1);
    expect(decodePayload(stored[0]!.source)).toMatch(/<recurrence-id>.*?2030-06-11T11:00:00/s);

    // Drag this (unchanged) week's occurrence one hour later and choose the whole series.
    const slotHeight = (await alice.page.getByRole('gridcell', { name: 'Tuesday, 18 June 2030, 11:00', exact: true }).boundingBox())?.height ?? 24;
    await dragBy(alice.page, eventButton(alice.page, 'Planning', '11:00–12:00'), 0, slotHeight * 2);
    const question = alice.page.getByRole('dialog', { name: 'Move only this occurrence or the whole series?' });
    await question.getByRole('button', { name: 'The whole series' }).click();
    await expect(eventButton(alice.page, 'Planning', '12:00–13:00')).toBeVisible({ timeout: 20_000 });
    await alice.page.getByRole('button', { name: 'Previous' }).click();
    await alice.page.getByRole('button', { name: 'Previous' }).click();
    await expect(eventButton(alice.page, 'Planning', '12:00–13:00')).toBeVisible();
    await screenshot(alice.page, 'series-moved');
  } finally {
    await alice.close();
  }
});
