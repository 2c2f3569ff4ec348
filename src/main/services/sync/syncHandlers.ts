/**
 * sync.* for one client. `sync.start` returns at once; progress arrives as `sync.status` and
 * data as `sync.batch` events, each acknowledged with `sync.ack`.
 */
import type { Handlers } from '../../rpc/dispatch';
import type { SyncEngine } from './SyncEngine';

export function syncHandlers(engine: SyncEngine): Handlers {
  return {
    'sync.start': async ({ accountId, cursors }) => {
      await engine.start(accountId, cursors);
    },
    'sync.ack': ({ batchId }) => {
      engine.ack(batchId);
    },
    'sync.stop': async ({ accountId }) => {
      await engine.stop(accountId);
    },
    'sync.focus': ({ accountId, folderPath }) => {
      engine.focus(accountId, folderPath);
    },
  };
}
