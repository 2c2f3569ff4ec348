/**
 * A CPU profile (V8's .cpuprofile, from CDP Profiler.stop or test/bench/cpuProfile.mjs) in a few
 * figures: how much of a window the thread was busy, and which functions took the time — so a
 * bench figure that misses its target comes with where the time went (issue #11 §6).
 */
import { round } from './util.mjs';

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * @param profile { nodes: [{ id, callFrame: { functionName, url, lineNumber } }], samples, timeDeltas, startTime }
 * @param opts { fromMs?, toMs? } a window in ms since the profile's start; `top`: how many functions
 * → { windowMs, busyShare, idleMs, gcMs, programMs, top: [{ fn, selfMs, share }] }
 */
export function cpuSummary(profile, { fromMs = 0, toMs = Infinity, top = 12 } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = 0;
  let first = null;
  let last = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    if (t < fromMs || t > toMs) continue;
    first ??= t;
    last = t;
    const frame = byId.get(profile.samples[i])?.callFrame;
    const name = frame ? frameName(frame) : '(unknown)';
    // The sample's time is the gap to the next sample (the interval it stands for).
    const span = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(name, (self.get(name) ?? 0) + span);
  }
  const windowMs = first === null ? 0 : last - first;
  const idleMs = self.get('(idle)') ?? 0;
  const share = (ms) => (windowMs > 0 ? round(ms / windowMs, 3) : null);
  const functions = [...self.entries()].filter(([name]) => !SPECIAL.has(name)).sort((a, b) => b[1] - a[1]);
  return {
    windowMs: round(windowMs),
    busyShare: share(windowMs - idleMs),
    idleMs: round(idleMs),
    gcMs: round(self.get('(garbage collector)') ?? 0),
    programMs: round(self.get('(program)') ?? 0),
    top: functions.slice(0, top).map(([fn, ms]) => ({ fn, selfMs: round(ms), share: share(ms) })),
  };
}

function frameName({ functionName, url, lineNumber }) {
  if (!url) return functionName || '(anonymous)';
  const file = url.split('/').slice(-2).join('/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}
