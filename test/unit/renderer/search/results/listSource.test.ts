import { describe, expect, it } from 'vitest';
import { sourceOfTag, sourceTag, type MessageSource } from '../../../../../src/renderer/db/index/sourceIndex';
import type { MessageKey } from '../../../../../src/renderer/db/rows';
import { listSourceOf, openInFolder } from '../../../../../src/renderer/search/results/listSource';

const folderState = { selectedAccountId: 'a1', selectedFolderPath: 'INBOX', selectedUnified: null };

describe('the list a person looks at while searching (issue #13 §1)', () => {
  it('is the search while one is set, and the selected folder again when it closes or is blank', () => {
    const search = { text: 'offerte', scope: { kind: 'all' as const } };
    expect(listSourceOf({ ...folderState, search })).toEqual({ kind: 'search', text: 'offerte', scope: { kind: 'all' } });
    expect(listSourceOf({ ...folderState, search: null })).toEqual({ kind: 'folder', accountId: 'a1', folderPath: 'INBOX' });
    expect(listSourceOf({ ...folderState, search: { ...search, text: '   ' } })).toEqual({ kind: 'folder', accountId: 'a1', folderPath: 'INBOX' });
  });

  it('gives a search one tag per text and scope, whatever it holds, and reads it back', () => {
    const sources: MessageSource[] = [
      { kind: 'search', text: 'a|b] "c"', scope: { kind: 'all' } },
      { kind: 'search', text: 'x', scope: { kind: 'folder', accountId: 'a1', folderPath: 'INBOX/Project ]|' }, savedId: 's1' },
      { kind: 'search', text: 'x', scope: { kind: 'mailbox', mailboxId: 'a1:shared:info@example.test' }, view: { filters: ['unread'], sort: { by: 'date', descending: true }, conversations: false } },
    ];
    for (const source of sources) expect(sourceOfTag(sourceTag(source))).toEqual(source);
    // The same scope written in another key order is the same list (one shared index).
    const reordered = { kind: 'search', text: 'x', scope: { folderPath: 'INBOX', accountId: 'a1', kind: 'folder' } } as MessageSource;
    expect(sourceTag(reordered)).toBe(sourceTag({ kind: 'search', text: 'x', scope: { kind: 'folder', accountId: 'a1', folderPath: 'INBOX' } }));
    expect(sourceTag(sources[0]!)).not.toBe(sourceTag({ kind: 'search', text: 'a|b] "c"', scope: { kind: 'all' }, savedId: 's' }));
  });

  it('Show in folder selects the hit’s folder, closes the search and keeps the message open', () => {
    const calls: string[] = [];
    const key: MessageKey = ['a1', 'shared/info@example.test/INBOX', 7];
    openInFolder(
      {
        selectFolder: (accountId, folderPath) => calls.push(`folder ${accountId} ${folderPath}`),
        setSearch: (search) => calls.push(`search ${String(search)}`),
        selectMessage: (message) => calls.push(`message ${message.join(' ')}`),
      },
      key,
    );
    expect(calls).toEqual(['folder a1 shared/info@example.test/INBOX', 'search null', 'message a1 shared/info@example.test/INBOX 7']);
  });
});
