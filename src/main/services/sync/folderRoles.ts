/**
 * Folder roles (RFC 6154 special-use) and the order folders are shown and synced in. Pure.
 *
 * The server's special-use attribute wins. Without one — servers without SPECIAL-USE, and
 * Dovecot's shared namespace, which never reports it (test/mailstack notes) — the role comes from
 * the folder's name in English or Dutch. Names count only where a mail client would create such a
 * folder: at the top of a mailbox or directly under its INBOX (the `INBOX.Sent` layout), so
 * "Projects/Sent" stays an ordinary folder.
 */
import type { FolderRole } from '../../../shared/model';

const specialUse: Record<string, FolderRole> = {
  '\\inbox': 'inbox',
  '\\sent': 'sent',
  '\\drafts': 'drafts',
  '\\trash': 'trash',
  '\\junk': 'junk',
  '\\archive': 'archive',
  '\\all': 'all',
  '\\flagged': 'flagged',
};

const byName: Record<string, FolderRole> = {};
function names(role: FolderRole, list: string[]): void {
  for (const name of list) byName[name.toLowerCase()] = role;
}
names('inbox', ['INBOX']);
names('sent', ['Sent', 'Sent Items', 'Sent Messages', 'Sent Mail', 'Verzonden', 'Verzonden items', 'Verzonden berichten', 'Verzonden e-mail']);
names('drafts', ['Drafts', 'Draft', 'Concepten', 'Concept']);
names('trash', ['Trash', 'Deleted Items', 'Deleted Messages', 'Deleted', 'Bin', 'Prullenbak', 'Verwijderde items', 'Verwijderde berichten']);
names('junk', ['Junk', 'Spam', 'Junk E-mail', 'Junk Email', 'Junk Mail', 'Bulk Mail', 'Ongewenste e-mail', 'Ongewenste post', 'Ongewenst']);
names('archive', ['Archive', 'Archives', 'Archief']);

export interface RoleInput {
  path: string;
  delimiter: string;
  /** LIST attributes as the server sent them (`\HasChildren`, `\Sent`, …). */
  flags: readonly string[];
}

/**
 * @param sharedPrefixes prefixes of the "other users" / "shared" namespaces (RFC 2342), e.g.
 *   `shared/`: below them the first level names a mailbox, whose folders are mapped like ours.
 */
export function folderRole(folder: RoleInput, sharedPrefixes: readonly string[] = []): FolderRole | null {
  for (const flag of folder.flags) {
    const role = specialUse[flag.toLowerCase()];
    if (role) return role;
  }
  const segments = relativeSegments(folder, sharedPrefixes);
  if (segments.length === 0) return null;
  const first = segments[0] as string;
  const last = segments[segments.length - 1] as string;
  if (segments.length === 1) {
    if (first.toUpperCase() === 'INBOX') return 'inbox';
    return byName[first.toLowerCase()] ?? null;
  }
  if (segments.length === 2 && first.toUpperCase() === 'INBOX') {
    const role = byName[last.toLowerCase()];
    return role && role !== 'inbox' ? role : null;
  }
  return null;
}

/** The path's segments within its mailbox: without a shared namespace prefix and the owner. */
function relativeSegments(folder: RoleInput, sharedPrefixes: readonly string[]): string[] {
  const segments = folder.delimiter ? folder.path.split(folder.delimiter) : [folder.path];
  for (const prefix of sharedPrefixes) {
    if (!prefix || !folder.path.startsWith(prefix)) continue;
    const rest = folder.path.slice(prefix.length);
    const inner = folder.delimiter ? rest.split(folder.delimiter).filter((s) => s !== '') : [rest];
    // inner[0] is the mailbox (`info@example.test`); the folder itself is below it.
    return inner.slice(1);
  }
  return segments;
}

/** Order of roles among siblings; ordinary folders follow, alphabetically. */
export const roleOrder: readonly FolderRole[] = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash', 'all', 'flagged'];

export interface SortableFolder {
  path: string;
  name: string;
  parentPath: string | null;
  role: FolderRole | null;
}

/**
 * Depth-first: siblings by role (Inbox, Drafts, Sent, Archive, Junk, Trash, …), then by name
 * (locale-aware, case-insensitive), each followed by its children. A folder whose parent is not
 * listed is treated as top level.
 */
export function sortFolders<T extends SortableFolder>(folders: readonly T[]): T[] {
  const paths = new Set(folders.map((f) => f.path));
  const children = new Map<string | null, T[]>();
  for (const folder of folders) {
    const parent =
      folder.parentPath !== null && folder.parentPath !== folder.path && paths.has(folder.parentPath)
        ? folder.parentPath
        : null;
    const list = children.get(parent) ?? [];
    list.push(folder);
    children.set(parent, list);
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const rank = (f: T) => (f.role ? roleOrder.indexOf(f.role) : roleOrder.length);
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name) || (a.path < b.path ? -1 : 1),
    );
    for (const folder of list) {
      if (seen.has(folder.path)) continue;
      seen.add(folder.path);
      out.push(folder);
      visit(folder.path);
    }
  };
  visit(null);
  return out;
}
