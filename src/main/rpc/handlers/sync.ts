/**
 * sync.* for one window. `sync.start` returns at once; progress arrives as `sync.status` (to
 * every window) and data as `sync.batch` events (to the window writing the cache), each
 * acknowledged with `sync.ack` (SyncEngine.ts: the protocol).
 */
import type { Handlers } from '../dispatch';
import type { SyncClient } from '../../services/sync/SyncEngine';

export function syncHandlers(client: SyncClient): Handlers {
  return {
    'sync.start': async ({ accountId, cursors }) => {
      await client.start(accountId, cursors);
    },
    'sync.ack': ({ batchId }) => {
      client.ack(batchId);
    },
    'sync.stop': async ({ accountId }) => {
      await client.stop(accountId);
    },
    'sync.focus': ({ accountId, folderPath }) => {
      client.focus(accountId, folderPath);
    },
  };
}
