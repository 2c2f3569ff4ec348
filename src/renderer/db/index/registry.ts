/**
 * The indexes in use, one per source and database, shared by every view that shows the source
 * (the list, its count, the delete action's neighbour, a unified view's member folders) and
 * counted: the last release disposes an index after a short linger, so switching away and back
 * (or React mounting an effect twice) does not rebuild a large folder's index. A source with a
 * view (issue #12 §6) gets a ViewIndex over its base's shared index.
 */
import type { PostvakDb } from '../schema';
import { acquireFacts, closeFacts } from './factsRegistry';
import { FolderIndex } from './FolderIndex';
import { needsFacts } from './listView';
import { factTextOf } from './messageFacts';
import { ownAddressesFor } from './ownAddresses';
import { baseSource, hasView, sourceTag, type MessageSource, type SourceIndex } from './sourceIndex';
import { UnifiedIndex } from './UnifiedIndex';
import { viewEnvironment } from './viewEnvironment';
import { ViewIndex } from './ViewIndex';

type Managed = (FolderIndex | UnifiedIndex | ViewIndex) & SourceIndex;

interface Slot {
  index: Managed;
  refs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface IndexLease<T extends SourceIndex = SourceIndex> {
  index: T;
  release(): void;
}

/** How long an unused index is kept: long enough for a quick switch back, short for memory. */
export const lingerMs = 5_000;

const registries = new WeakMap<PostvakDb, Map<string, Slot>>();

function slotsOf(database: PostvakDb): Map<string, Slot> {
  let slots = registries.get(database);
  if (!slots) registries.set(database, (slots = new Map()));
  return slots;
}

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
  return new UnifiedIndex(database, source.role, (accountId, folderPath) => acquireFolderIndex(database, accountId, folderPath)).live();
}

export function acquireIndex(database: PostvakDb, source: MessageSource): IndexLease {
  const slots = slotsOf(database);
  const tag = sourceTag(source);
  let slot = slots.get(tag);
  if (!slot) {
    slot = { index: create(database, source), refs: 0, timer: undefined };
    slots.set(tag, slot);
  }
  const held = slot;
  held.refs++;
  clearTimeout(held.timer);
  held.timer = undefined;
  let released = false;
  return {
    index: held.index,
    release() {
      if (released) return;
      released = true;
      if (--held.refs > 0) return;
      held.timer = setTimeout(() => {
        if (held.refs > 0 || slots.get(tag) !== held) return;
        slots.delete(tag);
        held.index.dispose();
      }, lingerMs);
    },
  };
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
  for (const slot of registries.get(database)?.values() ?? []) if (slot.index instanceof ViewIndex) slot.index.pinChanged();
}

/** Disposes every index of a database now (a test's database going away). */
export function closeIndexes(database: PostvakDb): void {
  closeFacts(database);
  const slots = registries.get(database);
  if (!slots) return;
  registries.delete(database);
  const all = [...slots.values()];
  slots.clear();
  for (const slot of all) slot.index.dispose();
  // Disposing a unified view released its folders, which started their lingers: stop those too.
  for (const slot of all) clearTimeout(slot.timer);
}
