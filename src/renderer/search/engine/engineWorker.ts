/**
 * The engine's Worker (issue #13 §3): SQLite FTS5 on a file in the origin-private file system,
 * through the `opfs-sahpool` VFS — synchronous access handles, so no SharedArrayBuffer and no
 * COOP/COEP headers. The pool is exclusive to one connection: client.ts starts this Worker only
 * in the window that holds the profile's Web Lock. Without OPFS (an insecure context, a browser
 * without it, or the pool held elsewhere) the index lives in memory and the feeder rebuilds it
 * from the cache; stats() says which.
 */
import { EngineCore } from './engineCore';
import type { IndexOp } from './engineTypes';
import { toWireError, type FromWorker, type ToWorker } from './protocol';
import { loadSqlite } from './sqlite';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = self as unknown as WorkerScope;

async function open(name: string): Promise<EngineCore> {
  const sqlite3 = await loadSqlite();
  try {
    // One pool directory per profile's index, so two profiles' pools never meet.
    const pool = await sqlite3.installOpfsSAHPoolVfs({ name: `sahpool-${name}`, directory: `.search-${name}` });
    const db = new pool.OpfsSAHPoolDb(`/${name}.sqlite3`);
    // The index is rebuilt from the cache when lost: a power cut may cost the last commits,
    // never consistency (the journal still guards each transaction).
    db.exec('PRAGMA synchronous = NORMAL');
    return new EngineCore(db, 'opfs');
  } catch (error) {
    console.warn('search index: no OPFS, the index is kept in memory', error);
    return new EngineCore(new sqlite3.oo1.DB(':memory:', 'c'), 'memory');
  }
}

let core: Promise<EngineCore> | null = null;

function run(engine: EngineCore, method: string, args: unknown[]): { value: unknown; changed: boolean } {
  switch (method) {
    case 'apply': {
      const changed = engine.apply(args[0] as IndexOp[]);
      return { value: undefined, changed };
    }
    case 'clear':
      return { value: undefined, changed: engine.clear() };
    case 'search':
      return { value: engine.search(args[0] as Parameters<EngineCore['search']>[0]), changed: false };
    case 'count':
      return { value: engine.count(args[0] as Parameters<EngineCore['count']>[0]), changed: false };
    case 'states':
      return { value: engine.states(), changed: false };
    case 'bodiesIndexed':
      return { value: engine.bodiesIndexed(args[0] as Parameters<EngineCore['bodiesIndexed']>[0], args[1] as number[]), changed: false };
    case 'stats':
      return { value: engine.stats(), changed: false };
    default:
      throw new Error(`search index: unknown method ${method}`);
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === 'open') {
    core ??= open(message.name);
    return;
  }
  const ready = core ?? Promise.reject(new Error('search index: called before open'));
  // Calls run in arrival order: each waits for the open, then runs synchronously.
  void ready.then(
    (engine) => {
      try {
        const { value, changed } = run(engine, message.method, message.args);
        scope.postMessage({ kind: 'reply', id: message.id, ok: true, value });
        if (changed) scope.postMessage({ kind: 'changed' });
      } catch (error) {
        scope.postMessage({ kind: 'reply', id: message.id, ok: false, error: toWireError(error) });
      }
    },
    (error: unknown) => scope.postMessage({ kind: 'reply', id: message.id, ok: false, error: toWireError(error) }),
  );
};
