/** Issue #13 §1: the scope switch's choices become the store's scope from what the list shows; default everything. */
import { describe, expect, it } from 'vitest';
import { effectiveScope, scopeFor } from '../../../../../src/renderer/features/search/searchScope';
import { sharedMailboxId } from '../../../../../src/shared/mailboxIds';

const info = sharedMailboxId('acc1', 'info@example.test');
const inInfo = { accountId: 'acc1', folderPath: 'shared/info@example.test/INBOX', mailboxId: info };
const unified = { accountId: null, folderPath: null, mailboxId: null };

describe('search scope', () => {
  it('a folder open: this folder, its mailbox, or everything', () => {
    expect(scopeFor('folder', inInfo)).toEqual({ kind: 'folder', accountId: 'acc1', folderPath: 'shared/info@example.test/INBOX' });
    expect(scopeFor('mailbox', inInfo)).toEqual({ kind: 'mailbox', mailboxId: info });
    expect(scopeFor('all', inInfo)).toEqual({ kind: 'all' });
  });

  it('a unified view: only everything, and a narrower choice falls back to it', () => {
    expect(scopeFor('folder', unified)).toBeNull();
    expect(scopeFor('mailbox', unified)).toBeNull();
    expect(effectiveScope('mailbox', unified)).toEqual({ kind: 'all' });
  });
});
