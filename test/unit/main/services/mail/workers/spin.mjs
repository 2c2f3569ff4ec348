// A parse worker that never answers a 'spin' job and grows its heap without bound on 'grow':
// the pool must end it by its time or memory budget and answer the next job with a fresh one.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, kind }) => {
  if (kind === 'spin') for (;;);
  if (kind === 'grow') {
    const hoard = [];
    for (;;) hoard.push(new Array(1e5).fill({ id }));
  }
  parentPort.postMessage({ id, ok: true, value: `answered ${kind}` });
});
