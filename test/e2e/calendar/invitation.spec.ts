/**
 * Issue #5 §8: an invitation (text/calendar METHOD:REQUEST, RFC 5546) delivered to alice shows a
 * card in the reader; "Add to calendar" into info@'s shared calendar puts it there — in the app's
 * calendar and as one Kolab message on the server — and adding it again is not offered; the
 * organizer's METHOD:CANCEL then offers to remove it, which takes it off the server.
 */
import type { Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { deliver } from '../../mailstack/mailstack.mjs';
import { openMessage } from '../support/compose';
import { expect, imapAs, screenshot, test, type MailStack } from '../support/fixtures';
import { messageList } from '../support/session';
import { INFO, personAt } from './remindersSupport';

const SUMMARY = 'Projectoverleg Q2';

function invitationMail(to: string, subject: string, method: 'REQUEST' | 'CANCEL', uid: string, sequence: number): string {
  const ics = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Klant BV//Agenda//NL',
    'VERSION:2.0',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20300101T090000Z',
    `SEQUENCE:${sequence}`,
    // Monday 15 April 2030, 14:00–15:00 in Amsterdam (CEST), every week, 4 times.
    'DTSTART;TZID=Europe/Amsterdam:20300415T140000',
    'DTEND;TZID=Europe/Amsterdam:20300415T150000',
    'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO',
    `SUMMARY:${SUMMARY}`,
    'LOCATION:Vergaderzaal 3\\, Stationsplein 1',
    'ORGANIZER;CN=Jan Pieters:mailto:jan@klant.example',
    `ATTENDEE;CN=Alice;RSVP=TRUE;PARTSTAT=NEEDS-ACTION:mailto:${to}`,
    ...(method === 'CANCEL' ? ['STATUS:CANCELLED'] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  return [
    'From: Jan Pieters <jan@klant.example>',
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="inv-b1"',
    '',
    '--inv-b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Je bent uitgenodigd voor het projectoverleg.',
    '--inv-b1',
    `Content-Type: text/calendar; charset=utf-8; method=${method}`,
    '',
    ics,
    '--inv-b1--',
    '',
  ].join('\r\n');
}

/** The Kolab messages in info@'s calendar holding this UID (the Subject is the UID, Kolab v3). */
function onServer(stack: MailStack, uid: string): Promise<string[]> {
  return imapAs(stack, 'alice', async (client) => {
    await client.mailboxOpen(`shared/${INFO}/Calendar`, { readOnly: true });
    const found: string[] = [];
    for await (const msg of client.fetch({ all: true }, { envelope: true, source: true })) {
      if (msg.envelope?.subject === uid) found.push(msg.source?.toString('utf8') ?? '');
    }
    return found;
  });
}

/** The calendar screen on a day (week view or whatever the person had): its event buttons named "title, time, calendar". */
async function eventsOn(page: Page, day: string) {
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await page.getByLabel('Go to date').fill(day);
  return page.getByRole('main', { name: 'Calendar' });
}

async function openInvitation(page: Page, subject: string) {
  await expect(messageList(page).getByText(subject, { exact: true })).toBeVisible({ timeout: 20_000 });
  await openMessage(page, subject);
  return page.getByRole('region', { name: `Invitation: ${SUMMARY}` });
}

test('an invitation is added to info@’s calendar from the reader, once, and its cancellation removes it', async ({ browser, stack, tracker: _fresh }) => {
  test.setTimeout(180_000);
  const alice = await personAt(browser, stack, 'alice');
  const uid = `projectoverleg-${Date.now()}@klant.example`;
  try {
    const { page } = alice;
    await deliver(stack, { from: 'jan@klant.example', to: alice.email, raw: invitationMail(alice.email, 'Uitnodiging: Projectoverleg Q2', 'REQUEST', uid, 0) });
    const card = await openInvitation(page, 'Uitnodiging: Projectoverleg Q2');
    await expect(card).toContainText(/Monday,? 15 April 2030/);
    await expect(card).toContainText(/14:00\s*[–-]\s*15:00/);
    await expect(card).toContainText('Vergaderzaal 3, Stationsplein 1');
    await expect(card).toContainText('jan@klant.example');
    await expect(card).toContainText('Every week on Monday, 4 times');

    const picker = card.getByRole('combobox', { name: 'Calendar' });
    const options = () => picker.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.textContent ?? ''));
    // A first sync makes the own calendar after its first pass (issue #5 §1); the picker follows live.
    await expect.poll(async () => (await options())[0], { message: 'own calendar first' }).toContain('(yours)');
    const labels = await options();
    const infoLabel = labels.find((label) => /info/i.test(label));
    expect(infoLabel, `info@ is offered: ${labels.join(' | ')}`).toBeTruthy();
    await picker.selectOption({ label: infoLabel! });
    await card.getByRole('button', { name: 'Add to calendar' }).click();
    await expect(card.getByRole('status')).toContainText('Added to');

    // Synced back into the app's calendar: the card now knows it is there and offers no second copy.
    await expect(card).toContainText('Already in your calendar', { timeout: 20_000 });
    await expect(card.getByRole('button', { name: 'Add to calendar' })).toHaveCount(0);
    await screenshot(page, 'invitation-added');
    await expect.poll(async () => (await onServer(stack, uid)).length).toBe(1);
    // In the calendar: the second Monday of the series, in info@'s colour and name.
    const calendar = await eventsOn(page, '2030-04-22');
    await expect(calendar.getByRole('button', { name: /^Projectoverleg Q2, 14:00–15:00, / })).toBeVisible();
    await screenshot(page, 'invitation-in-calendar');
    await page.getByRole('button', { name: 'Mail', exact: true }).click();
    const [message] = await onServer(stack, uid);
    expect(message).toContain('X-Kolab-Type: application/x-vnd.kolab.event');
    const payload = (await simpleParser(message!)).attachments.find((part) => part.filename === 'kolab.xml');
    expect(payload?.content.toString('utf8')).toContain(SUMMARY);

    // The organizer cancels: the card says so and removes it from info@'s calendar.
    await deliver(stack, { from: 'jan@klant.example', to: alice.email, raw: invitationMail(alice.email, 'Geannuleerd: Projectoverleg Q2', 'CANCEL', uid, 1) });
    const cancelled = await openInvitation(page, 'Geannuleerd: Projectoverleg Q2');
    await expect(cancelled).toContainText('The organizer cancelled this event.');
    await cancelled.getByRole('button', { name: /^Remove from calendar / }).click();
    await expect(cancelled.getByRole('status')).toContainText('Removed from');
    await expect.poll(async () => (await onServer(stack, uid)).length).toBe(0);
    await expect((await eventsOn(page, '2030-04-22')).getByRole('button', { name: /^Projectoverleg Q2/ })).toHaveCount(0);
  } finally {
    await alice.close();
  }
});
