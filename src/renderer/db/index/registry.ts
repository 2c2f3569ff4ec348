/**
 * The indexes in use, one per source and database, shared by every view that shows the source
 * (the list, its count, the delete action's neighbour, a unified view's member folders) and
 * counted: the last release disposes an index after a short linger, so switching away and back
 * (or React mounting an effect twice) does not rebuild a large folder's index. A source with a
 * view (issue #12 §6) gets a ViewIndex over its base's shared index; a search (issue #13) a
 * SearchIndex.
 */
import { searchDeps } from '../../search/results/searchEnvironment';
import { SearchIndex } from '../../search/results/SearchIndex';
import type { PostvakDb } from '../schema';
import { acquireFacts, closeFacts } from './factsRegistry';
import { FolderIndex } from './FolderIndex';
import { perDatabase } from './leases';
import { needsFacts } from './listView';
import { factTextOf } from './messageFacts';
import { ownAddressesFor } from './ownAddresses';
import { baseSource, hasView, sourceTag, type MessageSource, type SourceIndex } from './sourceIndex';
import { UnifiedIndex } from './UnifiedIndex';
import { viewEnvironment } from './viewEnvironment';
import { ViewIndex } from './ViewIndex';

type Managed = (FolderIndex | UnifiedIndex | ViewIndex | SearchIndex) & SourceIndex;

export interface IndexLease<T extends SourceIndex = SourceIndex> {
  index: T;
  release(): void;
}

/** How long an unused index is kept: long enough for a quick switch back, short for memory. */
export const lingerMs = 5_000;

const registries = perDatabase<PostvakDb, Managed>(lingerMs, (index) => index.dispose());

function create(database: PostvakDb, source: MessageSource): Managed {
  if (hasView(source)) {
    const base = acquireIndex(database, baseSource(source));
    const collapse = source.view.conversations ? viewEnvironment().collapse?.(baseSource(source)) : undefined;
    const folder = base.index instanceof FolderIndex ? base.index : undefined;
    const facts = needsFacts(source.view) ? acquireFacts(database, sourceTag(baseSource(source)), factTextOf(source.view)) : undefined;
    return new ViewIndex(database, base.index, source.view, {
      collapse,
      facts: facts?.facts,
      ownAddresses: (accountId, folderPath) => ownAddressesFor(database, accountId, folderPath),
      onBaseChange: folder && ((listener) => folder.onChange(listener)),
      release: () => {
        facts?.release();
        base.release();
      },
    }).live();
  }
  if (source.kind === 'folder') return new FolderIndex(database, source.accountId, source.folderPath).live();
  if (source.kind === 'search') return new SearchIndex(database, source.text, source.scope, searchDeps()).live();
  return new UnifiedIndex(database, source.role, (accountId, folderPath) => acquireFolderIndex(database, accountId, folderPath)).live();
}

export function acquireIndex(database: PostvakDb, source: MessageSource): IndexLease {
  const lease = registries.of(database).acquire(sourceTag(source), () => create(database, source));
  return { index: lease.value, release: lease.release };
}

export function acquireFolderIndex(database: PostvakDb, accountId: string, folderPath: string): IndexLease<FolderIndex> {
  return acquireIndex(database, { kind: 'folder', accountId, folderPath }) as IndexLease<FolderIndex>;
}

/** Runs `read` with the source's index, current with the database. */
export async function withIndex<T>(database: PostvakDb, source: MessageSource, read: (index: SourceIndex) => T | Promise<T>): Promise<T> {
  const lease = acquireIndex(database, source);
  try {
    await lease.index.whenCurrent();
    return await read(lease.index);
  } finally {
    lease.release();
  }
}

/** Tells every view of a database that the open message changed (ViewIndex.pinChanged). */
export function pinChanged(database: PostvakDb): void {
  for (const index of registries.of(database).values()) if (index instanceof ViewIndex) index.pinChanged();
}

/** Disposes every index of a database now (a test's database going away). */
export function closeIndexes(database: PostvakDb): void {
  closeFacts(database);
  // Disposing a unified view releases its folders, whose lingers Leases.close stops too.
  registries.close(database);
}
