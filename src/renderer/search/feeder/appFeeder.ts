/**
 * The app's feeder: started by the main window (App.tsx) once the start-up's first rows are on
 * their way, and only in the window that holds the index (search/engine/client.ts: the Web
 * Lock's holder runs the Worker; feeding from another window would send every document over the
 * BroadcastChannel twice). A window that is granted the index later — the holder closed — starts
 * feeding then.
 */
import { api } from '../../api';
import { db } from '../../db/db';
import { useStore } from '../../store';
import { EngineClient, getSearchEngine } from '../engine/client';
import type { FolderRef } from '../engine/engineTypes';
import { startSearchFeeder } from './index';
import { indexingProgress, setIndexingProgress, type IndexingProgress } from './progress';

/** After the first rows: the index is built behind the sync (issue #13 §3), never before it. */
const startAfterMs = 1_000;
/** How often a window that does not hold the index looks whether it does now. */
const holdCheckMs = 2_000;

function focusedFolder(): FolderRef | null {
  const { selectedAccountId, selectedFolderPath, selectedUnified } = useStore.getState();
  return !selectedUnified && selectedAccountId && selectedFolderPath ? { accountId: selectedAccountId, folderPath: selectedFolderPath } : null;
}

/** A sync pass is bringing mail for some account (the index then gives way: feeder.ts `busy`). */
function syncBusy(): boolean {
  return Object.values(useStore.getState().syncStatus).some((status) => status.state === 'syncing');
}

const isProgress = (value: unknown): value is IndexingProgress | null =>
  value === null || (typeof value === 'object' && typeof (value as IndexingProgress).done === 'number' && typeof (value as IndexingProgress).total === 'number');

/**
 * The feeding window tells the others how far it is, so "Indexing 12,000 of 80,000 messages…"
 * shows in every window of the profile, not only in the one that holds the index.
 */
function shareProgress(feeding: () => boolean): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(`postvak-search-progress:${db.name}`);
  const unsubscribe = indexingProgress.subscribe((progress) => {
    if (feeding()) channel.postMessage(progress);
  });
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (!feeding() && isProgress(event.data)) setIndexingProgress(event.data);
  };
  return () => {
    unsubscribe();
    channel.close();
  };
}

/** Starts feeding when this window holds the index; returns the stop. */
export function startAppFeeder(): () => void {
  let stop: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const unshare = shareProgress(() => stop !== null);
  const tryStart = () => {
    if (stopped) return;
    const engine = getSearchEngine();
    // The client answers whether this window runs the Worker; any other engine is this window's own.
    const holding = engine instanceof EngineClient ? engine.holding : true;
    if (holding) stop = startSearchFeeder(db, engine, api, { focus: focusedFolder, busy: syncBusy });
    else timer = setTimeout(tryStart, holdCheckMs);
  };
  timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(tryStart, { timeout: startAfterMs });
    else tryStart();
  }, startAfterMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
    stop?.();
    unshare();
  };
}


