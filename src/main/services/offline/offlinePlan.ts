/**
 * What the offline pass does, as pure functions (HOUSE_STYLE.md "sync decisions are pure"):
 * which folders are kept, from which date, which UIDs to fetch and which files to drop
 * (issue #3 §3, "keep mail from the last N days offline").
 */
import type { Mailbox } from '../../../shared/model';
import { mailboxOf } from '../mailboxes/discovery';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The SINCE date for a window of `days` (RFC 9051 §6.4.4: SINCE matches an internal date on or
 * after the given date, "disregarding time and timezone"): midnight UTC, `days` days before
 * `now`'s date. A window of 1 keeps today and yesterday: never less than the person asked for.
 */
export function windowStart(now: number, days: number): Date {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return new Date(today - days * DAY_MS);
}

export interface OfflineTarget {
  path: string;
  days: number;
}

/**
 * Every selectable folder of a visible mailbox with offlineDays > 0, with that mailbox's window.
 * `\Noselect` / `\NonExistent` folders hold no messages (RFC 9051 §7.3.1).
 */
export function offlineTargets(folders: readonly { path: string; flags: readonly string[] }[], mailboxes: readonly Mailbox[]): OfflineTarget[] {
  const out: OfflineTarget[] = [];
  for (const folder of folders) {
    const flags = folder.flags.map((f) => f.toLowerCase());
    if (flags.includes('\\noselect') || flags.includes('\\nonexistent')) continue;
    const mailbox = mailboxOf(folder.path, mailboxes);
    if (mailbox && !mailbox.hidden && mailbox.offlineDays > 0) out.push({ path: folder.path, days: mailbox.offlineDays });
  }
  return out;
}

/**
 * `inWindow` is the server's answer to `UID SEARCH SINCE` now; what is on disk but not in it
 * was expunged or has aged out of the window, so one difference covers both.
 */
export function planFolder(inWindow: readonly number[], onDisk: readonly number[]): { fetch: number[]; remove: number[] } {
  const server = new Set(inWindow);
  const disk = new Set(onDisk);
  return {
    // Newest first: if the pass is cut short, the mail a person is likeliest to open is there.
    fetch: [...server].filter((uid) => !disk.has(uid)).sort((a, b) => b - a),
    remove: [...disk].filter((uid) => !server.has(uid)).sort((a, b) => a - b),
  };
}

/** Splits `uids` into runs of at most `size`, keeping their order. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('batch size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** True when the account's configuration keeps any mailbox offline. */
export function keepsAny(offline: Readonly<Record<string, number>> | undefined): boolean {
  return Object.values(offline ?? {}).some((days) => days > 0);
}
