// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { useCallback } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applySyncBatch } from '../../../../src/renderer/db/applySyncBatch';
import { db } from '../../../../src/renderer/db/db';
import { saveSearch } from '../../../../src/renderer/db/queries/savedSearches';
import { flagBit } from '../../../../src/renderer/db/pages/flagBits';
import { enginePlanner } from '../../../../src/renderer/features/savedSearches/enginePlanner';
import { savedSearchName } from '../../../../src/renderer/features/savedSearches/savedSearchTree';
import { useSavedSearchTree } from '../../../../src/renderer/features/savedSearches/useSavedSearchTree';
import { currentI18n } from '../../../../src/renderer/i18n/useI18n';
import type { FolderRef, IndexDoc } from '../../../../src/renderer/search/engine/engineTypes';
import { openMemoryEngine, type LocalEngine } from '../../../../src/renderer/search/engine/openEngine';
import { accountA, folder, foldersBatch, mailbox, sharedMailbox } from '../db/fixtures';
import { render, type Rendered } from '../support/render';

// The counts arrive from the engine on their own time, not inside an act() of the test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

const info = sharedMailbox('info');
const infoPath = (name: string) => `shared/info@example.test/${name}`;
const inInfo = (name: string) => folder(infoPath(name), accountA, { mailboxId: info.id, rights: 'lrswi', role: name === 'INBOX' ? 'inbox' : null });
const ref = (folderPath: string): FolderRef => ({ accountId: accountA, folderPath });
const seen = flagBit['\\Seen'];
const plan = enginePlanner('en');

function doc(uid: number, bits: number): IndexDoc {
  return { uid, date: Date.UTC(2026, 10, uid), bits, size: 900, attachment: false, subject: `Vraag ${uid}`, from: 'klant@example.com', to: 'info@example.test', cc: '', filenames: '', snippet: '', body: null };
}

/** Other work shares these cores: wait on the outcome, however long the machine takes. */
const patience = { timeout: 15_000 };

let engine: LocalEngine;
let view: Rendered | null = null;

/** The tree items' names as the section shows them, like a screen reader reads them. */
function Section({ engine: used }: { engine: LocalEngine }) {
  const engineOf = useCallback(() => used, [used]);
  const node = useSavedSearchTree(engineOf, plan);
  const { t } = currentI18n();
  return <ul>{node?.children.map((child) => <li key={child.key}>{savedSearchName(child, t)}</li>)}</ul>;
}
const names = () => [...(view?.container.querySelectorAll('li') ?? [])].map((li) => li.textContent);

beforeEach(async () => {
  await db.open();
  engine = await openMemoryEngine();
  await applySyncBatch(db, foldersBatch([folder('INBOX'), inInfo('INBOX')], accountA, [mailbox(accountA), info]));
  await engine.apply([
    { op: 'upsert', folder: ref(infoPath('INBOX')), docs: [doc(1, 0), doc(2, seen | flagBit['\\Answered']), doc(3, seen)] },
    { op: 'upsert', folder: ref('INBOX'), docs: [doc(1, 0), doc(2, 0)] },
    // Not in the cache's folder list yet: `mailbox:info@` does not reach it.
    { op: 'upsert', folder: ref(infoPath('Sent')), docs: [doc(1, 0)] },
  ]);
});
afterEach(async () => {
  view?.unmount();
  view = null;
  engine.close();
  await db.delete();
});

describe('saved searches in the tree, counted (issue #13 §5)', () => {
  it('shows each saved search with its number and follows the index and the folders', async () => {
    await saveSearch(db, { name: 'Unanswered in info@', query: 'mailbox:info@ -is:answered', scope: { kind: 'all' } });
    await saveSearch(db, { name: 'Read in my Inbox', query: 'in:inbox is:read', scope: { kind: 'mailbox', mailboxId: `${accountA}:own` } });
    view = await render(<Section engine={engine} />);
    await vi.waitFor(() => expect(names()).toEqual(['Read in my Inbox, 0 messages', 'Unanswered in info@, 1 unread']), patience);

    // A customer's new message arrives in info@ (indexed by the feeder): the number goes up.
    await engine.apply([{ op: 'upsert', folder: ref(infoPath('INBOX')), docs: [doc(4, 0)] }]);
    await vi.waitFor(() => expect(names()).toEqual(['Read in my Inbox, 0 messages', 'Unanswered in info@, 2 unread']), patience);

    // Both read: no unread left, so the number found shows (3 unanswered in info@'s Inbox).
    await engine.apply([{ op: 'flags', folder: ref(infoPath('INBOX')), changes: [{ uid: 1, bits: seen }, { uid: 4, bits: seen }] }]);
    await vi.waitFor(() => expect(names()).toEqual(['Read in my Inbox, 0 messages', 'Unanswered in info@, 3 messages']), patience);

    // info@'s Sent becomes known to the cache: `mailbox:info@` now reaches it too.
    await applySyncBatch(db, foldersBatch([folder('INBOX'), inInfo('INBOX'), inInfo('Sent')], accountA, [mailbox(accountA), info]));
    await vi.waitFor(() => expect(names()).toEqual(['Read in my Inbox, 0 messages', 'Unanswered in info@, 1 unread']), patience);

    // Something read in the own Inbox: that saved search finds it.
    await engine.apply([{ op: 'flags', folder: ref('INBOX'), changes: [{ uid: 2, bits: seen }] }]);
    await vi.waitFor(() => expect(names()).toEqual(['Read in my Inbox, 1 message', 'Unanswered in info@, 1 unread']), patience);
  });
});
