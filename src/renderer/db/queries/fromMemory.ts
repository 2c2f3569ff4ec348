/**
 * The From picker's memory (issue #4 §3) in the cache: loaded whole into the pure FromMemory
 * shape for chooseFrom, and written back as the difference rememberFrom made, in one transaction.
 */
import type { FromMemory } from '../../../shared/compose';
import type { FromMemoryRow } from '../rows';
import type { PostvakDb } from '../schema';

export async function loadFromMemory(database: PostvakDb): Promise<FromMemory> {
  const memory: FromMemory = { conversations: {}, mailboxes: {} };
  for (const row of await database.fromMemory.toArray()) {
    if (row.kind === 'conversation') memory.conversations[row.key] = row.identityId;
    else memory.mailboxes[row.key] = row.identityId;
  }
  return memory;
}

function changes(kind: FromMemoryRow['kind'], before: Record<string, string>, after: Record<string, string>, now: number) {
  const put: FromMemoryRow[] = [];
  const remove: [FromMemoryRow['kind'], string][] = [];
  for (const [key, identityId] of Object.entries(after)) {
    if (before[key] !== identityId) put.push({ kind, key, identityId, updatedAt: now });
  }
  for (const key of Object.keys(before)) if (!(key in after)) remove.push([kind, key]);
  return { put, remove };
}

/** Stores what changed between two memories (rememberFrom returns a new object). */
export async function storeFromMemory(database: PostvakDb, before: FromMemory, after: FromMemory, now = Date.now()): Promise<void> {
  const conversations = changes('conversation', before.conversations, after.conversations, now);
  const mailboxes = changes('mailbox', before.mailboxes, after.mailboxes, now);
  await database.transaction('rw', database.fromMemory, async () => {
    await database.fromMemory.bulkPut([...conversations.put, ...mailboxes.put]);
    await database.fromMemory.bulkDelete([...conversations.remove, ...mailboxes.remove]);
  });
}
