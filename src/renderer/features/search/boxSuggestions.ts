/**
 * What the box offers under itself (issue #13 §2: "chips or suggestions so nobody must learn
 * it"), in one shape for the listbox: recent searches while the box is empty, and while typing
 * the operators and values of the query language (shared/search/suggestions.ts) — and the
 * chips of what the query understood (shared/search/queryChips.ts), in the person's words.
 */
import type { Translate } from '../../i18n/types';
import { parseQuery, queryToText } from '../../../shared/search/parseQuery';
import { applySuggestion, describeQuery, removeAtom, suggest, type SuggestionContext } from '../../../shared/search/suggestions';
import type { BoxChip } from './SearchChips';

export interface BoxSuggestion {
  /** Unique within the list (the option's DOM id is built from it). */
  id: string;
  kind: 'recent' | 'operator' | 'value';
  /** What the option shows: the text it puts in the box (`from:`, `from:jan@example.com`). */
  label: string;
  /** What it means, in words ("From a person or address"), if anything. */
  detail?: string;
  /** The box's whole text once the suggestion is taken, and where the caret goes. */
  text: string;
  caret: number;
  /** Taking it also runs the search now (a recent search, a complete value); an operator waits for its value. */
  runs: boolean;
}

/** Recent searches as options (box empty and focused). */
export function recentSuggestions(recent: readonly string[]): BoxSuggestion[] {
  return recent.map((text, index) => ({ id: `recent-${index}`, kind: 'recent', label: text, text, caret: text.length, runs: true }));
}

/** The query language's suggestions for the word at the caret. */
export function typedSuggestions(t: Translate, text: string, caret: number, context: SuggestionContext): BoxSuggestion[] {
  return suggest(text, caret, context).map((suggestion, index) => {
    const applied = applySuggestion(text, suggestion);
    return {
      id: `typed-${index}`,
      kind: suggestion.kind,
      label: suggestion.insert,
      detail: (t as (key: string, params: Record<string, string>) => string)(suggestion.labelKey, suggestion.labelParams),
      text: applied.text,
      caret: applied.caret,
      runs: suggestion.kind === 'value',
    };
  });
}

/**
 * A chip per understood operator (plain words stay in the box only: they are what was typed).
 * Removing one leaves the rest of the query, written back as the parser reads it.
 */
export function boxChips(t: Translate, text: string, options: { locale: string; now: number }): BoxChip[] {
  const query = parseQuery(text, options);
  const say = t as (key: string, params?: Record<string, string>) => string;
  return describeQuery(query, { locale: options.locale })
    .filter((chip) => {
      const term = query.clauses[chip.clause]?.[chip.atom]?.term;
      return term !== undefined && !(term.kind === 'text' && term.field === 'any');
    })
    .map((chip) => {
      const term = say(chip.labelKey, chip.labelParams);
      const label = chip.negated ? say('searchQuery.chip.not', { term }) : term;
      return {
        id: `${chip.clause}-${chip.atom}`,
        label: chip.orWithPrevious ? `${say('searchQuery.chip.or')} ${label}` : label,
        negated: chip.negated,
        without: queryToText(removeAtom(query, chip.clause, chip.atom)),
      };
    });
}
