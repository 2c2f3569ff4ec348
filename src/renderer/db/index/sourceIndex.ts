/**
 * What a message list reads (issue #11 §2): a source's messages in list order, held in memory
 * as typed arrays, kept current from the cache's page revisions. One per folder (FolderIndex),
 * per unified view (UnifiedIndex) and per search (SearchIndex, issue #13), shared through the
 * registry.
 */
import type { SearchScope } from '../../../shared/search/queryModel';
import type { MessageRef } from '../pages/messageRows';
import type { MessageKey, UnifiedRole } from '../rows';
import { isDefaultView, viewOfTag, viewTag, type ListView } from './listView';
import type { EntryList } from './orderedEntries';

/**
 * What a message list shows: a folder, a unified view or a search's results (issue #13: the
 * text as typed, where it looks, and the saved search it was opened from), seen through a view
 * (filters, sort, conversations — issue #12 §6); without one, or with the default view, the
 * plain index.
 */
export type MessageSource =
  | { kind: 'folder'; accountId: string; folderPath: string; view?: ListView }
  | { kind: 'unified'; role: UnifiedRole; view?: ListView }
  | { kind: 'search'; text: string; scope: SearchScope; savedId?: string; view?: ListView };

const searchPrefix = 'search:';

/** A scope as a tag's part: the same scope gives the same tag whatever its object's key order. */
const scopeParts = (scope: SearchScope): string[] =>
  scope.kind === 'all' ? ['all'] : scope.kind === 'mailbox' ? ['mailbox', scope.mailboxId] : ['folder', scope.accountId, scope.folderPath];

function scopeOfParts([kind, first = '', second = '']: string[]): SearchScope {
  if (kind === 'mailbox') return { kind, mailboxId: first };
  if (kind === 'folder') return { kind, accountId: first, folderPath: second };
  return { kind: 'all' };
}

function baseTag(source: MessageSource): string {
  switch (source.kind) {
    case 'folder':
      return JSON.stringify([source.accountId, source.folderPath]);
    case 'unified':
      return `unified:${source.role}`;
    case 'search':
      return searchPrefix + JSON.stringify([source.text, scopeParts(source.scope), source.savedId ?? null]);
  }
}

export function sourceTag(source: MessageSource | null): string {
  if (!source) return 'none';
  const base = baseTag(source);
  const view = viewTag(source.view);
  return view ? `${base}|${view}` : base;
}

/** The source a tag stands for (the inverse of sourceTag). */
export function sourceOfTag(tag: string): MessageSource | null {
  if (tag === 'none') return null;
  // A folder's and a search's tag end in a JSON array (in ']'); a view's part follows the last '|'
  // (a view's tag never ends in ']'; a search's text may hold '|').
  const cut = tag.endsWith(']') ? -1 : tag.lastIndexOf('|');
  const base = cut < 0 ? tag : tag.slice(0, cut);
  const view = cut < 0 ? undefined : viewOfTag(tag.slice(cut + 1));
  if (base.startsWith(searchPrefix)) {
    const [text, scope, savedId] = JSON.parse(base.slice(searchPrefix.length)) as [string, string[], string | null];
    return { kind: 'search', text, scope: scopeOfParts(scope), ...(savedId !== null && { savedId }), ...(view && { view }) };
  }
  if (base.startsWith('unified:')) return { kind: 'unified', role: base.slice('unified:'.length) as UnifiedRole, ...(view && { view }) };
  const [accountId, folderPath] = JSON.parse(base) as [string, string];
  return { kind: 'folder', accountId, folderPath, ...(view && { view }) };
}

/** The source without its view: the index a view is built on. */
export function baseSource(source: MessageSource): MessageSource {
  switch (source.kind) {
    case 'folder':
      return { kind: 'folder', accountId: source.accountId, folderPath: source.folderPath };
    case 'unified':
      return { kind: 'unified', role: source.role };
    case 'search':
      return { kind: 'search', text: source.text, scope: source.scope, ...(source.savedId !== undefined && { savedId: source.savedId }) };
  }
}

/** Whether the source is seen through a view that is not the plain list. */
export const hasView = (source: MessageSource): source is MessageSource & { view: ListView } => !isDefaultView(source.view);

/** A message as the index finds it: by its key and its date (the order's first field). */
export interface IndexedMessage {
  accountId: string;
  folderPath: string;
  uid: number;
  date: number;
}

/**
 * How an index changed, for the indexes built on it: `delta` lists entries whose flags changed
 * in place, entries removed and entries inserted (tags are page startUids); `reset` means it was
 * rebuilt (first build, UIDVALIDITY reset, a revision it could not catch up from).
 */
export type IndexChange = { kind: 'reset' } | { kind: 'delta'; flags: EntryList; removed: EntryList; inserted: EntryList };

export interface SourceIndex {
  /** False until the first build is done; a list shows "loading" meanwhile. */
  readonly ready: boolean;
  readonly length: number;
  /** Raised by every change, so views re-read their window. */
  readonly version: number;
  /** Called after every change (React's useSyncExternalStore contract); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Resolves once the index reflects what the database holds now. */
  whenCurrent(): Promise<void>;
  /** The page refs of entries `offset … offset + limit` (fewer at the end). */
  refsAt(offset: number, limit: number): MessageRef[];
  /** The entry's position, or -1 when the index does not hold it. */
  positionOf(message: IndexedMessage): number;
  keyAt(position: number): MessageKey | undefined;
  /** The entry's flags as bits (pages/flagBits.ts). */
  bitsAt(position: number): number | undefined;
  /** In a conversation view: how many messages the row's conversation holds (the row's badge). */
  groupSizeAt?(position: number): number | undefined;
  /** While a view reads what it needs from the pages (a big folder): how far it is. */
  readonly progress?: { done: number; total: number } | undefined;
}

/** The listeners and version every index keeps. */
export class Notifier {
  version = 0;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
