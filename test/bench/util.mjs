/** Small helpers shared by the bench parts (scripts/bench.mjs and test/bench/*). */

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const round = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(d)));

export function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  // Nearest-rank: the smallest value with at least q of the samples at or below it.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Resolves with `check()`'s first truthy answer, asked every `every` ms for at most `ms`. */
export async function waitFor(check, what, ms, every = 100) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`bench: timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}
