/** The bench's report (scripts/bench.mjs): the table of figures against targets, and the results files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const mark = (ok) => (ok === null ? '–' : ok ? '✓' : '✗');

/**
 * Prints `rows` ([measure, result, target, met]) under a line naming the machine, then writes
 * `r` to `dir`/bench-<date><suffix>.json and `dir`/latest<suffix>.json (a run of one part keeps
 * its own latest file: a full run's latest.json stays whole).
 */
export function reportAndWrite(r, rows, { dir, suffix }) {
  const w = [Math.max(...rows.map((x) => x[0].length)), Math.max(...rows.map((x) => x[1].length)), Math.max(14, ...rows.map((x) => x[2].length))];
  console.log(`\nPostvak bench — ${r.date} — ${r.machine.cpus} cores, ${r.machine.cpuModel}, Node ${r.machine.node}, Chromium ${r.machine.chromium ?? '?'}, load ${r.machine.loadAverage.start[0]} → ${r.machine.loadAverage.end[0]}\n`);
  console.log(`${'measure'.padEnd(w[0])}  ${'result'.padEnd(w[1])}  ${'target'.padEnd(w[2])}`);
  for (const [name, value, target, ok] of rows) console.log(`${name.padEnd(w[0])}  ${value.padEnd(w[1])}  ${target.padEnd(w[2])}  ${target ? mark(ok) : ''}`);
  if (r.error) console.log(`\nFAILED: ${r.error.split('\n')[0]}`);
  for (const note of r.notes) console.log(`note: ${note}`);

  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${r.date.replace(/[:.]/g, '-')}${suffix}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(join(dir, `latest${suffix}.json`), `${JSON.stringify(r, null, 2)}\n`);
  console.log(`\n${r.totalSeconds} s in all; written to ${file} and bench-results/latest${suffix}.json`);
}
