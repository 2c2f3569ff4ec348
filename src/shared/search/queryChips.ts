/**
 * The parsed query as chips under the search box (issue #13 §2): one chip per term, saying in
 * words what it does ("From: jan", "Unread", "Before 7-12-2026"), removable one by one. Pure:
 * the box renders `t(labelKey, labelParams)`, wraps negated chips in `searchQuery.chip.not`
 * and puts `searchQuery.chip.or` between chips joined by OR.
 */
import { formatDay } from './dates';
import { atomToText, formatSize } from './parseQuery';
import type { QueryAtom, SearchQuery } from './queryModel';
import type { SearchQueryLabelKey } from './suggestions';

export interface QueryChip {
  /** Where the atom is: query.clauses[clause][atom]. */
  clause: number;
  atom: number;
  /** OR-ed with the chip before it (same clause); otherwise AND-ed. */
  orWithPrevious: boolean;
  negated: boolean;
  kind: QueryAtom['term']['kind'];
  labelKey: SearchQueryLabelKey;
  labelParams: Record<string, string>;
  /** The term as query text (`-from:jan`), e.g. for a tooltip or to edit it. */
  text: string;
}

/** `2 MB`, `500 KB`, `1000 B`. */
const sizeText = (bytes: number): string => {
  const s = formatSize(bytes);
  return /[KMG]$/.test(s) ? `${s.slice(0, -1)} ${s.slice(-1)}B` : `${s} B`;
};

function label(atom: QueryAtom, options?: ChipOptions): { labelKey: SearchQueryLabelKey; labelParams: Record<string, string> } {
  const t = atom.term;
  switch (t.kind) {
    case 'text':
      if (t.field === 'any') return { labelKey: t.phrase ? 'searchQuery.chip.phrase' : 'searchQuery.chip.text', labelParams: { value: t.value } };
      return { labelKey: `searchQuery.chip.${t.field}`, labelParams: { value: t.value } };
    case 'is':
      return { labelKey: `searchQuery.state.${t.state}`, labelParams: {} };
    case 'has':
      return { labelKey: 'searchQuery.has.attachment', labelParams: {} };
    case 'in':
      return { labelKey: 'searchQuery.chip.in', labelParams: { value: t.folder } };
    case 'mailbox':
      return { labelKey: 'searchQuery.chip.mailbox', labelParams: { value: t.address } };
    case 'date':
      return { labelKey: `searchQuery.chip.${t.op}`, labelParams: { value: options ? formatDay(t.ms, options.locale, options.timeZone) : t.text } };
    case 'size':
      return { labelKey: `searchQuery.chip.${t.op}`, labelParams: { value: sizeText(t.bytes) } };
  }
}

export interface ChipOptions {
  locale: string;
  timeZone?: string;
}

/**
 * One chip per atom, in reading order. With `options`, dates show as the locale writes the day
 * (`older_than:2d` → "Before 5-12-2026"); without, as typed.
 */
export function describeQuery(query: SearchQuery, options?: ChipOptions): QueryChip[] {
  return query.clauses.flatMap((clause, c) =>
    clause.map((atom, a) => ({
      clause: c,
      atom: a,
      orWithPrevious: a > 0,
      negated: atom.negated,
      kind: atom.term.kind,
      ...label(atom, options),
      text: atomToText(atom),
    })),
  );
}

/** The query without one chip's atom (an emptied clause goes too). */
export function removeAtom(query: SearchQuery, clause: number, atom: number): SearchQuery {
  return {
    clauses: query.clauses
      .map((atoms, c) => (c === clause ? atoms.filter((_, a) => a !== atom) : atoms))
      .filter((atoms) => atoms.length > 0),
  };
}
