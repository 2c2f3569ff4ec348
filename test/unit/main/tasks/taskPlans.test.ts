import { describe, expect, it } from 'vitest';
import {
  childPath,
  junkKeywords,
  keywordsBack,
  mayEmpty,
  moveBack,
  nameRefusal,
  newUidsOf,
  removeCopies,
  renamedPath,
  roleFolderCandidates,
  transferRefusal,
} from '../../../../src/main/services/tasks/taskPlans';
import { sourceBatches } from '../../../../src/main/services/tasks/crossAccount';

describe('transferRefusal (RFC 4314 §4, RFC 6851 §3.3)', () => {
  it('lets a copy go with r on the source and i on the target', () => {
    expect(transferRefusal('copy', 'lr', 'lri')).toBeNull();
    expect(transferRefusal('copy', 'l', 'lri')).toBe('read');
    expect(transferRefusal('copy', 'lr', 'lr')).toBe('insert');
  });

  it('needs t and e on the source for a move', () => {
    expect(transferRefusal('move', 'lr', 'lri')).toBe('remove');
    expect(transferRefusal('move', 'lrt', 'lri')).toBe('remove');
    expect(transferRefusal('move', 'lrte', 'lri')).toBeNull();
    expect(transferRefusal('move', 'lrte', 'lr')).toBe('insert');
  });

  it('allows everything where the server has no ACL (null rights)', () => {
    expect(transferRefusal('move', null, null)).toBeNull();
  });
});

describe('undo tasks', () => {
  const from = { accountId: 'a', folderPath: 'INBOX' };
  const to = { accountId: 'a', folderPath: 'Archive' };

  it('moves back by the new UIDs, in ascending order, with the keywords to put back', () => {
    expect(moveBack(from, to, [12, 10], { add: [], remove: ['$Junk'] })).toEqual({
      type: 'move', accountId: 'a', folderPath: 'Archive', uids: [10, 12], to: from, keywords: { add: [], remove: ['$Junk'] },
    });
    expect(moveBack(from, to, [3])).not.toHaveProperty('keywords');
  });

  it('offers no undo when the new UIDs are unknown (no UIDPLUS) or nothing moved', () => {
    expect(moveBack(from, to, null)).toBeNull();
    expect(moveBack(from, to, [])).toBeNull();
    expect(removeCopies(to, null)).toBeNull();
  });

  it('removes copies for good', () => {
    expect(removeCopies(to, [8])).toEqual({ type: 'delete', accountId: 'a', folderPath: 'Archive', uids: [8], permanent: true });
  });

  it('names the new UIDs of the messages asked for, leaving out the ones that were gone', () => {
    expect(newUidsOf([1, 2, 3], new Map([[1, 10], [3, 12]]))).toEqual([10, 12]);
    expect(newUidsOf([1], null)).toBeNull();
  });
});

describe('junk keywords (RFC 5788)', () => {
  it('sets $Junk and clears $NotJunk, and the reverse', () => {
    expect(junkKeywords('junk')).toEqual({ add: ['$Junk'], remove: ['$NotJunk'] });
    expect(junkKeywords('notJunk')).toEqual({ add: ['$NotJunk'], remove: ['$Junk'] });
  });

  it('undoes only what the task changed: a keyword every message had comes back, one none had goes', () => {
    const applied = junkKeywords('junk');
    expect(keywordsBack(applied, new Map([[1, ['\\Seen']], [2, []]]))).toEqual({ add: [], remove: ['$Junk'] });
    expect(keywordsBack(applied, new Map([[1, ['$NotJunk']], [2, ['$notjunk']]]))).toEqual({ add: ['$NotJunk'], remove: ['$Junk'] });
    // Some had $Junk already: clearing it would take theirs; it stays.
    expect(keywordsBack(applied, new Map([[1, ['$Junk']], [2, []]]))).toEqual({ add: [], remove: [] });
  });
});

describe('folder paths', () => {
  it('builds a child and a renamed path with the delimiter', () => {
    expect(childPath(null, 'Projects', '/')).toBe('Projects');
    expect(childPath('INBOX', 'Projects', '.')).toBe('INBOX.Projects');
    expect(renamedPath('shared/info@example.test/Klanten', 'Clients', '/')).toBe('shared/info@example.test/Clients');
    expect(renamedPath('Top', 'Renamed', '/')).toBe('Renamed');
  });

  it('refuses a name with the delimiter in it', () => {
    expect(nameRefusal('a/b', '/')).toMatch(/\//);
    expect(nameRefusal('Facturen 2026', '/')).toBeNull();
  });

  it("places a missing Archive at the top of the mailbox first, then under its Inbox", () => {
    expect(roleFolderCandidates('', '/', 'INBOX', 'Archive')).toEqual([
      { path: 'Archive', parent: null },
      { path: 'INBOX/Archive', parent: 'INBOX' },
    ]);
    expect(roleFolderCandidates('shared/info@example.test/', '/', 'shared/info@example.test/INBOX', 'Archive')).toEqual([
      { path: 'shared/info@example.test/Archive', parent: 'shared/info@example.test' },
      { path: 'shared/info@example.test/INBOX/Archive', parent: 'shared/info@example.test/INBOX' },
    ]);
  });

  it('empties only Trash and Junk', () => {
    expect([mayEmpty('trash'), mayEmpty('junk'), mayEmpty('inbox'), mayEmpty(null)]).toEqual([true, true, false, false]);
  });
});

describe('sourceBatches (bounded memory between accounts)', () => {
  it('cuts by bytes and by count, and keeps an oversized message alone', () => {
    const facts = [
      { uid: 1, size: 6 },
      { uid: 2, size: 6 },
      { uid: 3, size: 20 },
      { uid: 4, size: 1 },
      { uid: 5, size: 1 },
      { uid: 6, size: 1 },
    ];
    expect(sourceBatches(facts, 10, 2)).toEqual([[1], [2], [3], [4, 5], [6]]);
    expect(sourceBatches([], 10, 2)).toEqual([]);
  });
});
