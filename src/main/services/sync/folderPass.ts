/**
 * One pass over one selected folder: decide with syncStrategy, then send batches. The batch
 * protocol (what the renderer relies on):
 * - new messages first, newest first, `batchSize` per batch, each with `progress`;
 * - then flag updates for messages the cache holds (CONDSTORE, RFC 7162 §3.1.4.1);
 * - the last batch of the pass carries the `cursor`, plus `removedUids` (QRESYNC VANISHED,
 *   RFC 7162 §3.2.10) or `presentUids` (every UID below cursor.uidNext, when removals had to be
 *   found by UID SEARCH);
 * - `reset: true` on the first batch after a UIDVALIDITY change (RFC 9051 §2.3.1.1).
 * A pass that is interrupted sends no cursor, so the next one starts from the old cursor again.
 */
import type { AccountId, FolderCursor, MessageSummary } from '../../../shared/model';
import type { StoredEvent } from '../../../shared/model/calendar';
import { compressUids } from '../../../shared/uidSet';
import type { FlagChange, ImapCaps, OpenFolder } from '../imap/types';
import type { BatchBody } from './batchChannel';
import { fetchSummaries } from './fetchSummaries';
import { syncStrategy, type SyncDecision } from './syncStrategy';
import { chunks, newestFirstBatches } from './uidBatches';

type MessagesBody = Extract<BatchBody, { kind: 'messages' }>;
/** A batch's rows and, in a calendar folder, their events. */
type Rows = { upserts: MessageSummary[]; events?: StoredEvent[] };

export interface PassContext {
  accountId: AccountId;
  caps: ImapCaps;
  batchSize: number;
  /** Size of a pass's first batch of new messages (the top of the list); `batchSize` when absent. */
  firstBatchSize?: number;
  /** Flag updates per batch (they are small rows). */
  flagBatchSize: number;
  /**
   * Batches sent and not yet acknowledged, at most (≥ 1; 1 when absent). With 2 the client
   * already holds the next batch when it finishes writing one, instead of idling through the
   * acknowledgement's round trip; back-pressure still bounds what is in flight.
   */
  sendWindow?: number;
  /**
   * Batches fetched ahead of the one being sent (≥ 1; 1 when absent). With 2 the next FETCH is
   * already queued on the connection when one ends, so the server answers it while main turns
   * the last one into summaries (issue #11 §6), instead of both taking turns.
   */
  fetchAhead?: number;
  send(body: MessagesBody): Promise<void>;
  progress(done: number, total: number): void;
  /** Calendar folders (issue #5 §2): the decoded events of a batch's upserts, sent with them. */
  events?: (folder: OpenFolder, upserts: readonly MessageSummary[]) => Promise<StoredEvent[]>;
}

async function fetchRows(ctx: PassContext, folder: OpenFolder, uids: readonly number[]): Promise<Rows> {
  const upserts = await fetchSummaries(ctx.accountId, folder, uids);
  return ctx.events ? { upserts, events: await ctx.events(folder, upserts) } : { upserts };
}

export async function syncFolder(ctx: PassContext, folder: OpenFolder, cached: FolderCursor | null): Promise<SyncDecision> {
  const snap = folder.snapshot;
  const decision = syncStrategy(cached, snap, ctx.caps);
  switch (decision.type) {
    case 'none':
      await sendPlan(ctx, folder, { newUids: [], flagUpdates: [], removedUids: [], present: undefined, count: snap.exists, reset: false });
      break;
    case 'reset':
      await fullPass(ctx, folder, null, true);
      break;
    case 'full':
      await fullPass(ctx, folder, cached, false);
      break;
    case 'condstore':
    case 'qresync':
      await changesPass(ctx, folder, cached as FolderCursor, decision.type === 'qresync');
      break;
  }
  return decision;
}

/**
 * The first look at a folder the cache has never completed (no cursor): a folder of at most
 * `firstBatchSize` messages gets its whole pass now (one batch, same cost); a bigger one gets
 * only its newest `firstBatchSize` messages, without a cursor, so the top of every folder is on
 * screen before any big folder is synced through. Its full pass comes later and sends those
 * rows again (puts are idempotent); a pass cut short here leaves the cache as a cut full pass
 * would: rows without a cursor, which the next full pass corrects with `presentUids`.
 * Returns true when the folder's pass is complete.
 */
export async function previewFolder(ctx: PassContext, folder: OpenFolder, cached: FolderCursor | null): Promise<boolean> {
  const first = ctx.firstBatchSize ?? ctx.batchSize;
  if (cached !== null || folder.snapshot.exists <= first) {
    await syncFolder(ctx, folder, cached);
    return true;
  }
  const top = folder.snapshot.uidNext - 1;
  // Bounded by UIDNEXT at SELECT, like the full pass.
  const uids = (await folder.newestUids(first)).filter((uid) => uid <= top);
  await ctx.send({
    kind: 'messages',
    accountId: ctx.accountId,
    folderPath: folder.snapshot.path,
    reset: false,
    ...(await fetchRows(ctx, folder, uids)),
    flagUpdates: [],
    removedUids: [],
    cursor: null,
    progress: { done: 0, total: 0 },
  });
  return false;
}

interface Plan {
  newUids: number[];
  flagUpdates: FlagChange[];
  removedUids: number[];
  present: string | undefined;
  count: number;
  reset: boolean;
}

async function fullPass(ctx: PassContext, folder: OpenFolder, cached: FolderCursor | null, reset: boolean): Promise<void> {
  const top = folder.snapshot.uidNext - 1;
  // Bounded by UIDNEXT at SELECT: later arrivals belong to the next pass, so the cursor is exact.
  const all = top >= 1 ? await folder.searchUids(`1:${top}`) : [];
  const known = cached ? all.filter((uid) => uid < cached.uidNext) : [];
  const newUids = cached ? all.filter((uid) => uid >= cached.uidNext) : all;
  const flagUpdates = cached && known.length > 0 ? (await folder.fetchFlags(`1:${cached.uidNext - 1}`, null)).changes : [];
  const knownSet = new Set(known);
  await sendPlan(ctx, folder, {
    newUids,
    flagUpdates: flagUpdates.filter((c) => knownSet.has(c.uid)),
    removedUids: [],
    // Without mod-sequences nothing else tells the cache what was expunged.
    present: compressUids(all),
    count: all.length,
    reset,
  });
}

async function changesPass(ctx: PassContext, folder: OpenFolder, cached: FolderCursor, qresync: boolean): Promise<void> {
  const snap = folder.snapshot;
  const top = snap.uidNext - 1;
  const oldTop = cached.uidNext - 1;
  const { changes, vanished } = oldTop >= 1 ? await folder.fetchFlags(`1:${oldTop}`, cached.highestModseq) : { changes: [], vanished: [] };
  const newUids = snap.uidNext > cached.uidNext ? await folder.searchUids(`${cached.uidNext}:${top}`) : [];
  let removedUids = qresync ? vanished.filter((uid) => uid < cached.uidNext) : [];
  let present: string | undefined;
  // UIDs only grow (RFC 9051 §2.3.1.1), so the old messages still on the server are a subset of
  // what the cache holds: equal counts mean nothing else was expunged. VANISHED may name UIDs the
  // cache never had (RFC 7162 §3.2.10), which makes the count disagree and falls back to SEARCH.
  const oldOnServer = snap.exists - newUids.length;
  let count = cached.count - removedUids.length + newUids.length;
  if (oldOnServer !== cached.count - removedUids.length) {
    const all = top >= 1 ? await folder.searchUids(`1:${top}`) : [];
    present = compressUids(all);
    removedUids = [];
    count = all.length;
  }
  const newSet = new Set(newUids);
  await sendPlan(ctx, folder, {
    newUids,
    flagUpdates: changes.filter((c) => c.uid < cached.uidNext && !newSet.has(c.uid)),
    removedUids,
    present,
    count,
    reset: false,
  });
}

type Step = { upserts: number[] } | { flags: FlagChange[] };

async function sendPlan(ctx: PassContext, folder: OpenFolder, plan: Plan): Promise<void> {
  const snap = folder.snapshot;
  const steps: Step[] = [
    ...newestFirstBatches(plan.newUids, ctx.batchSize, ctx.firstBatchSize ?? ctx.batchSize).map((upserts) => ({ upserts })),
    ...chunks(plan.flagUpdates, ctx.flagBatchSize).map((flags) => ({ flags })),
  ];
  if (steps.length === 0) steps.push({ flags: [] });
  const cursor: FolderCursor = {
    path: snap.path,
    uidValidity: snap.uidValidity,
    uidNext: snap.uidNext,
    highestModseq: snap.highestModseq,
    count: plan.count,
  };
  const total = plan.newUids.length;
  let done = 0;
  // Fetch batches n+1 … n+fetchAhead while the client writes and acknowledges batch n: at most
  // `fetchAhead` fetched batches wait in memory, and at most `sendWindow` sent batches are
  // unacknowledged.
  const fetchStep = (step: Step | undefined): Promise<Rows> => {
    if (!step || !('upserts' in step)) return Promise.resolve({ upserts: [] });
    const fetched = fetchRows(ctx, folder, step.upserts);
    fetched.catch(() => undefined); // awaited below; this only keeps an early failure "handled"
    return fetched;
  };
  const window = Math.max(1, ctx.sendWindow ?? 1);
  // Unacknowledged sends, oldest first. Acknowledgements come in order (the client writes one
  // batch at a time), so the oldest is the one to wait for; a failure stops the pass there.
  const unacknowledged: Promise<void>[] = [];
  const ahead = Math.max(1, ctx.fetchAhead ?? 1);
  const fetching = steps.slice(0, ahead).map(fetchStep);
  for (const [index, step] of steps.entries()) {
    const last = index === steps.length - 1;
    if ('upserts' in step) ctx.progress(done, total);
    const rows = await (fetching.shift() as Promise<Rows>);
    if (index + ahead < steps.length) fetching.push(fetchStep(steps[index + ahead]));
    if ('upserts' in step) done += step.upserts.length;
    const sent = ctx.send({
      kind: 'messages',
      accountId: ctx.accountId,
      folderPath: snap.path,
      reset: plan.reset && index === 0,
      ...rows,
      flagUpdates: 'flags' in step ? step.flags : [],
      removedUids: last ? plan.removedUids : [],
      ...(last && plan.present !== undefined ? { presentUids: plan.present } : {}),
      cursor: last ? cursor : null,
      progress: { done, total },
    });
    sent.catch(() => undefined); // awaited in order below; this only keeps a later failure "handled"
    unacknowledged.push(sent);
    while (unacknowledged.length >= window) await unacknowledged.shift();
  }
  for (const sent of unacknowledged) await sent;
}
