/**
 * A renderer stand-in over the browser host's WebSocket (the real transport): calls contract
 * methods and acknowledges every `sync.batch` at once, recording when each arrived. Used by the
 * bench to time a resync from cursors without a page's IndexedDB writes in the way.
 */
import { openHostSocket } from '../../scripts/lib.mjs';

/**
 * @param {{ keep?: (batch: object) => object }} [options] `keep` turns each sync.batch into what
 * is recorded (a million rows kept whole would not fit in the bench's heap).
 */
export async function connectHost(host, { keep = (batch) => batch } = {}) {
  const ws = await openHostSocket(host);
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  /** { at: performance.now(), batch, bytes (JSON characters), parseMs (its JSON.parse) } for every sync.batch, in arrival order */
  const batches = [];
  const statuses = [];
  const client = {
    batches,
    statuses,
    /** Acknowledge batches as soon as they arrive (a renderer that writes instantly). */
    autoAck: true,
    call(method, input) {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method, input }));
      return new Promise((resolve, reject) =>
        pending.set(id, (result) => (result.ok ? resolve(result.value) : reject(new Error(`${method}: ${result.error.code} ${result.error.message}`)))),
      );
    },
    /** Resolves once `check()` holds, re-checked after every event (and every 100 ms). */
    until(check, what, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => {
          cleanup();
          reject(new Error(`bench: timed out waiting for ${what}; last status ${JSON.stringify(statuses.at(-1))}`));
        }, ms);
        const tick = setInterval(() => test(), 100);
        const test = () => {
          if (!check()) return;
          cleanup();
          resolve();
        };
        const cleanup = () => {
          clearTimeout(deadline);
          clearInterval(tick);
          listeners.delete(test);
        };
        listeners.add(test);
        test();
      });
    },
    close() {
      ws.close();
    },
  };
  ws.on('message', (raw) => {
    const text = String(raw);
    const t0 = performance.now();
    const data = JSON.parse(text);
    const parseMs = performance.now() - t0;
    if (typeof data.id === 'number') {
      pending.get(data.id)?.(data.result);
      pending.delete(data.id);
      return;
    }
    if (data.event === 'sync.batch') {
      batches.push({ at: performance.now(), batch: keep(data.payload), bytes: text.length, parseMs });
      if (client.autoAck) void client.call('sync.ack', { batchId: data.payload.batchId });
    }
    if (data.event === 'sync.status') statuses.push({ at: performance.now(), status: data.payload });
    for (const listener of [...listeners]) listener();
  });
  return client;
}
