/**
 * The options and chips for what is in the box now (issue #13 §1, §2): recent searches while it
 * is empty, otherwise the query language's suggestions for the word at the caret, and the
 * chips of the operators it understood.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { boxChips, recentSuggestions, typedSuggestions, type BoxSuggestion } from './boxSuggestions';
import { forgetSearch, recentSearches, rememberSearch } from './recentSearches';
import type { BoxChip } from './SearchChips';
import { suggestionSources, type SuggestionSources } from './suggestionSources';

export interface BoxSuggestions {
  options: BoxSuggestion[];
  /** The options are recent searches (the listbox is named so). */
  recent: boolean;
  chips: BoxChip[];
  remember(text: string): void;
  forget(text: string): void;
}

const noSources: SuggestionSources = { folders: [], mailboxes: [], recentAddresses: [] };

/** `active`: the box has the focus (sources are read then, not at start). */
export function useBoxSuggestions(text: string, caret: number, active: boolean): BoxSuggestions {
  const { t, language, localeTag } = useI18n();
  const [recent, setRecent] = useState(recentSearches);
  const [sources, setSources] = useState<SuggestionSources>(noSources);
  // "Today" for dates: taken when the box is used, not at every render.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    let current = true;
    void suggestionSources().then((value) => {
      if (!current) return;
      setSources(value);
      setNow(Date.now());
    });
    return () => void (current = false);
    // Once per focus: the folders, mailboxes and recent correspondents do not change as a person
    // types, and reading them (a page of every Inbox and Sent) on each key would be work per key.
  }, [active]);
  const remember = useCallback((value: string) => setRecent(rememberSearch(value)), []);
  const forget = useCallback((value: string) => setRecent(forgetSearch(value)), []);
  const empty = text.trim() === '';
  const options = useMemo(
    () => (empty ? recentSuggestions(recent) : typedSuggestions(t, text, caret, { ...sources, language, locale: localeTag, now })),
    [empty, recent, t, text, caret, sources, language, localeTag, now],
  );
  const chips = useMemo(() => (empty ? [] : boxChips(t, text, { locale: localeTag, now })), [empty, t, text, localeTag, now]);
  return { options, recent: empty, chips, remember, forget };
}
