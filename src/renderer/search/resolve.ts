/**
 * From a parsed query and the scope to what the engine runs and what the server is asked
 * (issue #13 §1, §4): `in:` and `mailbox:` become folder lists (the engine knows no names or
 * roles), the scope becomes the engine's folder list, and the folders worth an IMAP SEARCH are
 * chosen and ordered (the folder on screen first, then Inboxes).
 *
 * Visibility (issue #13 "carol never sees sales@"): scope `all` gives `folders: null`, which
 * means every folder in the local index — and the index only ever holds what the feeder copied
 * from this person's cache, which only holds mailboxes they may read. The catalog is built from
 * the same cache (buildFolderCatalog), so `in:`/`mailbox:` can name only those folders too.
 */
import type { Folder, FolderRole, Mailbox } from '../../shared/model';
import type { QueryAtom, SearchQuery, SearchScope } from '../../shared/search/queryModel';
import type { EngineAtom, EngineQuery, FolderRef } from './engine/engineTypes';
import { folderMatcher, mailboxMatches } from './folderMatch';

export interface FolderCatalogEntry {
  accountId: string;
  path: string;
  /** The folder's own name (last path segment, decoded). */
  name: string;
  role: FolderRole | null;
  delimiter: string;
  mailboxId: string;
  /** The mailbox's path prefix (`shared/info@example.test/`), '' for the person's own. */
  mailboxPrefix: string;
  /** `info@example.test`; null where the mailbox has no address (public folders). */
  mailboxAddress: string | null;
  /** What the tree calls the mailbox. */
  mailboxLabel: string;
  selectable: boolean;
  /** The cache's cursor, null when the folder was never synced. */
  cursor: { uidValidity: number; uidNext: number } | null;
}

/** Every folder of every mailbox this person may see (their cache's), in tree order. */
export type FolderCatalog = readonly FolderCatalogEntry[];

/**
 * The catalog from the cache's rows (db/queries/searchCatalog.ts gives these). Folders of
 * mailboxes not in `mailboxes` (hidden, or not this person's) are left out.
 */
export function buildFolderCatalog(
  mailboxes: readonly Pick<Mailbox, 'id' | 'address' | 'displayName' | 'prefix' | 'public'>[],
  folders: readonly (Pick<Folder, 'accountId' | 'mailboxId' | 'path' | 'name' | 'delimiter' | 'role' | 'selectable'> & {
    cursor?: { uidValidity: number; uidNext: number } | null;
  })[],
): FolderCatalog {
  const byId = new Map(mailboxes.map((m) => [m.id, m]));
  const out: FolderCatalogEntry[] = [];
  for (const f of folders) {
    const m = byId.get(f.mailboxId);
    if (!m) continue;
    out.push({
      accountId: f.accountId,
      path: f.path,
      name: f.name,
      role: f.role,
      delimiter: f.delimiter,
      mailboxId: m.id,
      mailboxPrefix: m.prefix,
      mailboxAddress: m.public ? null : m.address,
      mailboxLabel: m.displayName || m.address,
      selectable: f.selectable,
      cursor: f.cursor ?? null,
    });
  }
  return out;
}

export interface ResolvedQuery {
  engine: EngineQuery;
  /** Selectable folders for IMAP SEARCH, in the order to search them (see resolveQuery). */
  serverFolders: FolderCatalogEntry[];
}

const ref = (e: FolderCatalogEntry): FolderRef => ({ accountId: e.accountId, folderPath: e.path });
const key = (accountId: string, path: string): string => `${accountId}\u0000${path}`;

/** The folders `in:<typed>` names: exact matches, or else those whose last segment starts so. */
export function foldersNamed(catalog: FolderCatalog, typed: string): FolderCatalogEntry[] {
  const exact: FolderCatalogEntry[] = [];
  const prefix: FolderCatalogEntry[] = [];
  const match = folderMatcher(typed);
  for (const e of catalog) {
    const m = match(e);
    if (m === 2) exact.push(e);
    else if (m === 1) prefix.push(e);
  }
  return exact.length > 0 ? exact : prefix;
}

/** Every folder of the mailboxes `mailbox:<typed>` names (address or its start, or label). */
export function foldersOfMailbox(catalog: FolderCatalog, typed: string): FolderCatalogEntry[] {
  const hit = new Map<string, boolean>();
  return catalog.filter((e) => {
    let yes = hit.get(e.mailboxId);
    if (yes === undefined) {
      yes = mailboxMatches({ address: e.mailboxAddress, label: e.mailboxLabel }, typed);
      hit.set(e.mailboxId, yes);
    }
    return yes;
  });
}

function atomFolders(atom: QueryAtom, catalog: FolderCatalog): FolderCatalogEntry[] | null {
  if (atom.term.kind === 'in') return foldersNamed(catalog, atom.term.folder);
  if (atom.term.kind === 'mailbox') return foldersOfMailbox(catalog, atom.term.address);
  return null;
}

function engineAtom(atom: QueryAtom, folderAtom: (atom: QueryAtom) => FolderCatalogEntry[] | null): EngineAtom {
  const t = atom.term;
  const folders = folderAtom(atom);
  if (folders) return { term: { kind: 'folders', folders: folders.map(ref) }, negated: atom.negated };
  switch (t.kind) {
    case 'date':
      return { term: { kind: 'date', op: t.op, ms: t.ms }, negated: atom.negated };
    case 'text':
      return { term: { kind: 'text', field: t.field, value: t.value, phrase: t.phrase }, negated: atom.negated };
    default:
      return { term: { ...t } as EngineAtom['term'], negated: atom.negated };
  }
}

/** The catalog's folders the scope covers (`folder`: that folder, when the catalog has it). */
export function scopeEntries(scope: SearchScope, catalog: FolderCatalog): FolderCatalogEntry[] {
  if (scope.kind === 'all') return [...catalog];
  if (scope.kind === 'mailbox') return catalog.filter((e) => e.mailboxId === scope.mailboxId);
  return catalog.filter((e) => e.accountId === scope.accountId && e.path === scope.folderPath);
}

const outOfTheWay = new Set<FolderRole>(['trash', 'junk']);

function isInboxEntry(e: FolderCatalogEntry): boolean {
  return e.role === 'inbox' || e.path.toUpperCase() === `${e.mailboxPrefix}INBOX`.toUpperCase();
}

/**
 * Resolves `in:`/`mailbox:` and the scope. An `in:` that names nothing becomes a folder list
 * that is empty — it matches nothing, never everything.
 *
 * `serverFolders`: the selectable folders in scope, narrowed by every `in:`/`mailbox:` that is a
 * clause of its own (kept; negated: left out), without Trash and Junk unless the scope is that
 * folder or an `in:` names them; ordered `currentFolder` first, then Inboxes, then the rest.
 */
export function resolveQuery(query: SearchQuery, scope: SearchScope, catalog: FolderCatalog, currentFolder?: FolderRef): ResolvedQuery {
  // Each in:/mailbox: is matched against the catalog once per call.
  const memo = new Map<QueryAtom, FolderCatalogEntry[] | null>();
  const folderAtom = (atom: QueryAtom): FolderCatalogEntry[] | null => {
    if (!memo.has(atom)) memo.set(atom, atomFolders(atom, catalog));
    return memo.get(atom) ?? null;
  };
  const clauses = query.clauses.map((clause) => clause.map((atom) => engineAtom(atom, folderAtom)));
  const folders = scope.kind === 'all' ? null : scope.kind === 'folder' ? [{ accountId: scope.accountId, folderPath: scope.folderPath }] : scopeEntries(scope, catalog).map(ref);

  let server = scopeEntries(scope, catalog).filter((e) => e.selectable);
  const named = new Set<string>();
  for (const clause of query.clauses) {
    for (const atom of clause) {
      if (atom.term.kind === 'in' && !atom.negated) for (const e of folderAtom(atom) ?? []) named.add(key(e.accountId, e.path));
    }
    const alone = clause.length === 1 ? clause[0] : undefined;
    const only = alone && folderAtom(alone);
    if (!alone || !only) continue;
    const set = new Set(only.map((e) => key(e.accountId, e.path)));
    server = server.filter((e) => set.has(key(e.accountId, e.path)) !== alone.negated);
  }
  if (scope.kind !== 'folder') server = server.filter((e) => !e.role || !outOfTheWay.has(e.role) || named.has(key(e.accountId, e.path)));
  // Calendar folders hold events, not mail: the local index leaves them out (search/feeder), so
  // the server is not asked either.
  server = server.filter((e) => e.role !== 'calendar');

  const current = currentFolder ? key(currentFolder.accountId, currentFolder.folderPath) : null;
  const rank = (e: FolderCatalogEntry): number => (key(e.accountId, e.path) === current ? 0 : isInboxEntry(e) ? 1 : 2);
  const serverFolders = server.map((e, i) => ({ e, i, r: rank(e) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.e);
  return { engine: { clauses, folders }, serverFolders };
}

/**
 * Whether the server must be asked about folders the cache has synced: when the query has a
 * text term. Words may be in a body this device does not hold; and while the index is still
 * catching up with the cache (the first build at a million messages), the server finds what the
 * index does not hold yet even for `from:` or `subject:` (issue #13: "messages not yet indexed
 * found through the server meanwhile"). Flags, dates, sizes and folders alone need no server.
 * Folders not yet synced need the server whatever the query (the caller adds them).
 */
export function needsServer(query: SearchQuery): boolean {
  return query.clauses.some((clause) => clause.some((a) => a.term.kind === 'text'));
}
