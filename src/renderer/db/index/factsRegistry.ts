/**
 * What views of one list read from the pages (messageFacts.ts), shared between them: switching
 * Unread on over a sort by sender, or from size to attachments, reuses what was read instead of
 * reading 100,000 summaries again. Counted like the indexes (registry.ts), kept a few seconds
 * after the last view lets go.
 */
import type { PostvakDb } from '../schema';
import { MessageFacts, type FactText } from './messageFacts';

const lingerMs = 5_000;

interface Slot {
  facts: MessageFacts;
  refs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const stores = new WeakMap<PostvakDb, Map<string, Slot>>();

export interface FactsLease {
  facts: MessageFacts;
  release(): void;
}

/** The facts of the list `baseTag`, with the sort text `text` (or none). */
export function acquireFacts(database: PostvakDb, baseTag: string, text: FactText | undefined): FactsLease {
  let slots = stores.get(database);
  if (!slots) stores.set(database, (slots = new Map()));
  const key = `${baseTag}\u0000${text ?? ''}`;
  let slot = slots.get(key);
  if (!slot) slots.set(key, (slot = { facts: new MessageFacts(text), refs: 0, timer: undefined }));
  const held = slot;
  const all = slots;
  held.refs++;
  clearTimeout(held.timer);
  held.timer = undefined;
  let released = false;
  return {
    facts: held.facts,
    release() {
      if (released) return;
      released = true;
      if (--held.refs > 0) return;
      held.timer = setTimeout(() => {
        if (held.refs === 0 && all.get(key) === held) all.delete(key);
      }, lingerMs);
    },
  };
}

/** Forgets every store of a database now (a test's database going away). */
export function closeFacts(database: PostvakDb): void {
  for (const slot of stores.get(database)?.values() ?? []) clearTimeout(slot.timer);
  stores.delete(database);
}
