/**
 * The box's text and scope, and how they reach the store (issue #13 §1: "results as you type").
 * Typing sets `store.search` 120 ms after the last key (a word typed at speed is one search, a
 * pause shows results); Enter sets it at once. An empty box closes the search, so the list shows
 * the folder again. A search set elsewhere (a saved search opened in the tree) shows in the box.
 * Opening another folder in the tree ends a typed search, as in Outlook: the tree is a way out.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { db } from '../../db/db';
import { useFolder } from '../../db/queries/mailboxes';
import { useFreshLiveQuery } from '../../db/queries/useFreshLiveQuery';
import { useStore } from '../../store';
import type { ActiveSearch } from '../../store/searchSlice';
import { choiceOf, effectiveScope, sameScope, type ScopeChoice, type ScopeContext } from './searchScope';

export const typingDelayMs = 120;

export interface SearchText {
  text: string;
  choice: ScopeChoice;
  context: ScopeContext;
  folderName: string | null;
  mailboxName: string | null;
  /** Typing: the store follows after the pause. */
  setText(text: string): void;
  /** Sets the text and searches now (Enter, a suggestion or a chip removed). */
  commit(text?: string): void;
  setChoice(choice: ScopeChoice): void;
  /** Empties the box and closes the search. */
  clear(): void;
}

/** The open folder and its mailbox (the folder row's mailboxId), with their names for the switch. */
function useScopeContext(): { context: ScopeContext; folderName: string | null; mailboxName: string | null } {
  const accountId = useStore((state) => state.selectedAccountId);
  const folderPath = useStore((state) => state.selectedFolderPath);
  const folder = useFolder(accountId, folderPath);
  const mailboxId = folder?.mailboxId ?? null;
  const mailbox = useFreshLiveQuery(async () => (mailboxId ? ((await db.mailboxes.get(mailboxId)) ?? null) : null), [mailboxId]);
  const context = useMemo(() => ({ accountId, folderPath, mailboxId }), [accountId, folderPath, mailboxId]);
  return { context, folderName: folder?.name ?? null, mailboxName: mailbox?.address ?? null };
}

const same = (a: ActiveSearch | null, b: ActiveSearch | null) =>
  a === b || (a !== null && b !== null && a.text === b.text && sameScope(a.scope, b.scope) && a.savedId === b.savedId);

export function useSearchText(): SearchText {
  const { context, folderName, mailboxName } = useScopeContext();
  const search = useStore((state) => state.search);
  const [text, setTextState] = useState(search?.text ?? '');
  const [choice, setChoiceState] = useState<ScopeChoice>(search ? choiceOf(search.scope) : 'all');
  /** The last search this box set: anything else in the store came from elsewhere. */
  const sent = useRef<ActiveSearch | null>(search);
  const timer = useRef<number | undefined>(undefined);

  const push = useCallback(
    (nextText: string, nextChoice: ScopeChoice) => {
      window.clearTimeout(timer.current);
      const store = useStore.getState();
      const next: ActiveSearch | null =
        nextText.trim() === '' ? null : { text: nextText, scope: effectiveScope(nextChoice, context) };
      // The same words and scope as the saved search in the store: keep it (and its id).
      if (next && store.search && store.search.text === next.text && sameScope(store.search.scope, next.scope)) return;
      if (same(store.search, next)) return;
      sent.current = next;
      store.setSearch(next);
    },
    [context],
  );

  // A search set elsewhere (the tree's saved searches) or closed elsewhere shows in the box.
  useEffect(() => {
    if (same(search, sent.current)) return;
    sent.current = search;
    window.clearTimeout(timer.current);
    setTextState(search?.text ?? '');
    if (search) setChoiceState(choiceOf(search.scope));
  }, [search]);

  // Another folder opened in the tree ends a typed search (a saved search stays: it was opened there).
  const view = useStore((state) => state.selectedUnified ?? (state.selectedOutbox ? 'outbox' : ''));
  const where = `${view}\u0000${context.accountId ?? ''}\u0000${context.folderPath ?? ''}`;
  const lastWhere = useRef(where);
  useEffect(() => {
    if (lastWhere.current === where) return;
    lastWhere.current = where;
    const current = useStore.getState().search;
    if (!current || current.savedId !== undefined) return;
    sent.current = null;
    window.clearTimeout(timer.current);
    setTextState('');
    useStore.getState().setSearch(null);
  }, [where]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const setText = useCallback(
    (next: string) => {
      setTextState(next);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => push(next, choice), typingDelayMs);
    },
    [push, choice],
  );
  const commit = useCallback(
    (next?: string) => {
      const value = next ?? text;
      setTextState(value);
      push(value, choice);
    },
    [push, text, choice],
  );
  const setChoice = useCallback(
    (next: ScopeChoice) => {
      setChoiceState(next);
      push(text, next);
    },
    [push, text],
  );
  const clear = useCallback(() => {
    setTextState('');
    push('', choice);
  }, [push, choice]);
  return { text, choice, context, folderName, mailboxName, setText, commit, setChoice, clear };
}
