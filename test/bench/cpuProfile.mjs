/**
 * Preloaded into a host process by the bench (NODE_OPTIONS=--import, which refuses --cpu-prof):
 * records a CPU profile of the whole process and writes it to $POSTVAK_CPU_PROF_DIR when the
 * process exits. Open the .cpuprofile in Chromium's DevTools (Performance panel).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.POSTVAK_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  // A same-thread session answers synchronously, so this runs to the end inside 'exit'.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `host-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
