/**
 * A parsed query as IMAP SEARCH criteria (issue #13 §4), for the folders the cache lacks or
 * whose bodies are not on this device. Plain data in the shape of imapflow's SearchObject
 * (dist/esm/types.d.ts; compiled by its search-compiler.js): keys of one object are AND-ed,
 * `or: [a, b, …]` is an OR, `not: {…}` a NOT (RFC 9051 §6.4.4). src/shared imports no library,
 * so main casts this to SearchObject where it calls imapflow.
 *
 * How each term is searched:
 * - words (`any`) → TEXT (header and body); `body:` → BODY; `from:`/`to:`/`cc:`/`subject:` → the
 *   header keys. IMAP matches substrings, so a word also finds what it starts (our prefix rule);
 *   folding case is the server's (RFC 9051 §6.4.4); diacritics fold only where the server does.
 * - `filename:` → TEXT with the name: IMAP has no key for attachment names, and the name stands
 *   in the part's Content-Disposition/Content-Type header inside the body. A name encoded per
 *   RFC 2231 / RFC 2047 is not found this way; the local index finds those.
 * - `has:attachment` → HEADER Content-Type "multipart/mixed": an approximation (a mixed message
 *   without a real attachment matches, an attachment in a multipart/related does not). The
 *   results' own `hasAttachments` (from BODYSTRUCTURE) is the exact answer for what is shown.
 * - `is:` → SEEN/FLAGGED/ANSWERED with the UN- forms for negation.
 * - `before:`/`after:` → SENTBEFORE/SENTSINCE (the Date header, as MessageSummary.date) on the
 *   calendar day the query's instant falls on in `timeZone`: IMAP dates have no time of day.
 * - `larger:`/`smaller:` → LARGER/SMALLER (RFC822.SIZE).
 * - `in:`/`mailbox:` choose folders (search/resolve.ts), they are no criteria; see `folderTest`.
 */
import { calendarDay } from './dates';
import type { QueryAtom, SearchQuery, SearchTerm } from './queryModel';

export interface ImapSearchCriteria {
  text?: string;
  body?: string;
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  seen?: boolean;
  flagged?: boolean;
  answered?: boolean;
  /** UTC midnight of the calendar day (imapflow sends the UTC date of a Date). */
  sentBefore?: Date;
  sentSince?: Date;
  larger?: number;
  smaller?: number;
  header?: Record<string, string | boolean>;
  all?: boolean;
  not?: ImapSearchCriteria;
  or?: ImapSearchCriteria[];
}

export interface ImapCriteriaOptions {
  /** Zone the query's days are calendar days in; default the runtime's. */
  timeZone?: string;
  /**
   * Whether the folder being searched is one an `in:` / `mailbox:` term names. Without it, a
   * folder term standing alone in its clause counts as satisfied (resolveQuery chose the folders
   * by it) and one inside an OR as not — never wider than the query asks.
   */
  folderTest?: (term: Extract<SearchTerm, { kind: 'in' | 'mailbox' }>) => boolean;
}

type Value = ImapSearchCriteria | boolean;

function day(ms: number, timeZone?: string): Date {
  const d = calendarDay(ms, timeZone);
  const out = new Date(0);
  out.setUTCFullYear(d.year, d.month - 1, d.day);
  return out;
}

function positive(term: SearchTerm, options: ImapCriteriaOptions, alone: boolean): Value {
  switch (term.kind) {
    case 'text':
      switch (term.field) {
        case 'any':
        case 'filename':
          return { text: term.value };
        default:
          return { [term.field]: term.value };
      }
    case 'is':
      if (term.state === 'unread') return { seen: false };
      if (term.state === 'read') return { seen: true };
      return { [term.state]: true };
    case 'has':
      return { header: { 'Content-Type': 'multipart/mixed' } };
    case 'in':
    case 'mailbox':
      return options.folderTest ? options.folderTest(term) : alone;
    case 'date':
      return term.op === 'after' ? { sentSince: day(term.ms, options.timeZone) } : { sentBefore: day(term.ms, options.timeZone) };
    case 'size':
      // LARGER 0 is every message and SMALLER 0 none; imapflow drops a 0 value, so decide here.
      if (term.bytes === 0) return term.op === 'larger' ? true : false;
      return { [term.op]: term.bytes };
  }
}

function atomValue(atom: QueryAtom, options: ImapCriteriaOptions, alone: boolean): Value {
  const t = atom.term;
  if ((t.kind === 'in' || t.kind === 'mailbox') && !options.folderTest) return alone;
  const value = positive(t, options, alone);
  if (!atom.negated) return value;
  if (typeof value === 'boolean') return !value;
  // Flags and days have exact opposites; the rest goes under NOT.
  if (t.kind === 'is') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, !v]));
  if (t.kind === 'date') return t.op === 'after' ? { sentBefore: value.sentSince } : { sentSince: value.sentBefore };
  return { not: value };
}

/** AND of criteria: merged into one object while keys differ, nested where they collide. */
function andAll(list: ImapSearchCriteria[]): ImapSearchCriteria {
  if (list.length === 0) return { all: true };
  const merged: ImapSearchCriteria = {};
  const rest: ImapSearchCriteria[] = [];
  for (const c of list) {
    if (Object.keys(c).some((k) => k in merged)) rest.push(c);
    else Object.assign(merged, c);
  }
  if (rest.length === 0) return merged;
  // A one-element `or` and a double NOT each compile to their operand alone (search-compiler.js).
  if (!('or' in merged)) return { ...merged, or: [andAll(rest)] };
  if (!('not' in merged)) return { ...merged, not: { not: andAll(rest) } };
  return { or: [merged], not: { not: andAll(rest) } };
}

/**
 * The criteria, or null when no message of the folder can match (e.g. `smaller:0`, or a folder
 * term that rules this folder out). A query with no criteria left searches ALL.
 */
export function toImapCriteria(query: SearchQuery, options: ImapCriteriaOptions = {}): ImapSearchCriteria | null {
  const and: ImapSearchCriteria[] = [];
  for (const clause of query.clauses) {
    const values = clause.map((atom) => atomValue(atom, options, clause.length === 1));
    if (values.includes(true)) continue;
    const left = values.filter((v): v is ImapSearchCriteria => typeof v !== 'boolean');
    if (left.length === 0) return null;
    and.push(left.length === 1 ? (left[0] as ImapSearchCriteria) : { or: left });
  }
  return andAll(and);
}
