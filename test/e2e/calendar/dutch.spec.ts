/**
 * Issue #5 §3: the person's locale sets the week's first day and the clock. In Dutch the week
 * starts on Monday and times are on the 24-hour clock, in the grid, in event names and in the
 * month's column heads.
 */
import { expect, screenshot, test } from '../support/fixtures';
import { appointment, calendarDesk, eventButton, openCalendar, saveEvent } from './calendarDesk';

test.describe('in Dutch', () => {
  test('the week starts on Monday and times are on the 24-hour clock', async ({ browser, stack }) => {
    const alice = await calendarDesk(browser, stack, 'alice', { locale: 'nl-NL' });
    try {
      await saveEvent(alice, appointment({ uid: `inkoop-${Date.now()}@example.test`, summary: 'Inkoopoverleg', date: '2030-06-06', start: '14:00', end: '15:30', by: alice.email }));
      await openCalendar(alice.page, '2030-06-06', 'Week', { calendar: 'Agenda', goTo: 'Ga naar datum' });
      await expect(alice.page.getByRole('heading', { name: /3.+9 jun 2030/ })).toBeVisible();
      // Monday first: the first column is maandag 3 juni, the last zondag 9 juni.
      const heads = alice.page.locator('.time-grid__day-name');
      await expect(heads.first()).toHaveText('ma 3');
      await expect(heads.last()).toHaveText('zo 9');
      await expect(alice.page.getByRole('gridcell', { name: 'maandag 3 juni 2030, 00:00', exact: true })).toHaveCount(1);
      // The 24-hour clock: the afternoon hour lines and the event's name.
      await expect(alice.page.locator('.time-grid__gutter')).toContainText('13:00');
      await expect(alice.page.locator('.time-grid__gutter')).not.toContainText(/PM|AM/);
      await expect(eventButton(alice.page, 'Inkoopoverleg', '14:00–15:30')).toBeVisible({ timeout: 20_000 });
      await screenshot(alice.page, 'week-nl');

      await alice.page.getByRole('button', { name: 'Maand', exact: true }).click();
      await expect(alice.page.getByRole('columnheader').first()).toHaveText('ma');
      await expect(alice.page.getByRole('grid', { name: 'juni 2030' })).toBeVisible();
      await expect(alice.page.getByRole('button', { name: 'Inkoopoverleg, 14:00–15:30, info@example.test' })).toBeVisible();
      await screenshot(alice.page, 'month-nl');

      // Work week: Monday to Friday; Day: one column; Agenda (Lijst): a heading per day with events.
      await alice.page.getByRole('button', { name: 'Werkweek', exact: true }).click();
      await expect(heads).toHaveText(['ma 3', 'di 4', 'wo 5', 'do 6', 'vr 7']);
      await alice.page.getByRole('button', { name: 'Dag', exact: true }).click();
      await expect(alice.page.getByRole('heading', { name: 'donderdag 6 juni 2030' })).toBeVisible();
      await expect(eventButton(alice.page, 'Inkoopoverleg', '14:00–15:30')).toBeVisible();
      await alice.page.getByRole('button', { name: 'Lijst', exact: true }).click();
      const day = alice.page.getByRole('region', { name: 'donderdag 6 juni 2030' });
      await expect(day.getByRole('button', { name: 'Inkoopoverleg, 14:00–15:30, info@example.test' })).toBeVisible();
      await screenshot(alice.page, 'agenda-nl');
    } finally {
      await alice.close();
    }
  });
});
