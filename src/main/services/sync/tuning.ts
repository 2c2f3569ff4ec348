/**
 * The sync engine's timings, batch sizes and connection budget; tests shorten the waits
 * (createServices' tuning). Retry delays come from the one place for them, shared/retry.ts.
 */
import { defaultRetry } from '../../../shared/retry';

export interface SyncTuning {
  /** New messages per batch after the first. */
  batchSize: number;
  /** New messages in a pass's first batch: small, so the top of a big folder shows at once. */
  firstBatchSize: number;
  flagBatchSize: number;
  /** How long a head start (WarmStarts.ts) waits to be taken; 0: no head starts. */
  headStartMs: number;
  /** Batches of one pass sent before the oldest is acknowledged (folderPass.ts sendWindow). */
  sendWindow: number;
  /** Batches of one pass fetched ahead of the one being sent (folderPass.ts fetchAhead). */
  fetchAhead: number;
  ackTimeoutMs: number;
  /** LIST-STATUS poll of the unwatched folders; also how fast a grant or revocation shows. */
  pollMs: number;
  /** The poll while a folder that should have IDLE has no watcher (the budget is full). */
  unwatchedPollMs: number;
  /** Full re-discovery: rights (MYRIGHTS) and quota, which LIST does not reveal. */
  discoveryMs: number;
  /** How long re-discovery waits for a connection for its fresh login before it lists on the sync connection. */
  probeWaitMs: number;
  /** Reconnect delays of the sync connection and the IDLE watchers (shared/retry.ts). */
  backoffMs: readonly number[];
  /**
   * IMAP connections per account across every window (issue #10 §9): Thunderbird's default is
   * 5; Dovecot refuses an 11th per user and address by default.
   */
  connectionLimit: number;
  /** Before retrying a login refused for too many connections (shared/retry.ts). */
  tooManyConnectionsMs: readonly number[];
  /** A budget shrunk by such a refusal grows back by one after this long. */
  budgetRestoreMs: number;
}

export const defaultTuning: SyncTuning = {
  // Measured with `npm run bench` (2 cores): 2,000 per batch costs a quarter of the round trips
  // and cache transactions of 500; the first batch of 100 reaches the screen sooner.
  batchSize: 2000,
  firstBatchSize: 100,
  flagBatchSize: 2000,
  // Measured with `npm run bench`: 2 keeps the renderer writing instead of waiting a round trip.
  sendWindow: 2,
  // Measured with `npm run bench -- --only sync` (issue #11 §6): with 2 the server answers the
  // next FETCH while main builds the summaries of the last one.
  fetchAhead: 2,
  headStartMs: 60_000,
  ackTimeoutMs: 120_000,
  pollMs: 15_000,
  unwatchedPollMs: 5_000,
  discoveryMs: 30_000,
  probeWaitMs: 5_000,
  backoffMs: defaultRetry.reconnectMs,
  connectionLimit: 5,
  tooManyConnectionsMs: defaultRetry.tooManyConnectionsMs,
  budgetRestoreMs: defaultRetry.budgetRestoreMs,
};
