/**
 * Which folders and mailboxes `in:` and `mailbox:` name (issue #13 §2). People type a folder's
 * name as they see it, its path, or the role in English or Dutch (`in:inbox`, `in:"postvak in"`,
 * `in:verzonden`, `in:prullenbak`), in any case, with or without diacritics, and may stop
 * typing the last segment early (`in:klanten/ac` → Klanten/Acme). An exact match wins over a
 * prefix match, so `in:sent` does not also bring "Sent-2019".
 */
import type { FolderRole } from '../../shared/model';
import { fold } from '../../shared/text/fold';

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
  /** When given, a first segment naming the mailbox qualifies the folder (`in:info@/archief`). */
  mailboxAddress?: string | null;
  mailboxLabel?: string;
}

/** A folder's names folded once (resolving runs on every keystroke over every folder). */
interface Prepared {
  name: string;
  path: string;
  role: FolderRole | null;
  /** Folded segments of the path inside its mailbox. */
  have: string[];
  address: string | null;
  label: string | null;
}

const preparedFolders = new WeakMap<MatchableFolder, Prepared>();

function prepare(folder: MatchableFolder): Prepared {
  let p = preparedFolders.get(folder);
  if (!p) {
    const path = fold(folder.path);
    const relative = folder.path.startsWith(folder.mailboxPrefix) ? folder.path.slice(folder.mailboxPrefix.length) : folder.path;
    const isInbox = folder.role === 'inbox' || path === fold(`${folder.mailboxPrefix}inbox`);
    p = {
      name: fold(folder.name),
      path,
      role: isInbox ? 'inbox' : folder.role,
      have: (folder.delimiter ? relative.split(folder.delimiter) : [relative]).map(fold).filter((seg) => seg !== ''),
      address: folder.mailboxAddress ? fold(folder.mailboxAddress) : null,
      label: folder.mailboxLabel !== undefined ? fold(folder.mailboxLabel) : null,
    };
    preparedFolders.set(folder, p);
  }
  return p;
}

/** What was typed, folded and split once. */
class Typed {
  readonly exactRole: FolderRole | undefined;
  /** Roles one of whose words starts with what was typed (from three letters on). */
  readonly prefixRoles: Set<FolderRole>;
  private readonly wants = new Map<string, string[]>();
  constructor(readonly v: string) {
    this.exactRole = roleWords[v];
    this.prefixRoles = new Set(v.length >= 3 ? roleWordList.filter(([word]) => word.startsWith(v)).map(([, role]) => role) : []);
  }
  /** The typed segments: the person types `/` whatever the server's delimiter is (`.` on Cyrus). */
  want(delimiter: string): string[] {
    let w = this.wants.get(delimiter);
    if (!w) {
      w = this.v.split(delimiter && delimiter !== '/' ? new RegExp(`[/${escape(delimiter)}]`) : '/').map((seg) => seg.trim());
      this.wants.set(delimiter, w);
    }
    return w;
  }
}

function pathMatch(folder: MatchableFolder, p: Prepared, t: Typed): 0 | 1 | 2 {
  const v = t.v;
  if (!v) return 0;
  if (p.role && t.exactRole === p.role) return 2;
  if (p.name === v || p.path === v) return 2;
  const want = t.want(folder.delimiter);
  const have = p.have;
  if (!want.some((seg) => seg === '') && want.length <= have.length) {
    const tail = have.slice(have.length - want.length);
    const last = want.length - 1;
    if (tail.slice(0, last).every((seg, i) => seg === want[i])) {
      if (tail[last] === want[last]) return 2;
      // `tail` ends with the folder's own last segment: only that one may be typed in part (in:fact → Facturen).
      if ((tail[last] ?? '').startsWith(want[last] ?? '')) return 1;
    }
  }
  return p.role && t.prefixRoles.has(p.role) ? 1 : 0;
}

/**
 * A test for `in:<typed>`, to run over many folders: 2 = exact (role, name, path or trailing
 * path segments), 1 = prefix (of the last segment, or of a role word once three letters are
 * typed: `in:prull` → Trash), 0 = no. A first segment naming the mailbox qualifies the rest
 * (`in:info@/archief`, `in:Info/Archief`) when the folder says its mailbox.
 */
export function folderMatcher(typed: string): (folder: MatchableFolder) => 0 | 1 | 2 {
  const whole = new Typed(fold(typed));
  const slash = whole.v.indexOf('/');
  const head = slash > 0 ? whole.v.slice(0, slash) : '';
  const rest = slash > 0 ? new Typed(whole.v.slice(slash + 1).trim()) : null;
  return (folder) => {
    if (!whole.v) return 0;
    const p = prepare(folder);
    const plain = pathMatch(folder, p, whole);
    if (plain === 2 || !rest || p.label === null) return plain;
    if (!((p.address !== null && p.address.startsWith(head)) || p.label.startsWith(head))) return plain;
    return Math.max(plain, pathMatch(folder, p, rest)) as 0 | 1 | 2;
  };
}

/** folderMatcher for one folder. */
export const folderMatch = (folder: MatchableFolder, typed: string): 0 | 1 | 2 => folderMatcher(typed)(folder);

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
