/** The engine as one window sees it (its SyncClient), with the engine's own calls at hand. */
import type { EventSink } from '../../../../../src/main/services/types';
import { SyncEngine, type SyncClient, type SyncEngineDeps } from '../../../../../src/main/services/sync/SyncEngine';

export type EngineHandle = SyncClient & { core: SyncEngine; isSyncing(accountId: string): boolean };

/** A window on a new engine; `close()` closes the window and the engine. */
export function openEngine(sink: EventSink, deps: SyncEngineDeps): EngineHandle {
  const core = new SyncEngine(deps);
  const client = core.attach(sink);
  return {
    ...client,
    core,
    isSyncing: (accountId) => core.isSyncing(accountId),
    close: async () => {
      await client.close();
      await core.close();
    },
  };
}
