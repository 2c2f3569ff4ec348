/**
 * The search box above the message list (issue #13 §1, §2): Ctrl+E or `/` puts the focus here
 * (the command registry raises store.searchFocusRequest), results follow the typing
 * (useSearchText), a scope switch under it while the search has the focus or runs, suggestions and recent searches in a listbox under
 * it, the understood operators as removable chips, tips, and the status line while a search
 * shows. Escape empties the box (the list shows the folder again), a second Escape goes back to
 * the list; Shift+Delete on a recent search forgets it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { SaveSearchButton } from '../savedSearches/SaveSearchButton';
import type { BoxSuggestion } from './boxSuggestions';
import { ScopeSwitch } from './ScopeSwitch';
import { SearchChips } from './SearchChips';
import { SearchStatusLine } from './SearchStatusLine';
import { SearchTips } from './SearchTips';
import { SuggestionList } from './SuggestionList';
import { useBoxSuggestions } from './useBoxSuggestions';
import { useSearchText } from './useSearchText';
import './search.css';

/** Focus follows Ctrl+E and `/` (never on mount: the list keeps the first focus). */
function useFocusRequests(input: React.RefObject<HTMLInputElement | null>): void {
  const request = useStore((state) => state.searchFocusRequest);
  const seen = useRef(request);
  useEffect(() => {
    if (request === seen.current) return;
    seen.current = request;
    input.current?.focus();
    input.current?.select();
  }, [request, input]);
}

export function SearchBox() {
  const { t } = useI18n();
  const box = useSearchText();
  const searching = useStore((state) => state.search !== null);
  const input = useRef<HTMLInputElement>(null);
  const [focused, setFocused] = useState(false);
  // The scope switch shows while the search has the focus or runs: the rest of the time the list
  // keeps those rows (a 720-pixel window shows two more messages).
  const [within, setWithin] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;
  const [caret, setCaret] = useState(box.text.length);
  const suggestions = useBoxSuggestions(box.text, Math.min(caret, box.text.length), focused);
  const open = focused && !dismissed && suggestions.options.length > 0;
  const current = open && active >= 0 ? suggestions.options[active] : undefined;
  useFocusRequests(input);

  // New text, new options: nothing is active until the arrows choose.
  useEffect(() => setActive(-1), [suggestions.options]);

  function take(option: BoxSuggestion) {
    setActive(-1);
    if (option.runs) {
      box.commit(option.text);
      suggestions.remember(option.text);
      setDismissed(true);
    } else {
      box.setText(option.text);
      setDismissed(false);
    }
    setCaret(option.caret);
    input.current?.focus();
    // After React has put the new text in: the caret where the suggestion says (past a value's space).
    requestAnimationFrame(() => input.current?.setSelectionRange(option.caret, option.caret));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      setDismissed(false);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(!open || active < 0 ? (step === 1 ? 0 : count - 1) : (active + step + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) return take(current);
      box.commit();
      suggestions.remember(box.text);
      setDismissed(true);
    } else if (event.key === 'Tab' && current && !event.shiftKey) {
      event.preventDefault();
      take(current);
    } else if (event.key === 'Delete' && event.shiftKey && current?.kind === 'recent') {
      // Shift+Delete forgets a remembered search, as in a browser's address bar.
      event.preventDefault();
      suggestions.forget(current.text);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open && active >= 0) return setActive(-1);
      if (box.text !== '' || searching) {
        box.clear();
        setDismissed(false);
        return;
      }
      document.getElementById('message-list')?.focus();
    }
  }

  return (
    <div
      className="search-box"
      role="search"
      aria-label={t('search.label')}
      onFocus={() => setWithin(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setWithin(false);
      }}
    >
      <div className="search-box__row">
        <div className="search-box__field">
          <input
            ref={input}
            type="search"
            role="combobox"
            className="field__input search-box__input"
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            aria-keyshortcuts="Control+E /"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={current ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={box.text}
            onChange={(event) => {
              box.setText(event.target.value);
              setCaret(event.target.selectionStart ?? event.target.value.length);
              setDismissed(false);
            }}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? event.currentTarget.value.length)}
            onKeyDown={onKeyDown}
            onFocus={() => setFocused(true)}
            onBlur={() => {
              setFocused(false);
              setDismissed(false);
            }}
          />
          {box.text !== '' && (
            <button type="button" className="search-box__clear" aria-label={t('search.clear')} title={t('search.clear')} onClick={() => (box.clear(), input.current?.focus())}>
              <span aria-hidden="true">×</span>
            </button>
          )}
          {open && (
            <SuggestionList
              id={listId}
              label={suggestions.recent ? t('search.recent') : t('search.suggestions')}
              options={suggestions.options}
              active={current ? active : -1}
              optionId={optionId}
              onHover={setActive}
              onTake={take}
              nameOf={(option) => (option.kind === 'recent' ? t('search.recentOption', { text: option.label }) : option.detail ? `${option.label} — ${option.detail}` : option.label)}
            />
          )}
        </div>
        <SearchTips />
        <SaveSearchButton />
      </div>
      {(within || searching || box.text !== '') && (
        <ScopeSwitch choice={box.choice} context={box.context} folderName={box.folderName} mailboxName={box.mailboxName} onChange={box.setChoice} />
      )}
      <SearchChips chips={suggestions.chips} onRemove={(chip) => box.commit(chip.without)} />
      {searching && <SearchStatusLine />}
    </div>
  );
}
