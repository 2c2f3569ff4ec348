/**
 * The Worker's side of protocol.ts: opens the engine on the first `open`, then answers calls in
 * arrival order, each after the open (SQLite as WebAssembly is synchronous, so a call runs
 * whole before the next). Separate from engineWorker.ts so tests serve an in-memory engine
 * through the same code.
 */
import type { EngineCore } from './engineCore';
import type { IndexOp } from './engineTypes';
import { toWireError, type FromWorker, type ToWorker } from './protocol';

export interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}

function run(engine: EngineCore, method: string, args: unknown[]): { value: unknown; changed: boolean } {
  switch (method) {
    case 'apply':
      return { value: undefined, changed: engine.apply(args[0] as IndexOp[]) };
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

export function serveEngine(scope: WorkerScope, open: (name: string) => Promise<EngineCore>): void {
  let core: Promise<EngineCore> | null = null;
  scope.onmessage = (event) => {
    const message = event.data;
    if (message.kind === 'open') {
      core ??= open(message.name);
      return;
    }
    const ready = core ?? Promise.reject(new Error('search index: called before open'));
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
}
