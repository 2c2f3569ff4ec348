// Types for test/support/faultProxy.mjs (plain ESM, no build step).

export interface FaultProxyOptions {
  /** Default 127.0.0.1 */
  targetHost?: string;
  targetPort: number;
  /** Default 0: a free port (the proxy always listens on 127.0.0.1) */
  listenPort?: number;
}

export interface CutOptions {
  /** Disarm after the first cut (default false: every matching connection is cut) */
  once?: boolean;
}

export interface RandomCutOptions {
  minBytes: number;
  maxBytes: number;
  /** Same seed, same cut points for the n-th connection opened after arming. Default 1 */
  seed?: number;
  /** Disarm after this many cuts (default: never), so a long sync can finish */
  times?: number;
}

export interface FaultProxyStats {
  /** Connections proxied since start */
  accepted: number;
  /** Connections reset by refuse mode */
  refused: number;
  /** Connections cut by a rule or cutAll() */
  cuts: number;
  /** Connections open now */
  open: number;
}

/** Every `cut…` call returns its disarm function. */
export type Disarm = () => void;

export interface FaultProxy {
  port: number;
  /** Proxied connections open now */
  connections(): number;
  stats(): FaultProxyStats;
  /** Resets every open connection, both sides */
  cutAll(): void;
  /**
   * Called for every chunk from the server with the connection's server byte count including
   * that chunk; when it returns true the chunk is delivered and the connection is cut.
   */
  cutWhen(predicate: (chunkFromServer: Buffer, totalBytesFromServer: number) => boolean, options?: CutOptions): Disarm;
  /** Delivers exactly the first `n` server bytes of each connection, then cuts it */
  cutAfterServerBytes(n: number, options?: CutOptions): Disarm;
  /** Cuts each new connection after a pseudo-random server byte count in [minBytes, maxBytes] */
  cutRandomly(options: RandomCutOptions): Disarm;
  /** Stops forwarding in both directions (open and new connections) until resume() */
  pause(): void;
  resume(): void;
  /** While on, new connections are reset right after accept */
  refuse(on?: boolean): void;
  /** Stops listening and resets every connection; resolves once all sockets are closed */
  close(): Promise<void>;
}

export function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy>;
