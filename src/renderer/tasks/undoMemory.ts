/**
 * The last undoable action (issue #12 §1: "Ctrl+Z undo the last task for at least 10 seconds").
 * Kept for 15 s — the toast's time on screen too: the 10 s plus time to read a label
 * with a long folder name and reach for the keys; longer, and Ctrl+Z would undo something the
 * person no longer has in mind. A newer action replaces it; an undo uses it up.
 */
import type { Task } from '../../shared/api';

export const undoWindowMs = 15_000;

export interface UndoEntry {
  id: number;
  tasks: Task[];
  at: number;
  /** The toast that offers it, dismissed when the undo runs some other way. */
  toastId?: number;
}

let last: UndoEntry | null = null;
let nextId = 1;

export function rememberUndo(tasks: Task[], now = Date.now()): UndoEntry | null {
  last = tasks.length > 0 ? { id: nextId++, tasks, at: now } : null;
  return last;
}

/** A newer action that cannot be undone still ends the previous one's undo. */
export function forgetUndo(): void {
  last = null;
}

/**
 * Takes the entry for undoing: the latest while within the window (Ctrl+Z), or the one with
 * `id` while it is the latest (its toast's button — a toast held open by the pointer or focus
 * may outlive the window).
 */
export function takeUndo(now = Date.now(), id?: number): UndoEntry | null {
  const entry = last;
  if (!entry) return null;
  if (id !== undefined ? entry.id !== id : now - entry.at > undoWindowMs) return null;
  last = null;
  return entry;
}
