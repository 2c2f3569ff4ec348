/**
 * A month of appointments as an .ics file (RFC 5545) for `npm run bench` (issue #5: "time to
 * render a month with 1,000 events"). Deterministic (seeded), no real person's appointments:
 * mostly single appointments of 15 minutes to 3 hours in Europe/Amsterdam time, some all-day
 * ones of one to three days, weekly series with one EXDATE and workday series — every series
 * ends inside the month, so the month holds the events and nothing leaks into other weeks.
 */

function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 0x100000000;
  };
}

const pad = (n) => String(n).padStart(2, '0');
const LENGTHS = [15, 30, 45, 60, 60, 60, 90, 120, 180];
const ZONE = 'Europe/Amsterdam';

/** `20300715T093000` for a day of the month and minutes after midnight. */
const local = (month, day, minutes) => `${month.replace('-', '')}${pad(day)}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00`;

/**
 * `count` VEVENTs in `month` (`YYYY-MM`, days 1–28 so any month works): 1 in 20 a weekly series
 * of four with the second week excluded, 1 in 50 a workday series of ten, 1 in 20 all-day,
 * the rest single timed appointments.
 * @returns {{ ics: string, uidPrefix: string, series: number, allDay: number, single: number }}
 */
export function monthIcs(count, month, seed = 7) {
  const random = prng(seed);
  const uidPrefix = `bench-month-${seed}-`;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Postvak//bench//EN'];
  const tally = { series: 0, allDay: 0, single: 0 };
  for (let i = 0; i < count; i++) {
    const day = 1 + Math.floor(random() * 28);
    const startMinutes = (7 + Math.floor(random() * 13)) * 60 + 15 * Math.floor(random() * 4);
    const length = LENGTHS[Math.floor(random() * LENGTHS.length)];
    const event = ['BEGIN:VEVENT', `UID:${uidPrefix}${i}@example.test`, 'DTSTAMP:20300101T000000Z', `SUMMARY:Bench ${i + 1}`];
    if (i % 3 === 0) event.push(`LOCATION:Room ${1 + (i % 7)}`);
    if (i % 20 === 0) {
      // Weekly, four times from the first week; the second occurrence excluded (RFC 5545 §3.8.5.1).
      const first = 1 + (day % 7);
      event.push(`DTSTART;TZID=${ZONE}:${local(month, first, startMinutes)}`, `DTEND;TZID=${ZONE}:${local(month, first, startMinutes + length)}`);
      event.push('RRULE:FREQ=WEEKLY;COUNT=4', `EXDATE;TZID=${ZONE}:${local(month, first + 7, startMinutes)}`);
      tally.series++;
    } else if (i % 50 === 1) {
      const first = 1 + (day % 10);
      event.push(`DTSTART;TZID=${ZONE}:${local(month, first, startMinutes)}`, `DTEND;TZID=${ZONE}:${local(month, first, startMinutes + 30)}`);
      event.push('RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=10');
      tally.series++;
    } else if (i % 20 === 10) {
      const days = 1 + (i % 3);
      event.push(`DTSTART;VALUE=DATE:${month.replace('-', '')}${pad(day)}`, `DTEND;VALUE=DATE:${month.replace('-', '')}${pad(Math.min(day + days, 29))}`);
      tally.allDay++;
    } else {
      event.push(`DTSTART;TZID=${ZONE}:${local(month, day, startMinutes)}`, `DTEND;TZID=${ZONE}:${local(month, day, startMinutes + length)}`);
      tally.single++;
    }
    event.push('END:VEVENT');
    lines.push(...event);
  }
  lines.push('END:VCALENDAR', '');
  return { ics: lines.join('\r\n'), uidPrefix, ...tally };
}
