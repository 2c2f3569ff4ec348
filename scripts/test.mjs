/**
 * `npm test`: typecheck, lint, unit, integration (real mail stack) and end-to-end tests (browser
 * host in Debian's Chromium), then ONE closing line adding up every runner: `N passed, N failed`.
 * Typecheck, lint and the build count as one check each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemPackages } from './systemPackages.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
const only = process.argv.slice(2);
const results = [];
const started = Date.now();
mkdirSync('test-results', { recursive: true });

function run(label, command, args) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const t = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  console.log(`━━ ${label} ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

function vitest(project) {
  const out = `test-results/vitest-${project}.json`;
  rmSync(out, { force: true });
  const ok = run(project, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (!existsSync(out)) return results.push({ label: project, passed: 0, failed: 1, skipped: 0 });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that failed to load has no test results; count it as a failure.
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  results.push({
    label: project,
    passed: r.numPassedTests,
    failed: r.numFailedTests + broken + (ok || r.numFailedTests + broken > 0 ? 0 : 1),
    skipped: r.numPendingTests + r.numTodoTests,
  });
}

function playwright() {
  const out = 'test-results/e2e-report.json';
  rmSync(out, { force: true });
  const ok = run('e2e', 'npx', ['playwright', 'test']);
  if (!existsSync(out)) return results.push({ label: 'e2e', passed: 0, failed: 1, skipped: 0 });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // Say clearly what was skipped and why (e.g. the Electron tests where no binary exists).
  const walk = (suite) => [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(walk)];
  for (const spec of report.suites.flatMap(walk)) {
    for (const t of spec.tests) {
      if (t.status !== 'skipped') continue;
      const why = t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
      console.log(`  skipped: ${spec.title} — ${why}`);
    }
  }
  const s = report.stats;
  const failed = s.unexpected + s.flaky;
  results.push({ label: 'e2e', passed: s.expected, failed: failed + (ok || failed > 0 ? 0 : 1), skipped: s.skipped });
}

const want = (name) => only.length === 0 || only.includes(name);
await ensureSystemPackages();
if (want('typecheck')) check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (want('lint')) check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
if (want('unit')) vitest('unit');
if (want('integration')) vitest('integration');
const built = (want('e2e') || want('pack')) && check('build', 'npx', ['electron-vite', 'build']);
if (built && want('pack')) check('pack', 'node', ['scripts/pack-check.mjs']);
if (built && want('e2e')) playwright();

console.log('\nSummary');
for (const r of results) console.log(`  ${r.label.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
const sum = (k) => results.reduce((n, r) => n + r[k], 0);
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
console.log(`${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
process.exit(sum('failed') > 0 ? 1 : 0);
