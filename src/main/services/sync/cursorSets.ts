/**
 * Whether a window's cursors are the ones the engine holds for the account: then the window
 * reads the same cache as the one that writes it (SyncEngine.ts), and joining costs nothing.
 * Pure.
 */
import type { FolderCursor } from '../../../shared/model';

const key = (c: FolderCursor) => `${c.uidValidity}/${c.uidNext}/${c.highestModseq}/${c.count}`;

export function sameCursors(a: readonly FolderCursor[], b: readonly FolderCursor[]): boolean {
  if (a.length !== b.length) return false;
  const byPath = new Map(a.map((c) => [c.path, key(c)]));
  return b.every((c) => byPath.get(c.path) === key(c));
}
