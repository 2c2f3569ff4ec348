/**
 * What views of one list read from the pages (messageFacts.ts), shared between them: switching
 * Unread on over a sort by sender, or from size to attachments, reuses what was read instead of
 * reading 100,000 summaries again. Counted like the indexes (registry.ts), kept a few seconds
 * after the last view lets go.
 */
import type { PostvakDb } from '../schema';
import { perDatabase } from './leases';
import { MessageFacts, type FactText } from './messageFacts';

const lingerMs = 5_000;

const stores = perDatabase<PostvakDb, MessageFacts>(lingerMs, () => undefined);

export interface FactsLease {
  facts: MessageFacts;
  release(): void;
}

/** The facts of the list `baseTag`, with the sort text `text` (or none). */
export function acquireFacts(database: PostvakDb, baseTag: string, text: FactText | undefined): FactsLease {
  const lease = stores.of(database).acquire(`${baseTag}\u0000${text ?? ''}`, () => new MessageFacts(text));
  return { facts: lease.value, release: lease.release };
}

/** Forgets every store of a database now (a test's database going away). */
export function closeFacts(database: PostvakDb): void {
  stores.close(database);
}
