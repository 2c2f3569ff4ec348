/**
 * The calendar part of `npm run bench` (issue #5 "Figures: time to render a month with 1,000
 * events, and change-to-visible latency between two members"), against the real mail stack:
 * every member has their own browser host (own profile) and their own browser context, in
 * Amsterdam's zone with British English, like the e2e calendar desks.
 *
 * 1. Month render: 1,000 events (calendarMonthIcs.mjs) imported into info@'s calendar through
 *    alice's host (calendar.import); once her page's cache holds them, Month pressed → the
 *    month grid with its event buttons painted, and Week pressed → the week painted, five each.
 * 2. Latency: alice and bob on the week view of a fixed week; alice's host saves a new event into
 *    info@'s calendar (calendar.save over a WebSocket opened beforehand); from the call's start
 *    (Node Date.now()) to bob's page showing its button and painting the next frame (page
 *    Date.now(), same machine clock), with alice's call time and her own page as reference.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { hostCall, stackAccount, startHostProcess } from '../../scripts/lib.mjs';
import { monthIcs } from './calendarMonthIcs.mjs';
import { cachedEvents, monthOccurrences, openCalendar, seenEventTitle, timeView, wantEventTitle, watchEventTitles } from './calendarPage.mjs';
import { connectHost } from './hostClient.mjs';
import { quantile, round, sleep, waitFor } from './util.mjs';

const INFO = 'info@example.test';
const INFO_CALENDAR = `shared/${INFO}/Calendar`;
const ZONE = 'Europe/Amsterdam';
const MONTH = '2030-07';
const MONTH_WEEK = '2030-07-15';
/** Monday of the latency week: far from the month's events and from the seed's "this week". */
const PROBE_MONDAY = '2030-09-16';

/** A member at their own computer: host process, profile, browser context, page on the app. */
async function member(stack, browser, user, cleanups) {
  const profile = mkdtempSync(join(os.tmpdir(), `postvak-bench-cal-${user}-`));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const host = await startHostProcess({ profile, caFiles: [stack.caFile] });
  cleanups.push(() => host.stop());
  const added = await hostCall(host, 'accounts.add', { ...stackAccount(stack, user, user), rememberPassword: false });
  if (!added.ok) throw new Error(`bench: could not sign in ${user}: ${added.error?.message}`);
  // One socket kept open, so a timed call is the call and not also a WebSocket handshake.
  const rpc = await connectHost(host);
  rpc.autoAck = false;
  cleanups.push(() => rpc.close());
  const context = await browser.newContext({ timezoneId: ZONE, locale: 'en-GB', viewport: { width: 1400, height: 900 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await page.goto(host.url);
  return { page, rpc, accountId: added.value.id };
}

const day = (monday, plus) => new Date(Date.parse(`${monday}T12:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
const pad = (n) => String(n).padStart(2, '0');

/** A new timed event as the contract's model describes it (src/shared/model/calendar.ts). */
function probeEvent(uid, summary, date, hour) {
  const now = Date.now();
  return {
    uid,
    summary,
    location: '',
    description: '',
    start: { dateTime: `${date}T${pad(hour)}:00:00`, timeZone: ZONE },
    end: { dateTime: `${date}T${pad(hour + 1)}:00:00`, timeZone: ZONE },
    allDay: false,
    alarms: [],
    sequence: 0,
    created: now,
    lastModified: now,
    createdBy: 'alice@example.test',
    lastModifiedBy: 'alice@example.test',
    extraProperties: [],
    recurrence: null,
    exceptions: { excluded: [], overrides: {} },
  };
}

/**
 * A plain imapflow client IDLEing on the folder as `user` next to the app (RFC 2177): when the
 * server's EXISTS for a new message reaches any client at all. → { existsAt: Date.now()[], close }
 */
async function idleReference(stack, user, folder) {
  const u = stack.users[user];
  const client = new ImapFlow({ host: stack.host, port: stack.ports.imaps, secure: true, auth: { user: u.email, pass: u.password }, tls: { ca: [stack.caPem] }, logger: false });
  client.on('error', () => undefined);
  await client.connect();
  const existsAt = [];
  client.on('exists', () => existsAt.push(Date.now()));
  await client.mailboxOpen(folder, { readOnly: true });
  void client.idle().catch(() => undefined);
  return { existsAt, close: () => client.logout().catch(() => client.close()) };
}

const figures = (values) => ({ firstMs: round(values[0]), medianMs: round(quantile(values, 0.5)), maxMs: round(Math.max(...values)), runsMs: values.map((v) => round(v)) });
const spread = (values) => (values.length ? { medianMs: quantile(values, 0.5), p95Ms: quantile(values, 0.95), maxMs: Math.max(...values) } : null);

async function monthRender(alice, { events, runs, log }) {
  await openCalendar(alice.page, MONTH_WEEK, 'Week', INFO);
  const file = monthIcs(events, MONTH);
  log(`importing ${events} events into ${INFO}'s calendar…`);
  const t0 = performance.now();
  const imported = await alice.rpc.call('calendar.import', { accountId: alice.accountId, folderPath: INFO_CALENDAR, ics: file.ics });
  const tImported = performance.now();
  const cached = () => cachedEvents(alice.page, alice.accountId, INFO_CALENDAR, file.uidPrefix);
  await waitFor(async () => (await cached()) >= imported.imported, `${imported.imported} imported events in alice's cache`, 300_000, 100);
  const tCached = performance.now();
  await sleep(1_000); // the week on screen re-renders with them first
  const month = [];
  const week = [];
  for (let i = 0; i < runs; i++) {
    month.push(await timeView(alice.page, 'Month', 'month'));
    await sleep(300);
    week.push(await timeView(alice.page, 'Week', 'week'));
    await sleep(300);
  }
  await timeView(alice.page, 'Month', 'month');
  const occurrences = await monthOccurrences(alice.page, MONTH);
  return {
    how: `${events} events over ${MONTH} imported into ${INFO}'s calendar (calendar.import on alice's host); once alice's page caches them: the Month (Week) button pressed in the page → the first frame showing the grid's event buttons painted (page performance.now); Week and Month alternate, ${runs} each, viewport 1400×900, en-GB, ${ZONE}`,
    events: { total: events, single: file.single, allDay: file.allDay, series: file.series, uidPrefix: file.uidPrefix, occurrencesInMonth: occurrences },
    import: { seconds: round((tImported - t0) / 1000, 2), imported: imported.imported, failed: imported.failed.length },
    importedToCachedSeconds: round((tCached - tImported) / 1000, 2),
    month: figures(month),
    week: figures(week),
  };
}

async function latency(alice, bob, { stack, probes, month, log, cleanups }) {
  await openCalendar(bob.page, PROBE_MONDAY, 'Week', INFO);
  // bob's first sync of the calendar (with the month's 1,000 events) done, so the probes meet a settled app.
  const expected = month.import.imported;
  await waitFor(async () => (await cachedEvents(bob.page, bob.accountId, INFO_CALENDAR, month.events.uidPrefix)) >= expected, `${expected} imported events in bob's cache`, 300_000, 250);
  await openCalendar(alice.page, PROBE_MONDAY, 'Week', INFO);
  await Promise.all([watchEventTitles(alice.page), watchEventTitles(bob.page)]);
  const reference = await idleReference(stack, 'bob', INFO_CALENDAR);
  cleanups.push(() => reference.close());
  await sleep(1_500);
  log(`change-to-visible latency alice → bob over ${probes} saves…`);
  const samples = [];
  const run = randomBytes(3).toString('hex');
  for (let i = 0; i < probes; i++) {
    const title = `Latency probe ${i + 1} ${run}`;
    await Promise.all([wantEventTitle(alice.page, title), wantEventTitle(bob.page, title)]);
    const event = probeEvent(`bench-latency-${run}-${i}@example.test`, title, day(PROBE_MONDAY, i % 5), 8 + 2 * (Math.floor(i / 5) % 5));
    const before = reference.existsAt.length;
    const t0 = Date.now();
    const written = await alice.rpc.call('calendar.save', { accountId: alice.accountId, folderPath: INFO_CALENDAR, event, base: null });
    const saved = Date.now();
    if (written.status !== 'saved') throw new Error(`bench: calendar.save answered ${written.status}`);
    const atBob = await waitFor(() => seenEventTitle(bob.page, title), `"${title}" in bob's week`, 20_000, 20);
    const atAlice = await waitFor(() => seenEventTitle(alice.page, title), `"${title}" in alice's week`, 5_000, 20).catch(() => null);
    await waitFor(() => reference.existsAt.length > before, 'the reference EXISTS', 5_000, 20).catch(() => null);
    const exists = reference.existsAt[before] ?? null;
    samples.push({
      title,
      saveCallMs: saved - t0,
      toBobPaintMs: atBob.painted - t0,
      savedToBobPaintMs: atBob.painted - saved,
      toReferenceExistsMs: exists === null ? null : exists - t0,
      referenceExistsToBobPaintMs: exists === null ? null : atBob.painted - exists,
      toAlicePaintMs: atAlice ? atAlice.painted - t0 : null,
    });
    await sleep(600 + (i % 3) * 200); // not in step with Dovecot's notify timer
  }
  const col = (k) => samples.map((s) => s[k]).filter((v) => v !== null);
  return {
    how: `alice's host saves a new event into ${INFO}'s calendar (calendar.save, base null, over an open WebSocket); from the call's start (Node Date.now()) to bob's page — his own host and profile, week of ${PROBE_MONDAY} on screen — showing its button and painting the next frame (page Date.now(), same clock); ${probes} saves, 0.6–1 s apart`,
    probes,
    toBob: spread(col('toBobPaintMs')),
    saveCall: spread(col('saveCallMs')),
    savedToBob: spread(col('savedToBobPaintMs')),
    serverToReferenceClient: spread(col('toReferenceExistsMs')),
    ourPartEstimate: {
      how: "bob's painted − EXISTS at a plain IDLE client logged in as bob on the same folder, per save; an estimate: the app's own connection is notified by the same Dovecot timer, not at the same instant",
      ...spread(col('referenceExistsToBobPaintMs')),
    },
    toAliceOwnPage: spread(col('toAlicePaintMs')),
    samples,
  };
}

/** Fills `out` (results.calendar) with `month` and then `latency`, each as soon as it is measured. */
export async function calendarBench(out, { stack, browser, events = 1000, runs = 5, probes = 20, log = () => undefined }) {
  const cleanups = [];
  try {
    const alice = await member(stack, browser, 'alice', cleanups);
    const month = await monthRender(alice, { events, runs, log });
    out.month = month;
    log(`month with ${events} events: first ${month.month.firstMs} ms, median ${month.month.medianMs} ms`);
    const bob = await member(stack, browser, 'bob', cleanups);
    out.latency = await latency(alice, bob, { stack, probes, month, log, cleanups });
    log(`alice → bob: median ${out.latency.toBob?.medianMs} ms, p95 ${out.latency.toBob?.p95Ms} ms`);
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve().then(cleanup).catch(() => undefined);
  }
}

/** The table's rows: [measure, result, target, ok]. No month figure in issue #5: 1 s is ours. */
export function calendarRows(c) {
  const m = c?.month;
  const l = c?.latency;
  const pair = (a, b, unit = 'ms') => (a != null && b != null ? `${a} / ${b} ${unit}` : '–');
  return [
    [`Calendar: import ${m?.events.total ?? '?'} events (.ics → server)`, m ? `${m.import.seconds} s, in the cache ${m.importedToCachedSeconds} s later` : '–', '', null],
    [`Month with ${m?.events.total ?? '?'} events painted (first / median)`, pair(m?.month.firstMs, m?.month.medianMs), '≤ 1000 ms (ours)', m ? m.month.medianMs <= 1000 : null],
    ['  a week of that month painted (first / median)', pair(m?.week.firstMs, m?.week.medianMs), '≤ 1000 ms (ours)', m ? m.week.medianMs <= 1000 : null],
    ['Calendar change alice → bob visible (median / p95)', pair(l?.toBob?.medianMs, l?.toBob?.p95Ms), 'p95 ≤ 2000 ms', l?.toBob ? l.toBob.p95Ms <= 2000 : null],
    ["  alice's calendar.save call (median / p95)", pair(l?.saveCall?.medianMs, l?.saveCall?.p95Ms), '', null],
    ['  save returned → bob visible (median / p95)', pair(l?.savedToBob?.medianMs, l?.savedToBob?.p95Ms), '', null],
    ['  save started → EXISTS at a plain IDLE client', pair(l?.serverToReferenceClient?.medianMs, l?.serverToReferenceClient?.p95Ms), '', null],
    ['  our part, estimate (EXISTS → bob painted)', pair(l?.ourPartEstimate?.medianMs, l?.ourPartEstimate?.p95Ms), '', null],
  ];
}
