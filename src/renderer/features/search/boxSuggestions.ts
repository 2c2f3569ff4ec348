/**
 * What the box offers under itself (issue #13 §2: "chips or suggestions so nobody must learn
 * it"), in one shape for the listbox: recent searches while the box is empty, and while typing
 * the operators and values from the query language's suggestions (shared/search/suggestions.ts).
 */
export interface BoxSuggestion {
  /** Unique within the list (the option's DOM id is built from it). */
  id: string;
  kind: 'recent' | 'operator' | 'value';
  /** What the option shows. */
  label: string;
  /** A short explanation beside it ("From a person or an address"), if any. */
  detail?: string;
  /** The box's whole text once the suggestion is taken. */
  text: string;
  /** Taking it also runs the search (a recent search, a complete value) rather than waiting for more typing. */
  runs: boolean;
}

/** Recent searches as options (box empty and focused). */
export function recentSuggestions(recent: readonly string[]): BoxSuggestion[] {
  return recent.map((text, index) => ({ id: `recent-${index}`, kind: 'recent', label: text, text, runs: true }));
}
