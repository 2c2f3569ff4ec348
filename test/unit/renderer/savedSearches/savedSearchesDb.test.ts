import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteSavedSearch,
  listSavedSearches,
  renameSavedSearch,
  saveSearch,
  SavedSearchNameError,
  savedSearchNameProblem,
} from '../../../../src/renderer/db/queries/savedSearches';
import { PostvakDb } from '../../../../src/renderer/db/schema';

let db: PostvakDb;
let counter = 0;

beforeEach(async () => {
  db = new PostvakDb(`saved-searches-${++counter}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const everywhere = { kind: 'all' } as const;
const names = async () => (await listSavedSearches(db)).map((row) => row.name);

/** The problem a save or rename was refused for (null: it was not refused). */
async function refusal(work: Promise<unknown>): Promise<string | null> {
  try {
    await work;
    return null;
  } catch (error) {
    if (error instanceof SavedSearchNameError) return error.problem;
    throw error;
  }
}

describe('saved searches in the cache (issue #13 §5)', () => {
  it('keeps a saved search with its query and scope, trimmed, and lists them by name', async () => {
    const scope = { kind: 'mailbox', mailboxId: 'a1:shared:info@example.test' } as const;
    const saved = await saveSearch(db, { name: '  Unanswered in info@ ', query: ' mailbox:info@ -is:answered ', scope }, 1000);
    await saveSearch(db, { name: 'Antwoorden van Jansen', query: 'from:jansen', scope: everywhere }, 2000);
    expect(await names()).toEqual(['Antwoorden van Jansen', 'Unanswered in info@']);
    const rows = await listSavedSearches(db);
    expect(rows.find((row) => row.id === saved.id)).toEqual({
      id: saved.id,
      name: 'Unanswered in info@',
      query: 'mailbox:info@ -is:answered',
      scope,
      createdAt: 1000,
    });
  });

  it('refuses an empty name and a name another saved search has, whatever the case', async () => {
    await saveSearch(db, { name: 'Unanswered', query: '-is:answered', scope: everywhere });
    expect(await refusal(saveSearch(db, { name: '   ', query: 'x', scope: everywhere }))).toBe('empty');
    expect(await refusal(saveSearch(db, { name: ' unanswered ', query: 'is:unread', scope: everywhere }))).toBe('duplicate');
    expect(await refusal(saveSearch(db, { name: 'x'.repeat(101), query: 'x', scope: everywhere }))).toBe('tooLong');
    expect(await names()).toEqual(['Unanswered']);
  });

  it('renames, also to its own name in another case, but not to another one’s name', async () => {
    const first = await saveSearch(db, { name: 'Unanswered', query: '-is:answered', scope: everywhere });
    await saveSearch(db, { name: 'Flagged', query: 'is:flagged', scope: everywhere });
    expect(await renameSavedSearch(db, first.id, '  Unanswered in info@  ')).toBe(true);
    expect(await names()).toEqual(['Flagged', 'Unanswered in info@']);
    expect(await renameSavedSearch(db, first.id, 'UNANSWERED IN INFO@')).toBe(true);
    expect(await refusal(renameSavedSearch(db, first.id, 'flagged'))).toBe('duplicate');
    expect(await refusal(renameSavedSearch(db, first.id, ''))).toBe('empty');
    expect(await names()).toEqual(['Flagged', 'UNANSWERED IN INFO@']);
  });

  it('deletes one saved search; renaming a deleted one says so instead of bringing it back', async () => {
    const first = await saveSearch(db, { name: 'Unanswered', query: '-is:answered', scope: everywhere });
    await saveSearch(db, { name: 'Flagged', query: 'is:flagged', scope: everywhere });
    await deleteSavedSearch(db, first.id);
    expect(await names()).toEqual(['Flagged']);
    expect(await renameSavedSearch(db, first.id, 'Again')).toBe(false);
    expect(await names()).toEqual(['Flagged']);
  });

  it('the name check the dialog shows agrees with the store', () => {
    const rows = [
      { id: 'a', name: 'Unanswered' },
      { id: 'b', name: 'Flagged' },
    ];
    expect(savedSearchNameProblem('Nieuw', rows)).toBeNull();
    expect(savedSearchNameProblem(' flagged', rows)).toBe('duplicate');
    expect(savedSearchNameProblem('FLAGGED', rows, 'b')).toBeNull();
    expect(savedSearchNameProblem('\t', rows)).toBe('empty');
  });
});
