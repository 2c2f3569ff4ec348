/**
 * The contract over the browser host's WebSocket (src/main/host). Same interface as the
 * Electron preload, so nothing above src/renderer/api knows which one it talks to.
 * Reconnects by itself; `onReconnect` lets the sync loop re-send its cursors (HOUSE_STYLE.md).
 * The host's first frame on a connection hands over the accounts (`{ hello: { accounts } }`,
 * host/server.ts, issue #11 §4): the first one is kept for the sync loop's start.
 */
import type { EventMap, EventName, MethodName, MethodOutput, PostvakApi, Result } from '../../shared/api';
import { defaultRetry, exponentialDelay } from '../../shared/retry';

type Pending = { resolve: (r: Result<unknown>) => void };
type Handler = (payload: unknown) => void;

export interface WsClient extends PostvakApi {
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /**
   * The accounts the host handed over on the first connection (what `accounts.list` answers),
   * without asking; `offline` when that connection closed before they came.
   */
  accountsAtStart(): Promise<Result<MethodOutput<'accounts.list'>>>;
}

type Frame = { id: number; result: Result<unknown> } | { event: string; payload: unknown } | { hello: { accounts: Result<unknown> } };

export function createWsClient(url: string): WsClient {
  let socket: WebSocket | null = null;
  let connected = false;
  let nextId = 1;
  let failures = 0;
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const handlers = new Map<string, Set<Handler>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let handOver: (accounts: Result<unknown>) => void = () => undefined;
  const handedOver = new Promise<Result<unknown>>((resolve) => {
    handOver = (accounts) => {
      handOver = () => undefined; // the first connection's only
      resolve(accounts);
    };
  });

  function setConnected(value: boolean): void {
    if (connected === value) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  }

  function open(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      failures = 0;
      setConnected(true);
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as Frame;
      if ('hello' in data) handOver(data.hello.accounts);
      else if ('id' in data) {
        pending.get(data.id)?.resolve(data.result);
        pending.delete(data.id);
      } else {
        for (const handler of handlers.get(data.event) ?? []) handler(data.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      setConnected(false);
      handOver({ ok: false, error: { code: 'offline', message: 'Lost the connection to Postvak' } });
      // Calls in flight died with the socket: answer them rather than leave promises hanging.
      for (const [id, p] of pending) {
        p.resolve({ ok: false, error: { code: 'offline', message: 'Lost the connection to Postvak' } });
        pending.delete(id);
      }
      setTimeout(open, exponentialDelay(++failures, defaultRetry.hostReconnectBaseMs, defaultRetry.hostReconnectCapMs));
    };
  }
  open();

  return {
    call(method: MethodName, input: unknown) {
      const id = nextId++;
      const frame = JSON.stringify({ id, method, input });
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        if (socket && connected) socket.send(frame);
        else queue.push(frame);
      });
    },
    on<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void) {
      const set = handlers.get(event) ?? new Set<Handler>();
      handlers.set(event, set);
      set.add(handler as Handler);
      return () => set.delete(handler as Handler);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    accountsAtStart: () => handedOver as Promise<Result<MethodOutput<'accounts.list'>>>,
  } as WsClient;
}
