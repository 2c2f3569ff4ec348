// A parse worker that never finishes any job: everything the pool gives it runs over its budget.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  for (;;);
});
