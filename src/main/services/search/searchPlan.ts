/**
 * The pure decisions of the server's share of a search (issue #13 §4): which folders of a request may be searched, which hits need a summary. Pure.
 */
import type { Mailbox } from '../../../shared/model';
import type { ServerSearchFolder } from '../../../shared/search/serverSearch';
import type { FolderRow } from '../sync/folderList';

/** The folders per account, each account's in the order asked (the folder on screen first). */
export function byAccount(folders: readonly ServerSearchFolder[]): Map<string, ServerSearchFolder[]> {
  const out = new Map<string, ServerSearchFolder[]>();
  const seen = new Set<string>();
  for (const folder of folders) {
    const key = `${folder.accountId}\u0000${folder.folderPath}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(folder.accountId) ?? [];
    list.push(folder);
    out.set(folder.accountId, list);
  }
  return out;
}

/**
 * The hits whose summary the window lacks, newest first, at most `limit`: all of them when the
 * cache holds nothing of the folder or another UIDVALIDITY (its UIDs name other messages, RFC
 * 9051 §2.3.1.1), else those at or above the cache's UIDNEXT (arrived since its last sync).
 */
export function uncachedHits(uidsNewestFirst: readonly number[], cached: ServerSearchFolder['cached'], uidValidity: number, limit: number): number[] {
  const all = cached === null || cached.uidValidity !== uidValidity;
  const out: number[] = [];
  for (const uid of uidsNewestFirst) {
    if (out.length >= limit) break;
    if (all || uid >= cached.uidNext) out.push(uid);
  }
  return out;
}

export type FolderAccess = { ok: true } | { ok: false; code: 'folderGone' | 'notPermitted'; message: string };

/** What the account's own discovery knows (a fresh LIST + NAMESPACE, tasks/taskMailbox.ts). */
export interface KnownFolders {
  folders: readonly Pick<FolderRow, 'path' | 'selectable'>[];
  mailboxOf(path: string): Pick<Mailbox, 'address' | 'hidden' | 'via' | 'source'>;
  /** Prefixes of the other-users and shared namespaces (RFC 2342). */
  sharedPrefixes: readonly string[];
}

/**
 * Whether a folder of the request may be searched through this account: only a folder this
 * login LISTs (RFC 9051 §6.3.9; a shared mailbox shows only with the `l` right, RFC 4314 §4),
 * selectable, and in a mailbox the person has not hidden nor uses through another account
 * (issue #10 §7: a shared mailbox two logins reach is searched once, through its route). Never a
 * path the window names that the person was never shown.
 */
export function folderAccess(path: string, known: KnownFolders): FolderAccess {
  const row = known.folders.find((f) => f.path === path);
  if (!row) {
    const shared = known.sharedPrefixes.some((prefix) => path.startsWith(prefix));
    // In another person's namespace an unlisted folder is one without rights (or they went).
    return shared
      ? { ok: false, code: 'notPermitted', message: `${path} is not a folder this account may read` }
      : { ok: false, code: 'folderGone', message: `The folder ${path} no longer exists` };
  }
  if (!row.selectable) return { ok: false, code: 'folderGone', message: `${path} holds no messages (\\Noselect)` };
  const mailbox = known.mailboxOf(path);
  if (mailbox.source !== 'account' && mailbox.via) return { ok: false, code: 'notPermitted', message: `${mailbox.address} is searched through another account` };
  if (mailbox.hidden) return { ok: false, code: 'notPermitted', message: `${mailbox.address} is hidden` };
  return { ok: true };
}
