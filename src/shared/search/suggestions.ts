/**
 * What the search box suggests while the person types (issue #13 §2: "with chips or suggestions
 * so nobody must learn it"): operators as they are typed (`fr` → `from:`), and values after an
 * operator (addresses after `from:`, folders after `in:`, mailboxes after `mailbox:`, states
 * after `is:`, dates after `before:`/`after:` written the locale's way). Pure: the box renders
 * each with `t(labelKey, labelParams)` and applies it with applySuggestion.
 */
import { fold } from '../text/fold';
import { formatDay } from './dates';
import { isOperatorName } from './parseQuery';

export { describeQuery, removeAtom, type ChipOptions, type QueryChip } from './queryChips';

/** Every label key suggestions and chips use (en/nl texts: src/renderer/i18n/{en,nl}/searchQuery.ts). */
export const searchQueryLabelKeys = [
  'searchQuery.op.from',
  'searchQuery.op.to',
  'searchQuery.op.cc',
  'searchQuery.op.subject',
  'searchQuery.op.filename',
  'searchQuery.op.body',
  'searchQuery.op.is',
  'searchQuery.op.has',
  'searchQuery.op.in',
  'searchQuery.op.mailbox',
  'searchQuery.op.before',
  'searchQuery.op.after',
  'searchQuery.op.older_than',
  'searchQuery.op.newer_than',
  'searchQuery.op.larger',
  'searchQuery.op.smaller',
  'searchQuery.value.from',
  'searchQuery.value.to',
  'searchQuery.value.cc',
  'searchQuery.value.in',
  'searchQuery.value.mailbox',
  'searchQuery.state.unread',
  'searchQuery.state.read',
  'searchQuery.state.flagged',
  'searchQuery.state.answered',
  'searchQuery.state.unanswered',
  'searchQuery.has.attachment',
  'searchQuery.date.today',
  'searchQuery.date.yesterday',
  'searchQuery.date.weekAgo',
  'searchQuery.date.monthAgo',
  'searchQuery.age.day',
  'searchQuery.age.week',
  'searchQuery.age.month',
  'searchQuery.age.year',
  'searchQuery.size.larger',
  'searchQuery.size.smaller',
  'searchQuery.chip.text',
  'searchQuery.chip.phrase',
  'searchQuery.chip.from',
  'searchQuery.chip.to',
  'searchQuery.chip.cc',
  'searchQuery.chip.subject',
  'searchQuery.chip.filename',
  'searchQuery.chip.body',
  'searchQuery.chip.in',
  'searchQuery.chip.mailbox',
  'searchQuery.chip.before',
  'searchQuery.chip.after',
  'searchQuery.chip.larger',
  'searchQuery.chip.smaller',
  'searchQuery.chip.not',
  'searchQuery.chip.or',
] as const;
export type SearchQueryLabelKey = (typeof searchQueryLabelKeys)[number];

export interface SuggestionContext {
  /** Folder names as the tree shows them (`Postvak IN`, `Klanten/Acme`). */
  folders: readonly string[];
  /** Addresses of the mailboxes the person can search (`info@example.test`). */
  mailboxes: readonly string[];
  /** Addresses the person wrote to or got mail from lately, most recent first. */
  recentAddresses: readonly string[];
  language: 'en' | 'nl';
  /** For dates: the locale's digit order (`nl-NL` 7-12-2026, `en-US` 12/7/2026). */
  locale: string;
  now: number;
  timeZone?: string;
}

export interface Suggestion {
  /** `operator` completes an operator name (`from:`); `value` a whole term (`from:jan@…`). */
  kind: 'operator' | 'value';
  /** What replaces text[from, to). */
  insert: string;
  from: number;
  to: number;
  labelKey: SearchQueryLabelKey;
  /** Placeholders of the label (`{value}`, `{date}`). */
  labelParams: Record<string, string>;
}

type Op = 'from' | 'to' | 'cc' | 'subject' | 'filename' | 'body' | 'is' | 'has' | 'in' | 'mailbox' | 'before' | 'after' | 'older_than' | 'newer_than' | 'larger' | 'smaller';

/** Operator names offered, in the order offered; Dutch ones only to Dutch speakers. */
const operatorNames: { name: string; op: Op; nl?: true }[] = [
  { name: 'from', op: 'from' },
  { name: 'van', op: 'from', nl: true },
  { name: 'to', op: 'to' },
  { name: 'aan', op: 'to', nl: true },
  { name: 'subject', op: 'subject' },
  { name: 'onderwerp', op: 'subject', nl: true },
  { name: 'has', op: 'has' },
  { name: 'is', op: 'is' },
  { name: 'in', op: 'in' },
  { name: 'map', op: 'in', nl: true },
  { name: 'mailbox', op: 'mailbox' },
  { name: 'postvak', op: 'mailbox', nl: true },
  { name: 'filename', op: 'filename' },
  { name: 'bijlage', op: 'filename', nl: true },
  { name: 'cc', op: 'cc' },
  { name: 'before', op: 'before' },
  { name: 'after', op: 'after' },
  { name: 'older_than', op: 'older_than' },
  { name: 'newer_than', op: 'newer_than' },
  { name: 'larger', op: 'larger' },
  { name: 'groter', op: 'larger', nl: true },
  { name: 'smaller', op: 'smaller' },
  { name: 'kleiner', op: 'smaller', nl: true },
  { name: 'body', op: 'body' },
];
const opOf = new Map(operatorNames.map((o) => [o.name, o.op]));
const aliasOps: Record<string, Op> = { attachment: 'filename', label: 'in', folder: 'in', older: 'before', newer: 'after', size: 'larger' };

const stateWords: { word: string; key: SearchQueryLabelKey; nl?: true }[] = [
  { word: 'ongelezen', key: 'searchQuery.state.unread', nl: true },
  { word: 'gelezen', key: 'searchQuery.state.read', nl: true },
  { word: 'gemarkeerd', key: 'searchQuery.state.flagged', nl: true },
  { word: 'beantwoord', key: 'searchQuery.state.answered', nl: true },
  { word: 'onbeantwoord', key: 'searchQuery.state.unanswered', nl: true },
  { word: 'unread', key: 'searchQuery.state.unread' },
  { word: 'read', key: 'searchQuery.state.read' },
  { word: 'flagged', key: 'searchQuery.state.flagged' },
  { word: 'answered', key: 'searchQuery.state.answered' },
  { word: 'unanswered', key: 'searchQuery.state.unanswered' },
];

/** The token around the caret: [start, end) in `text`, white space inside quotes included. */
export function tokenAt(text: string, caret: number): { start: number; end: number } {
  const at = Math.max(0, Math.min(caret, text.length));
  let start = 0;
  let quoted = false;
  for (let i = 0; i < at; i++) {
    const c = text.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (!quoted && /\s/u.test(c)) start = i + 1;
  }
  let end = at;
  for (; end < text.length; end++) {
    const c = text.charAt(end);
    if (c === '"') quoted = !quoted;
    else if (!quoted && /\s/u.test(c)) break;
  }
  return { start, end };
}

const quote = (value: string): string => (/[\s"()|]/u.test(value) ? `"${value.replace(/"/g, '')}"` : value);
const dayMs = 86_400_000;

/** Values for an operator, filtered by what was typed after the colon. */
function values(op: Op, typed: string, ctx: SuggestionContext): { value: string; key: SearchQueryLabelKey; params: Record<string, string> }[] {
  const t = fold(typed.replace(/^"/, '').replace(/"$/, ''));
  const starts = (s: string): boolean => fold(s).startsWith(t) || (t.length > 0 && fold(s).split(/[\s@./_-]+/u).some((w) => w.startsWith(t)));
  const uniq = (list: readonly string[]): string[] => {
    // The first spelling wins: the list is most recent first.
    const byFold = new Map<string, string>();
    for (const s of list) if (!byFold.has(fold(s))) byFold.set(fold(s), s);
    return [...byFold.values()];
  };
  switch (op) {
    case 'from':
    case 'to':
    case 'cc':
      return uniq(ctx.recentAddresses)
        .filter(starts)
        .map((a) => ({ value: a, key: `searchQuery.value.${op}` as const, params: { value: a } }));
    case 'in':
      return uniq(ctx.folders)
        .filter(starts)
        .map((f) => ({ value: quote(f), key: 'searchQuery.value.in' as const, params: { value: f } }));
    case 'mailbox':
      return uniq(ctx.mailboxes)
        .filter(starts)
        .map((m) => ({ value: m, key: 'searchQuery.value.mailbox' as const, params: { value: m } }));
    case 'is': {
      const seen = new Set<string>();
      return stateWords
        .filter((s) => (!s.nl || ctx.language === 'nl') && s.word.startsWith(t))
        .filter((s) => !seen.has(s.key) && seen.add(s.key))
        .map((s) => ({ value: s.word, key: s.key, params: {} }));
    }
    case 'has': {
      const word = ctx.language === 'nl' && 'bijlage'.startsWith(t) ? 'bijlage' : 'attachment';
      return word.startsWith(t) ? [{ value: word, key: 'searchQuery.has.attachment', params: {} }] : [];
    }
    case 'before':
    case 'after': {
      if (!Number.isFinite(ctx.now)) return [];
      const back: [SearchQueryLabelKey, number][] = [
        ['searchQuery.date.today', 0],
        ['searchQuery.date.yesterday', 1],
        ['searchQuery.date.weekAgo', 7],
        ['searchQuery.date.monthAgo', 30],
      ];
      return back
        .map(([key, days]) => {
          const date = formatDay(ctx.now - days * dayMs, ctx.locale, ctx.timeZone);
          return { value: date, key, params: { date } };
        })
        .filter((d) => d.value.startsWith(typed));
    }
    case 'older_than':
    case 'newer_than':
      return (
        [
          ['1d', 'searchQuery.age.day'],
          ['1w', 'searchQuery.age.week'],
          ['1m', 'searchQuery.age.month'],
          ['1y', 'searchQuery.age.year'],
        ] as const
      )
        .filter(([v]) => v.startsWith(t))
        .map(([value, key]) => ({ value, key, params: {} }));
    case 'larger':
    case 'smaller':
      return ['1M', '5M', '10M']
        .filter((v) => fold(v).startsWith(t))
        .map((value) => ({ value, key: `searchQuery.size.${op}` as const, params: { size: `${value.slice(0, -1)} MB` } }));
    default:
      return [];
  }
}

/**
 * Suggestions for the token at `caret`: operator names it starts (an empty token: the common
 * ones), or values of the operator it is (`from:ja` → recent addresses with "ja"), or for a
 * plain word of two letters or more, `from:` the recent addresses it starts.
 */
export function suggest(text: string, caret: number, ctx: SuggestionContext, limit = 8): Suggestion[] {
  const { start, end } = tokenAt(text, caret);
  const token = text.slice(start, end);
  const neg = token.startsWith('-') ? '-' : '';
  const body = token.slice(neg.length);
  const colon = body.indexOf(':');
  const out: Suggestion[] = [];
  if (colon > 0 && isOperatorName(body.slice(0, colon))) {
    const typedName = body.slice(0, colon);
    const name = typedName.toLowerCase();
    const op = opOf.get(name) ?? aliasOps[name];
    if (!op) return [];
    for (const v of values(op, body.slice(colon + 1), ctx)) {
      out.push({ kind: 'value', insert: `${neg}${typedName}:${v.value}`, from: start, to: end, labelKey: v.key, labelParams: v.params });
    }
    return out.slice(0, limit);
  }
  if (body.startsWith('"') || colon >= 0) return [];
  const typed = body.toLowerCase();
  const seen = new Set<Op>();
  for (const o of operatorNames) {
    if (o.nl && ctx.language !== 'nl') continue;
    if (!o.name.startsWith(typed) || seen.has(o.op)) continue;
    seen.add(o.op);
    out.push({ kind: 'operator', insert: `${neg}${o.name}:`, from: start, to: end, labelKey: `searchQuery.op.${o.op}`, labelParams: {} });
  }
  if (typed.length >= 2 && !neg) {
    for (const v of values('from', body, ctx).slice(0, 3)) {
      out.push({ kind: 'value', insert: `from:${v.value}`, from: start, to: end, labelKey: v.key, labelParams: v.params });
    }
  }
  return out.slice(0, limit);
}

/** The text after choosing a suggestion, and where the caret goes (after a value: past a space). */
export function applySuggestion(text: string, s: Suggestion): { text: string; caret: number } {
  const before = text.slice(0, s.from);
  const after = text.slice(s.to);
  const space = s.kind === 'value' && !/^\s/u.test(after) ? ' ' : '';
  const next = `${before}${s.insert}${space}${after}`;
  return { text: next, caret: before.length + s.insert.length + (s.kind === 'value' ? 1 : 0) };
}
