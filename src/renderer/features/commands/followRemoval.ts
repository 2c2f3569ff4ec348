/**
 * After an action that takes messages out of the list (archive, junk, delete, move): once they
 * have left it, the message after the open one opens (or the one before, at the end) — as
 * deleteAndSelectNext does for one message — and the selection is cleared. The next message is
 * chosen before the action starts, while the positions still hold; nothing happens when the
 * action is refused or a confirmation is cancelled (the messages never leave).
 */
import { db } from '../../db/db';
import { acquireIndex } from '../../db/index/registry';
import type { MessageKey } from '../../db/rows';
import { useStore } from '../../store';
import { activeList } from '../mail/selection/listController';
import { currentSource } from '../mail/useDeleteAction';
import { sameKey } from '../mail/selection/selectionModel';

/** Membership by folder and UID: for a million keys (Ctrl+A) numbers, not a million strings. */
function keySet(keys: readonly MessageKey[]): (key: MessageKey) => boolean {
  const byFolder = new Map<string, Set<number>>();
  for (const [accountId, folderPath, uid] of keys) {
    const tag = `${accountId}\u0000${folderPath}`;
    let uids = byFolder.get(tag);
    if (!uids) byFolder.set(tag, (uids = new Set()));
    uids.add(uid);
  }
  return (key) => byFolder.get(`${key[0]}\u0000${key[1]}`)?.has(key[2]) ?? false;
}

/** How long a move waits for the folder picker's choice before it stops watching. */
const watchMs = 120_000;

export async function followRemoval(keys: readonly MessageKey[]): Promise<() => Promise<void>> {
  const first = keys[0];
  const source = currentSource();
  // The list on screen, else (no list mounted) the index of the folder the person is in.
  const lease = activeList() ? null : source && acquireIndex(db, source);
  const index = activeList()?.index ?? lease?.index;
  if (!index || !first) return async () => lease?.release();
  await index.whenCurrent().catch(() => undefined);
  const where = (key: MessageKey) => index.positionOf({ accountId: key[0], folderPath: key[1], uid: key[2], date: Number.NaN });
  const leaving = keySet(keys);
  const selected = useStore.getState().selectedMessage;
  // Only when the open message is among those leaving does another one open.
  const open = selected && leaving(selected) ? selected : null;
  let next: MessageKey | null = null;
  if (open) {
    const at = where(open);
    for (let p = at + 1; at >= 0 && p < index.length && !next; p++) {
      const key = index.keyAt(p);
      if (key && !leaving(key)) next = key;
    }
    for (let p = at - 1; at >= 0 && p >= 0 && !next; p--) {
      const key = index.keyAt(p);
      if (key && !leaving(key)) next = key;
    }
  }
  let stopped = false;
  const check = () => {
    if (stopped || where(first) >= 0) return;
    stop();
    const store = useStore.getState();
    if (open && sameKey(store.selectedMessage, open)) store.selectMessage(next);
    store.clearMessageSelection();
  };
  const unsubscribe = index.subscribe(check);
  const timer = setTimeout(() => stop(), watchMs);
  function stop() {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    lease?.release();
  }
  // When the action has answered: look once more with the index caught up, then stop watching.
  return async () => {
    await index.whenCurrent().catch(() => undefined);
    check();
    stop();
  };
}
