#!/usr/bin/env node
/**
 * Figures for issue #5: expanding a month of 1,000 events (and a day's alarms) with the
 * renderer's own code, loaded through Vite so the TypeScript runs as the app bundles it.
 * Prints figures, asserts nothing (HOUSE_STYLE.md).
 *
 *   node test/bench/calendarExpand.mjs [--count 1000] [--month 2026-03] [--zone Europe/Amsterdam]
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { values: args } = parseArgs({
  options: { count: { type: 'string', default: '1000' }, month: { type: 'string', default: '2026-03' }, zone: { type: 'string', default: 'Europe/Amsterdam' } },
});
const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const load = async (path) => (await runnerImport(at(path))).module;

const { monthOfEvents, timeRuns } = await load('./calendarEvents.ts');
const { expandOccurrences } = await load('../../src/renderer/calendar/occurrences.ts');
const { alarmsBetween } = await load('../../src/renderer/calendar/alarms.ts');
const { utcMillis } = await load('../../src/shared/calendar/zoneTime.ts');

const count = Number(args.count);
const zone = args.zone;
const events = monthOfEvents(count, args.month, zone);
const [year, month] = args.month.split('-').map(Number);
const next = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}`;
// The month view shows six weeks; take the month with a week either side.
const range = { start: utcMillis(`${args.month}-01T00:00:00`, zone) - 7 * 86_400_000, end: utcMillis(`${next}-01T00:00:00`, zone) + 7 * 86_400_000 };
const day = { start: utcMillis(`${args.month}-16T00:00:00`, zone), end: utcMillis(`${args.month}-17T00:00:00`, zone) };

const occurrences = expandOccurrences(events, range, zone).length;
const rows = [
  timeRuns(`expand month (${count} events → ${occurrences} occurrences)`, () => expandOccurrences(events, range, zone)),
  timeRuns('expand one week', () => expandOccurrences(events, { start: day.start, end: day.start + 7 * 86_400_000 }, zone)),
  timeRuns(`alarms of one day`, () => alarmsBetween(events, day.start, day.end, zone)),
];
console.log(`calendar expansion, ${new Date().toISOString()}, node ${process.version}`);
for (const r of rows) console.log(`${r.label.padEnd(60)} first ${r.firstMs.toFixed(1)} ms, median ${r.medianMs.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms (${r.runs} runs)`);
