/**
 * Settings → Calendars. Issue #5 §7, "Done means": an .ics with 500 varied events imports into
 * alice's own calendar and says so; exporting that calendar gives a file whose events ical.js
 * reads back equal to the imported ones (times compared as instants or dates). A read-only member
 * exports only and is told why; a mailbox without a calendar gets one from a member who may.
 */
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { ianaFromTzid, utcMillis } from '../../../src/shared/calendar/zoneTime';
import { doveadm } from '../../mailstack/mailstack.mjs';
import { expect, imapAs, screenshot, test } from '../support/fixtures';
import { INFO, personAt } from './remindersSupport';

const pad = (n: number) => String(n).padStart(2, '0');
const icsDate = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const icsLocal = (d: Date) => `${icsDate(d)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
const text = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** 500 events of many kinds, from Monday 6 January 2031 on (stable future dates). */
function teamIcs(): string {
  const base = Date.UTC(2031, 0, 6);
  const day = 86_400_000;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Postvak e2e//Team planning//NL'];
  for (let i = 0; i < 500; i += 1) {
    const kind = i % 10;
    const start = new Date(base + Math.floor(i / 2) * day + (8 + (i % 9)) * 3_600_000 + (i % 2) * 30 * 60_000);
    const end = new Date(start.getTime() + (30 + (i % 3) * 30) * 60_000);
    const v = ['BEGIN:VEVENT', `UID:team-${i}@planning.example`, 'DTSTAMP:20301201T090000Z'];
    v.push(`SUMMARY:${text(`${['Overleg', 'Klantbezoek', 'Offerte', 'Planning', 'Café über'][i % 5]} ${i}`)}`);
    if (i % 3 === 0) v.push(`LOCATION:${text(`Zaal ${i % 7}, Dorpsstraat ${i}`)}`);
    if (i % 4 === 0) v.push(`DESCRIPTION:${text(`Agenda; punt 1, punt 2\nregel 2 — €${i}`)}`);
    if (kind <= 4 || kind === 8) {
      v.push(`DTSTART;TZID=Europe/Amsterdam:${icsLocal(start)}`, `DTEND;TZID=Europe/Amsterdam:${icsLocal(end)}`);
      if (kind === 8) {
        const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][start.getUTCDay()];
        v.push(`RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=${weekday}`, `EXDATE;TZID=Europe/Amsterdam:${icsLocal(new Date(start.getTime() + 7 * day))}`);
      }
    } else if (kind === 5) {
      v.push(`DTSTART;TZID=America/New_York:${icsLocal(start)}`, `DTEND;TZID=America/New_York:${icsLocal(end)}`);
    } else if (kind === 6) {
      v.push(`DTSTART:${icsLocal(start)}Z`, `DTEND:${icsLocal(end)}Z`);
    } else if (kind === 7) {
      v.push(`DTSTART;VALUE=DATE:${icsDate(start)}`, `DTEND;VALUE=DATE:${icsDate(new Date(start.getTime() + (1 + (i % 3)) * day))}`);
    } else {
      v.push(`DTSTART;TZID=Europe/Amsterdam:${icsLocal(start)}`, `DTEND;TZID=Europe/Amsterdam:${icsLocal(end)}`);
      v.push(`RRULE:FREQ=DAILY;INTERVAL=2;UNTIL=${icsDate(new Date(start.getTime() + 20 * day))}T225959Z`);
    }
    if (i % 5 === 0 || kind === 9) v.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Herinnering', `TRIGGER:-PT${[15, 30, 60][i % 3]}M`, 'END:VALARM');
    v.push('END:VEVENT');
    lines.push(...v);
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

/** A time as an instant (timed) or a date (all-day), whatever TZID spelling or VTIMEZONE the file uses. */
function moment(prop: ICAL.Property | null): string | number | null {
  if (!prop) return null;
  const value = prop.getFirstValue() as ICAL.Time;
  const raw = value.toString();
  if (value.isDate) return raw;
  if (raw.endsWith('Z')) return Date.parse(raw);
  const tzid = prop.getParameter('tzid');
  return utcMillis(raw.slice(0, 19), tzid ? ianaFromTzid(String(tzid)) : 'UTC');
}

function recur(prop: ICAL.Property | null) {
  if (!prop) return null;
  const rule = prop.getFirstValue() as ICAL.Recur;
  return {
    freq: rule.freq,
    interval: rule.interval ?? 1,
    count: rule.count ?? null,
    until: rule.until ? (rule.until.isDate ? rule.until.toString() : Date.parse(rule.until.toString())) : null,
    byDay: [...(rule.parts.BYDAY ?? [])].sort(),
  };
}

/** Every VEVENT of a file, normalised for comparison, by UID. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar
    .getAllSubcomponents('vevent')
    .map((vevent) => {
      const end = vevent.getFirstProperty('dtend');
      const start = moment(vevent.getFirstProperty('dtstart'));
      const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null;
      return {
        uid: String(vevent.getFirstPropertyValue('uid')),
        summary: String(vevent.getFirstPropertyValue('summary') ?? ''),
        location: String(vevent.getFirstPropertyValue('location') ?? ''),
        description: String(vevent.getFirstPropertyValue('description') ?? ''),
        start,
        end: end ? moment(end) : duration && typeof start === 'number' ? start + duration.toSeconds() * 1000 : start,
        rrule: recur(vevent.getFirstProperty('rrule')),
        exdates: vevent.getAllProperties('exdate').map((p) => moment(p)),
        alarms: vevent.getAllSubcomponents('valarm').map((alarm) => (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
      };
    })
    .sort((a, b) => (a.uid < b.uid ? -1 : 1));
}

test('500 events import into alice’s own calendar and export back equal', async ({ browser, stack, tracker: _fresh }) => {
  test.setTimeout(300_000);
  const alice = await personAt(browser, stack, 'alice');
  try {
    const ics = teamIcs();
    expect(events(ics)).toHaveLength(500);
    const { page } = alice;
    await page.getByRole('button', { name: 'Settings' }).click();
    const calendars = page.getByRole('list', { name: 'Calendars' });
    const own = calendars.getByRole('listitem').filter({ hasText: 'Your calendar' });
    await expect(own).toBeVisible({ timeout: 30_000 });

    const chooser = page.waitForEvent('filechooser');
    await own.getByRole('button', { name: /^Import \.ics into / }).click();
    const started = Date.now();
    await (await chooser).setFiles({ name: 'teamplanning.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics, 'utf8') });
    await expect(own.getByRole('status')).toHaveText('500 events imported.', { timeout: 240_000 });
    // A figure for the notes, not an assertion: file chosen → result shown (500 APPENDs).
    test.info().annotations.push({ type: 'figure', description: `import of 500 events: ${Date.now() - started} ms` });
    await screenshot(page, 'ics-imported');

    const download = page.waitForEvent('download');
    await own.getByRole('button', { name: /^Export \.ics of / }).click();
    const exportStarted = Date.now();
    const file = await download;
    test.info().annotations.push({ type: 'figure', description: `export of 500 events: ${Date.now() - exportStarted} ms` });
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const exported = readFileSync(await file.path(), 'utf8');
    expect(events(exported)).toEqual(events(ics));
  } finally {
    await alice.close();
  }
});

test('carol, read-only in info@, may export its calendar but is told why she cannot import', async ({ browser, stack, tracker: _fresh }) => {
  const carol = await personAt(browser, stack, 'carol');
  try {
    const { page } = carol;
    await page.getByRole('button', { name: 'Settings' }).click();
    const info = page.getByRole('list', { name: 'Calendars' }).getByRole('listitem').filter({ hasText: INFO });
    await expect(info).toContainText('Read-only', { timeout: 30_000 });
    await expect(info).toContainText('You can only read');
    await expect(info.getByRole('button', { name: /^Import/ })).toHaveCount(0);

    const download = page.waitForEvent('download');
    await info.getByRole('button', { name: /^Export \.ics of / }).click();
    const exported = events(readFileSync(await (await download).path(), 'utf8'));
    expect(exported.map((event) => event.summary).sort()).toEqual(['Offerte Jansen bespreken', 'Vakbeurs Bouw', 'Weekoverleg']);
    expect(exported.find((event) => event.summary === 'Weekoverleg')?.alarms).toEqual([-15 * 60]);
  } finally {
    await carol.close();
  }
});

test('a mailbox without a calendar: carol is told who may create it, bob creates it', async ({ browser, stack, tracker: _fresh }) => {
  await doveadm(stack, 'mailbox', 'delete', '-u', INFO, 'Calendar');
  const carol = await personAt(browser, stack, 'carol');
  const bob = await personAt(browser, stack, 'bob');
  try {
    await carol.page.getByRole('button', { name: 'Settings' }).click();
    const carolsInfo = carol.page.getByRole('list', { name: 'Calendars' }).getByRole('listitem', { name: INFO });
    await expect(carolsInfo).toContainText('No calendar yet', { timeout: 30_000 });
    await carolsInfo.getByRole('button', { name: `Create calendar in ${INFO}` }).click();
    await expect(carolsInfo.getByRole('alert')).toHaveText(new RegExp(`^You may not create a calendar in ${INFO}\\. Ask the owner of ${INFO}`));

    await bob.page.getByRole('button', { name: 'Settings' }).click();
    const bobsList = bob.page.getByRole('list', { name: 'Calendars' });
    await bobsList.getByRole('listitem', { name: INFO }).getByRole('button', { name: `Create calendar in ${INFO}` }).click();
    const created = bobsList.getByRole('listitem').filter({ hasText: 'Shared calendar' }).filter({ hasText: INFO });
    await expect(created).toBeVisible({ timeout: 30_000 });
    await expect(created.getByRole('switch', { name: /^Reminders for / })).toBeChecked();
    await expect(created.getByRole('button', { name: /^Import \.ics into / })).toBeVisible();
    await screenshot(bob.page, 'settings-calendar-created');
    const folders = await imapAs(stack, 'bob', async (client) => (await client.list()).map((folder) => folder.path));
    expect(folders.filter((path) => path.startsWith(`shared/${INFO}/`) && /Calendar$/.test(path))).toHaveLength(1);
  } finally {
    await Promise.all([carol.close(), bob.close()]);
  }
});
