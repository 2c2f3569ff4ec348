/**
 * Messages between a window's engine client, the engine's Worker, and the other windows of the
 * same profile (BroadcastChannel). Errors cross as data: structured clone keeps an Error's
 * message but not always its class, and a thrown value need not be an Error at all.
 */
import type { SearchEngine } from './engineTypes';

/** The engine's methods that cross a message boundary (onChange is local to each window). */
export type EngineMethod = Exclude<keyof SearchEngine, 'onChange'>;

export interface WireError {
  name: string;
  message: string;
}

export type Reply = { ok: true; value: unknown } | { ok: false; error: WireError };

/** Window → Worker. `open` first, once; `name` is the profile's index name (client.ts). */
export type ToWorker = { kind: 'open'; name: string } | { kind: 'call'; id: number; method: EngineMethod; args: unknown[] };

/** Worker → window. */
export type FromWorker = ({ kind: 'reply'; id: number } & Reply) | { kind: 'changed' };

/** Between windows: calls of a window that does not hold the index to the one that does. */
export type Broadcast =
  | { kind: 'call'; from: string; id: number; method: EngineMethod; args: unknown[] }
  | ({ kind: 'reply'; to: string; id: number } & Reply)
  | { kind: 'changed' };

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function fromWireError(error: WireError): Error {
  const out = new Error(error.message);
  out.name = error.name;
  return out;
}
