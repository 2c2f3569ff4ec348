/**
 * The pure half of the message and folder tasks (issue #12 §1, §2, §6): which rights each needs
 * (RFC 4314 §4), the undo task each answers with (new UIDs from COPYUID/APPENDUID, RFC 4315 §3),
 * where a role folder is created when the mailbox has none, and the keywords Junk / Not junk
 * set (RFC 5788 registry). No I/O.
 */
import type { Task } from '../../../shared/api';
import { parseRights } from '../../../shared/rights';

export type MessageTask = Extract<Task, { type: 'move' | 'copy' | 'archive' | 'junk' | 'notJunk' }>;
export type Transfer = 'move' | 'copy';
type Move = Extract<Task, { type: 'move' }>;
type Keywords = NonNullable<Move['keywords']>;

/**
 * What is missing for a move or copy, in words, or `null`. Copy needs `r` on the source and `i`
 * on the target (COPY, RFC 4314 §4); a move also removes: `t` and `e` on the source (MOVE needs
 * what COPY + STORE \Deleted + EXPUNGE need, RFC 6851 §3.3). `null` rights: no ACL, all allowed.
 */
export function transferRefusal(kind: Transfer, sourceRights: string | null, targetRights: string | null): 'read' | 'remove' | 'insert' | null {
  const source = sourceRights === null ? null : parseRights(sourceRights);
  if (source && !source.read) return 'read';
  if (kind === 'move' && source && !(source.deleteMessages && source.expunge)) return 'remove';
  if (targetRights !== null && !parseRights(targetRights).insert) return 'insert';
  return null;
}

/** The refusal as the sentence main sends along (the renderer words the code; this is the detail). */
export function refusalWords(missing: 'read' | 'remove' | 'insert', mailbox: string, folderPath: string): string {
  switch (missing) {
    case 'read':
      return `You may not read messages in ${folderPath} of ${mailbox}`;
    case 'remove':
      return `You may not remove messages from ${folderPath} of ${mailbox}`;
    case 'insert':
      return `You may not put messages into ${folderPath} of ${mailbox}`;
  }
}

/**
 * The task that reverses a move (or archive, junk, not junk): the moved messages, named by their
 * new UIDs, back to where they were. `null` when the server did not say the new UIDs (no
 * UIDPLUS) or nothing moved. `keywords` undoes what Junk / Not junk stored.
 */
export function moveBack(
  from: { accountId: string; folderPath: string },
  to: { accountId: string; folderPath: string },
  newUids: readonly number[] | null,
  keywords?: Keywords,
): Move | null {
  if (!newUids || newUids.length === 0) return null;
  const undo: Move = { type: 'move', accountId: to.accountId, folderPath: to.folderPath, uids: [...newUids].sort((a, b) => a - b), to: { accountId: from.accountId, folderPath: from.folderPath } };
  if (keywords && (keywords.add.length > 0 || keywords.remove.length > 0)) undo.keywords = keywords;
  return undo;
}

/** The task that reverses a copy: the copies removed for good (they are new, nobody lost anything). */
export function removeCopies(to: { accountId: string; folderPath: string }, newUids: readonly number[] | null): Extract<Task, { type: 'delete' }> | null {
  if (!newUids || newUids.length === 0) return null;
  return { type: 'delete', accountId: to.accountId, folderPath: to.folderPath, uids: [...newUids].sort((a, b) => a - b), permanent: true };
}

/** The new UIDs of the messages asked for, in the order asked (COPYUID / APPENDUID map). */
export function newUidsOf(uids: readonly number[], map: ReadonlyMap<number, number> | null): number[] | null {
  if (!map) return null;
  const out: number[] = [];
  for (const uid of uids) {
    const moved = map.get(uid);
    if (moved !== undefined) out.push(moved);
  }
  return out;
}

/**
 * Junk: `$Junk` set and `$NotJunk` cleared; Not junk the reverse (RFC 5788 registry, the words
 * server-side filters such as Dovecot's imapsieve antispam and Thunderbird's learn from).
 */
export function junkKeywords(type: 'junk' | 'notJunk'): Keywords {
  return type === 'junk' ? { add: ['$Junk'], remove: ['$NotJunk'] } : { add: ['$NotJunk'], remove: ['$Junk'] };
}

/**
 * What the undo of Junk / Not junk stores: the keywords the task changed, back as they were on
 * every message (a keyword some of the messages had stays as the task left it: one task carries
 * one set for all).
 */
export function keywordsBack(applied: Keywords, before: ReadonlyMap<number, readonly string[]>): Keywords {
  const flags = [...before.values()].map((f) => new Set(f.map((x) => x.toLowerCase())));
  const none = (k: string) => flags.every((f) => !f.has(k.toLowerCase()));
  const all = (k: string) => flags.length > 0 && flags.every((f) => f.has(k.toLowerCase()));
  return { add: applied.remove.filter(all), remove: applied.add.filter(none) };
}

/** The child `name` of `parent` (null: the top level of the login) with the tree's delimiter. */
export function childPath(parent: string | null, name: string, delimiter: string): string {
  return parent === null || parent === '' ? name : `${parent}${delimiter}${name}`;
}

/** A folder renamed within its parent (RFC 9051 §6.3.6): the same parent, the new last segment. */
export function renamedPath(path: string, name: string, delimiter: string): string {
  const at = delimiter ? path.lastIndexOf(delimiter) : -1;
  return at < 0 ? name : `${path.slice(0, at + 1)}${name}`;
}

/** A folder name a path can carry: the delimiter would make it a child, `*`/`%` are LIST wildcards. */
export function nameRefusal(name: string, delimiter: string): string | null {
  if (delimiter && name.includes(delimiter)) return `A folder name cannot contain “${delimiter}”`;
  if (name === '.' || name === '..') return 'That is not a folder name';
  return null;
}

export type RoleCandidate = { path: string; parent: string | null };

/**
 * Where a missing Archive or Junk folder of a mailbox can be made, best first: at the top of the
 * mailbox (`Archive`, `shared/info@example.test/Archive`), else under its Inbox (the
 * `INBOX.Archive` layout; folderRoles.ts recognises both). Dovecot, for one, lets a member
 * create only below a folder they have `k` on, and the top of another person's mailbox is none.
 */
export function roleFolderCandidates(prefix: string, delimiter: string, inboxPath: string | null, name: string): RoleCandidate[] {
  const top = prefix === '' ? null : prefix.slice(0, -1);
  const out: RoleCandidate[] = [{ path: `${prefix}${name}`, parent: top }];
  if (inboxPath && delimiter) out.push({ path: `${inboxPath}${delimiter}${name}`, parent: inboxPath });
  return out;
}

/** Folders a task may empty for good (issue #12 §3: Empty Trash / Junk). */
export function mayEmpty(role: string | null): boolean {
  return role === 'trash' || role === 'junk';
}
