/**
 * Which folders and mailboxes `in:` and `mailbox:` name (issue #13 §2). People type a folder's
 * name as they see it, its path, or the role in English or Dutch (`in:inbox`, `in:"postvak in"`,
 * `in:verzonden`, `in:prullenbak`), in any case, with or without diacritics, and may stop
 * typing the last segment early (`in:klanten/ac` → Klanten/Acme). An exact match wins over a
 * prefix match, so `in:sent` does not also bring "Sent-2019".
 */
import type { FolderRole } from '../../shared/model';
import { fold } from '../../shared/search/fold';

/** Role words (already folded) in English and Dutch, as Outlook, Gmail and Dutch servers name them. */
const roleWords: Record<string, FolderRole> = {};
const roles: [FolderRole, string[]][] = [
  ['inbox', ['inbox', 'postvak in', 'postvak-in', 'postvakin', 'inkomend', 'inkomende berichten']],
  ['sent', ['sent', 'sent items', 'sent mail', 'sent messages', 'verzonden', 'verzonden items', 'verzonden berichten', 'verzonden e-mail']],
  ['drafts', ['drafts', 'draft', 'concepten', 'concept']],
  ['trash', ['trash', 'bin', 'deleted', 'deleted items', 'deleted messages', 'prullenbak', 'verwijderd', 'verwijderde items', 'verwijderde berichten']],
  ['junk', ['junk', 'spam', 'junk mail', 'junk e-mail', 'ongewenst', 'ongewenste e-mail', 'ongewenste mail']],
  ['archive', ['archive', 'archives', 'archief']],
  ['all', ['all mail', 'alle e-mail', 'alle mail']],
  ['flagged', ['starred', 'flagged', 'gemarkeerd']],
  ['calendar', ['calendar', 'agenda']],
];
for (const [role, words] of roles) for (const word of words) roleWords[word] = role;
const roleWordList = Object.entries(roleWords);

export const roleForWord = (typed: string): FolderRole | null => roleWords[fold(typed)] ?? null;

export interface MatchableFolder {
  path: string;
  name: string;
  role: FolderRole | null;
  delimiter: string;
  /** The mailbox's path prefix (`shared/info@example.test/`), '' for the person's own. */
  mailboxPrefix: string;
}

function segments(path: string, delimiter: string): string[] {
  return (delimiter ? path.split(delimiter) : [path]).map(fold).filter((s) => s !== '');
}

/**
 * 2 = exact (role, name, path or trailing path segments), 1 = prefix (of the last segment, or of
 * a role word once three letters are typed: `in:prull` → Trash), 0 = no. A first segment naming
 * the mailbox qualifies the rest (`in:info@/archief`, `in:Info/Archief`).
 */
export function folderMatch(folder: MatchableFolder & Partial<MatchableMailbox>, typed: string): 0 | 1 | 2 {
  const v = fold(typed);
  if (!v) return 0;
  const plain = pathMatch(folder, v);
  const slash = v.indexOf('/');
  if (plain === 2 || slash <= 0 || folder.label === undefined) return plain;
  const mailbox = { address: folder.address ?? null, label: folder.label };
  if (!mailboxMatches(mailbox, v.slice(0, slash))) return plain;
  return Math.max(plain, pathMatch(folder, v.slice(slash + 1).trim())) as 0 | 1 | 2;
}

function pathMatch(folder: MatchableFolder, v: string): 0 | 1 | 2 {
  if (!v) return 0;
  const isInbox = folder.role === 'inbox' || fold(folder.path) === fold(`${folder.mailboxPrefix}inbox`);
  const role = isInbox ? 'inbox' : folder.role;
  if (role && roleWords[v] === role) return 2;
  if (fold(folder.name) === v || fold(folder.path) === v) return 2;
  const relative = folder.path.startsWith(folder.mailboxPrefix) ? folder.path.slice(folder.mailboxPrefix.length) : folder.path;
  const have = segments(relative, folder.delimiter);
  // The person types `/` whatever the server's delimiter is (`.` on Cyrus).
  const want = v.split(folder.delimiter && folder.delimiter !== '/' ? new RegExp(`[/${escape(folder.delimiter)}]`) : '/').map((s) => s.trim());
  if (!want.some((s) => s === '') && want.length <= have.length) {
    const tail = have.slice(have.length - want.length);
    const last = want.length - 1;
    if (tail.slice(0, last).every((seg, i) => seg === want[i])) {
      if (tail[last] === want[last]) return 2;
      // `tail` ends with the folder's own last segment: only that one may be typed in part (in:fact → Facturen).
      if ((tail[last] ?? '').startsWith(want[last] ?? '')) return 1;
    }
  }
  return role && v.length >= 3 && roleWordList.some(([word, r]) => r === role && word.startsWith(v)) ? 1 : 0;
}

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

export interface MatchableMailbox {
  address: string | null;
  label: string;
}

/** An address or its start (`info@`, `info`), or the mailbox's label or its start. */
export function mailboxMatches(mailbox: MatchableMailbox, typed: string): boolean {
  const v = fold(typed);
  if (!v) return false;
  if (mailbox.address !== null && fold(mailbox.address).startsWith(v)) return true;
  return fold(mailbox.label).startsWith(v);
}
