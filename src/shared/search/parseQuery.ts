/**
 * The search box's language (issue #13 §2): Gmail/Outlook syntax people already know, turned
 * into a SearchQuery (queryModel.ts). Never throws: malformed input gives a usable query —
 * an operator without a value is dropped, one with a value it cannot read (`larger:abc`,
 * `is:foo`, `before:soon`) is searched as plain text, as Gmail does, and so are unknown
 * prefixes (`Re:`, `10:30`, `http://x`). Text values stay as typed: folding case and
 * diacritics is the matchers' job (the index's tokenizer, the IMAP server).
 *
 * Dutch operator names are accepted beside the English ones where the word means nothing else
 * in a search (`van:`, `aan:`, `onderwerp:`, `bijlage:`, `map:`, `postvak:`, `groter:`,
 * `kleiner:`, `is:ongelezen` …); `voor:` / `na:` are not (ordinary Dutch words: "voor:" is
 * "for:").
 */
import { isAgeText, isoDay, parseAge, parseDay } from './dates';
import { lex, type Token } from './queryLexer';
import type { MessageState, QueryAtom, SearchQuery, SearchTerm, TextField } from './queryModel';

export interface ParseOptions {
  /** BCP 47 tag of the person's locale, for numeric dates (`nl`, `en-US`, `en-GB`). */
  locale: string;
  /** Epoch ms "now", for `today`, `older_than:` and dates without a year. */
  now: number;
  /** IANA zone the days start in; default the runtime's zone. */
  timeZone?: string;
}

type OperatorKind = 'text' | 'is' | 'has' | 'hasattachments' | 'in' | 'mailbox' | 'before' | 'after' | 'older_than' | 'newer_than' | 'larger' | 'smaller';

/** Every name the parser knows (lower case) → what it is; text operators name their field. */
const operators: Record<string, { kind: OperatorKind; field?: TextField }> = {
  from: { kind: 'text', field: 'from' },
  van: { kind: 'text', field: 'from' },
  to: { kind: 'text', field: 'to' },
  aan: { kind: 'text', field: 'to' },
  cc: { kind: 'text', field: 'cc' },
  subject: { kind: 'text', field: 'subject' },
  onderwerp: { kind: 'text', field: 'subject' },
  filename: { kind: 'text', field: 'filename' },
  attachment: { kind: 'text', field: 'filename' },
  attachments: { kind: 'text', field: 'filename' },
  bijlage: { kind: 'text', field: 'filename' },
  body: { kind: 'text', field: 'body' },
  is: { kind: 'is' },
  has: { kind: 'has' },
  /** Outlook's `hasattachments:yes` / `:no`. */
  hasattachments: { kind: 'hasattachments' },
  in: { kind: 'in' },
  label: { kind: 'in' },
  folder: { kind: 'in' },
  map: { kind: 'in' },
  mailbox: { kind: 'mailbox' },
  postvak: { kind: 'mailbox' },
  before: { kind: 'before' },
  older: { kind: 'before' },
  after: { kind: 'after' },
  newer: { kind: 'after' },
  older_than: { kind: 'older_than' },
  newer_than: { kind: 'newer_than' },
  larger: { kind: 'larger' },
  size: { kind: 'larger' },
  groter: { kind: 'larger' },
  smaller: { kind: 'smaller' },
  kleiner: { kind: 'smaller' },
};

export const isOperatorName = (name: string): boolean => Object.hasOwn(operators, name.toLowerCase());

/** `is:` values (English, Gmail's and Dutch) → state, and whether the word means its opposite. */
const states: Record<string, { state: MessageState; not?: true }> = {
  unread: { state: 'unread' },
  unseen: { state: 'unread' },
  new: { state: 'unread' },
  ongelezen: { state: 'unread' },
  read: { state: 'read' },
  seen: { state: 'read' },
  gelezen: { state: 'read' },
  flagged: { state: 'flagged' },
  starred: { state: 'flagged' },
  important: { state: 'flagged' },
  gemarkeerd: { state: 'flagged' },
  vlag: { state: 'flagged' },
  gevlagd: { state: 'flagged' },
  unflagged: { state: 'flagged', not: true },
  unstarred: { state: 'flagged', not: true },
  answered: { state: 'answered' },
  replied: { state: 'answered' },
  beantwoord: { state: 'answered' },
  unanswered: { state: 'answered', not: true },
  unreplied: { state: 'answered', not: true },
  onbeantwoord: { state: 'answered', not: true },
};

const attachmentWords = new Set(['attachment', 'attachments', 'bijlage', 'bijlagen']);
const yesNo: Record<string, boolean> = { yes: true, true: true, ja: true, no: false, false: false, nee: false };

/** Limits of searchQuerySchema: what the parser builds always crosses the contract. */
const maxValue = 500;
const maxAddress = 320;
const maxClauses = 40;
const maxAtoms = 20;

const hasWordChar = /[\p{L}\p{N}]/u;

/** Cut to `max` UTF-16 units without splitting a surrogate pair. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

/** A text value that can match something, or null (punctuation only, empty). */
function textValue(raw: string, quoted: boolean): string | null {
  const value = quoted ? raw.replace(/\s+/gu, ' ').trim() : raw;
  return hasWordChar.test(value) ? cut(value, maxValue) : null;
}

const SIZE = /^(\d+(?:[.,]\d+)?)\s*([kmg]?)(?:i?b)?$/i;
const unitBytes: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `500`, `500k`, `2M`, `1.5MB`, `1,5 MB` → bytes (binary units, as mail clients show sizes). */
export function parseSize(text: string): number | null {
  const m = SIZE.exec(text.trim());
  if (!m) return null;
  const bytes = Math.round(Number((m[1] ?? '').replace(',', '.')) * (unitBytes[(m[2] ?? '').toLowerCase()] ?? 1));
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** A day's start the contract can carry, or null (Intl refusing a value never reaches the person). */
function safeDay(compute: () => number | null): number | null {
  try {
    const ms = compute();
    return ms !== null && Number.isSafeInteger(ms) && Math.abs(ms) <= 8.64e15 ? ms : null;
  } catch {
    return null;
  }
}

/** The term an operator token stands for; 'drop' when it has no value, 'text' when unreadable. */
function operatorTerm(tok: Extract<Token, { kind: 'op' }>, options: ParseOptions): SearchTerm | { flip: true; term: SearchTerm } | 'drop' | 'text' {
  const op = operators[tok.name];
  if (!op) return 'text';
  const value = tok.quoted ? tok.value.trim() : tok.value;
  if (!hasWordChar.test(value) && !(op.kind === 'in' && value.trim() !== '')) return 'drop';
  switch (op.kind) {
    case 'text': {
      const v = textValue(value, tok.quoted);
      return v === null ? 'drop' : { kind: 'text', field: op.field ?? 'any', value: v, phrase: tok.quoted };
    }
    case 'is': {
      const s = states[value.toLowerCase()];
      if (!s) return 'text';
      const term: SearchTerm = { kind: 'is', state: s.state };
      return s.not ? { flip: true, term } : term;
    }
    case 'has':
      return attachmentWords.has(value.toLowerCase()) ? { kind: 'has', what: 'attachment' } : 'text';
    case 'hasattachments': {
      const yes = yesNo[value.toLowerCase()];
      if (yes === undefined) return 'text';
      const term: SearchTerm = { kind: 'has', what: 'attachment' };
      return yes ? term : { flip: true, term };
    }
    case 'in':
      return { kind: 'in', folder: cut(value.trim(), maxValue) };
    case 'mailbox':
      return { kind: 'mailbox', address: cut(value.trim(), maxAddress) };
    case 'before':
    case 'after': {
      const ms = safeDay(() => parseDay(value, options));
      return ms === null ? 'text' : { kind: 'date', op: op.kind, ms, text: cut(value.trim(), 100) };
    }
    case 'older_than':
    case 'newer_than': {
      const ms = safeDay(() => parseAge(value, options.now));
      return ms === null ? 'text' : { kind: 'date', op: op.kind === 'older_than' ? 'before' : 'after', ms, text: value.trim() };
    }
    case 'larger':
    case 'smaller': {
      const bytes = parseSize(value);
      return bytes === null ? 'text' : { kind: 'size', op: op.kind, bytes };
    }
  }
}

function tokenAtom(tok: Exclude<Token, { kind: 'or' | 'not' }>, options: ParseOptions): QueryAtom | null {
  if (tok.kind === 'word') {
    const value = textValue(tok.value, tok.quoted);
    return value === null ? null : { term: { kind: 'text', field: 'any', value, phrase: tok.quoted }, negated: tok.negated };
  }
  const term = operatorTerm(tok, options);
  if (term === 'drop') return null;
  if (term === 'text') {
    const value = textValue(`${tok.typed}:${tok.value}`, tok.quoted);
    return value === null ? null : { term: { kind: 'text', field: 'any', value, phrase: tok.quoted }, negated: tok.negated };
  }
  if ('flip' in term) return { term: term.term, negated: !tok.negated };
  return { term, negated: tok.negated };
}

/**
 * Parses the search box's text. `a OR b c` = (a OR b) AND c, Gmail's reading: OR binds tighter
 * than the implicit AND. A dangling `OR` is ignored (the person is typing the next word); a
 * query of nothing but `OR` searches the word.
 */
export function parseQuery(text: string, givenOptions: ParseOptions): SearchQuery {
  const options = { ...givenOptions, now: Number.isFinite(givenOptions.now) ? Math.floor(givenOptions.now) : Date.now() };
  const tokens = lex(typeof text === 'string' ? text : '', isOperatorName);
  const clauses: QueryAtom[][] = [];
  const seen = new Set<string>();
  let join = false;
  let lastWasAtom = false;
  let not = false;
  for (const tok of tokens) {
    if (tok.kind === 'or') {
      join = join || lastWasAtom;
      lastWasAtom = false;
      continue;
    }
    if (tok.kind === 'not') {
      not = !not;
      continue;
    }
    const parsed = tokenAtom(tok, options);
    if (!parsed) continue;
    const atom = not ? { ...parsed, negated: !parsed.negated } : parsed;
    not = false;
    const last = clauses[clauses.length - 1];
    // An OR past the contract's limit is dropped, never turned into an AND.
    if (join && last) {
      if (last.length < maxAtoms) last.push(atom);
    } else {
      clauses.push([atom]);
    }
    join = false;
    lastWasAtom = true;
  }
  if (clauses.length === 0 && tokens.length > 0 && tokens.every((t) => t.kind === 'or') && /\bOR\b/.test(text)) {
    clauses.push([{ term: { kind: 'text', field: 'any', value: 'OR', phrase: false }, negated: false }]);
  }
  // `foo foo` asks once; then the contract's limit on clauses.
  const unique = clauses.filter((c) => {
    const key = JSON.stringify(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { clauses: unique.slice(0, maxClauses) };
}

export const isEmptyQuery = (query: SearchQuery): boolean => query.clauses.length === 0;

const needsQuotes = /[\s"()|]/u;

function quoteIfNeeded(value: string, force = false): string {
  return force || needsQuotes.test(value) || value === '' ? `"${value.replace(/"/g, ' ').replace(/\s+/gu, ' ').trim()}"` : value;
}

/** Binary sizes back as the shortest exact text (`2M`, `500K`, `1234`). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3}G`;
  if (bytes >= 1024 ** 2 && bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}M`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024}K`;
  return String(bytes);
}

/** One atom as canonical text (`-from:"Jan de Vries"`, `is:unread`, `in:"Postvak IN"`). */
export function atomToText(atom: QueryAtom): string {
  const t = atom.term;
  const neg = atom.negated ? '-' : '';
  switch (t.kind) {
    case 'text': {
      const op = t.field === 'any' ? '' : `${t.field}:`;
      // The words OR/AND/NOT as text: `-OR` reads back as the word; without the dash only quoted.
      const reserved = !t.phrase && !atom.negated && t.field === 'any' && /^(OR|AND|NOT)$/.test(t.value);
      return `${neg}${op}${quoteIfNeeded(t.value, t.phrase || reserved)}`;
    }
    case 'is':
      return `${neg}is:${t.state}`;
    case 'has':
      return `${neg}has:attachment`;
    case 'in':
      return `${neg}in:${quoteIfNeeded(t.folder)}`;
    case 'mailbox':
      return `${neg}mailbox:${quoteIfNeeded(t.address)}`;
    case 'date': {
      const text = t.text.trim();
      if (text && isAgeText(text)) return `${neg}${t.op === 'before' ? 'older_than' : 'newer_than'}:${text}`;
      return `${neg}${t.op}:${text && !text.includes('"') ? quoteIfNeeded(text) : isoDay(t.ms)}`;
    }
    case 'size':
      return `${neg}${t.op}:${formatSize(t.bytes)}`;
  }
}

/** The query as text the parser reads back to the same query: for chips, recents, saved searches. */
export function queryToText(query: SearchQuery): string {
  const only = query.clauses.length === 1 && query.clauses[0]?.length === 1 ? query.clauses[0][0] : undefined;
  // A lone `OR` is searched as the word (parseQuery).
  if (only?.term.kind === 'text' && only.term.value === 'OR' && !only.term.phrase && !only.negated && only.term.field === 'any') return 'OR';
  return query.clauses.map((clause) => clause.map(atomToText).join(' OR ')).join(' ');
}
