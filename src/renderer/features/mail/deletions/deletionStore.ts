/**
 * The deletion records of the shared Trash folders on screen (issue #12 §7), from main's
 * `deletions.list`. Asked when a row or the reader needs a Trash message that the last answer did
 * not cover — a new message in Trash is a new deletion — so the list is read as Trash changes,
 * never on a timer. The record is written just after the move, so a client may see the message
 * in Trash before its record exists: then it asks again a few times, further apart each time.
 * Only Trash folders of shared mailboxes are asked about: in a person's own mailbox no record is
 * written (services/tasks/deleteTask.ts says why).
 */
import type { DeletionEntry } from '../../../../shared/model/deletions';
import { parseUidSet, uidSetHas, type UidRanges } from '../../../../shared/uidSet';
import { api } from '../../../api';
import { db } from '../../../db/db';

export interface Deletion extends DeletionEntry {
  ranges: UidRanges;
}

interface FolderState {
  /** Whether this is a shared mailbox's Trash (read once from the cache). */
  watched: Promise<boolean>;
  entries: Deletion[];
  /** UIDs asked about that no answer covered yet, and how often. */
  misses: Map<number, number>;
  inFlight: Promise<void> | null;
  again: boolean;
}

const RETRY_MS = [500, 1500, 4000];
const folders = new Map<string, FolderState>();
const listeners = new Set<() => void>();
let version = 0;

const keyOf = (accountId: string, folderPath: string) => `${accountId}\u0000${folderPath}`;

async function isSharedTrash(accountId: string, folderPath: string): Promise<boolean> {
  const folder = await db.folders.get([accountId, folderPath]);
  // Not in the cache yet: ask again next time rather than remember "no".
  if (!folder) folders.delete(keyOf(accountId, folderPath));
  if (folder?.role !== 'trash') return false;
  const mailbox = await db.mailboxes.get(folder.mailboxId);
  return mailbox?.kind === 'shared';
}

function stateOf(accountId: string, folderPath: string): FolderState {
  const key = keyOf(accountId, folderPath);
  let state = folders.get(key);
  if (!state) {
    state = { watched: isSharedTrash(accountId, folderPath).catch(() => false), entries: [], misses: new Map(), inFlight: null, again: false };
    folders.set(key, state);
  }
  return state;
}

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever any folder's records do (for useSyncExternalStore). */
export function snapshotVersion(): number {
  return version;
}

/** The record of one Trash message, if its folder's last answer has one. */
export function deletionOf(accountId: string, folderPath: string, uid: number): Deletion | null {
  const state = folders.get(keyOf(accountId, folderPath));
  return state?.entries.find((entry) => uidSetHas(entry.ranges, uid)) ?? null;
}

async function load(accountId: string, folderPath: string, state: FolderState): Promise<void> {
  const result = await api.call('deletions.list', { accountId, folderPath });
  if (!result.ok) return;
  state.entries = result.value.map((entry) => ({ ...entry, ranges: parseUidSet(entry.uids) }));
  for (const uid of [...state.misses.keys()]) if (state.entries.some((e) => uidSetHas(e.ranges, uid))) state.misses.delete(uid);
  changed();
}

function fetchNow(accountId: string, folderPath: string, state: FolderState): void {
  if (state.inFlight) {
    state.again = true;
    return;
  }
  state.inFlight = load(accountId, folderPath, state)
    .catch(() => undefined)
    .finally(() => {
      state.inFlight = null;
      if (state.again) {
        state.again = false;
        fetchNow(accountId, folderPath, state);
      } else retryMisses(accountId, folderPath, state);
    });
}

/** UIDs still without a record are asked about again later: the record may not be written yet. */
function retryMisses(accountId: string, folderPath: string, state: FolderState): void {
  let soonest: number | null = null;
  for (const [uid, tries] of state.misses) {
    if (tries >= RETRY_MS.length) continue;
    state.misses.set(uid, tries + 1);
    soonest = Math.min(soonest ?? Infinity, RETRY_MS[tries]!);
  }
  if (soonest !== null) setTimeout(() => fetchNow(accountId, folderPath, state), soonest);
}

/** A row or the reader shows this Trash message: make sure its record was asked for. */
export function want(accountId: string, folderPath: string, uid: number): void {
  const state = stateOf(accountId, folderPath);
  void state.watched.then((watched) => {
    if (!watched || deletionOf(accountId, folderPath, uid) || state.misses.has(uid)) return;
    state.misses.set(uid, 0);
    fetchNow(accountId, folderPath, state);
  });
}
