/**
 * EngineQuery → SQL (issue #13 §2–3). Text atoms become one FTS5 MATCH expression that drives
 * the query (the index is read newest first and the read stops after `limit` hits); everything
 * else becomes SQL conditions on `docs`. Clauses FTS5 cannot express alone (an OR of a word and
 * a flag, `-word OR x`, only negated words) fall back to `seq [NOT] IN (SELECT rowid … MATCH …)`:
 * slower, never wrong.
 *
 * The user's words never reach FTS5's syntax: each value is one FTS5 string (`"…"`, quotes
 * doubled), which FTS5 splits with the same unicode61 tokenizer as the indexed text, so
 * `NEAR(`, `AND`, `*`, `^`, `:` and `{col}` inside it are plain characters. A value without a
 * single letter or digit has no token to look for and is ignored (like punctuation).
 */
import type { EngineAtom, EngineQuery, EngineTerm, FolderRef } from './engineTypes';
import { firstSeqOf } from './seq';
import { expandFrom, foldedTokens } from './vocabulary';
import { seenBit, flagBit } from '../../db/pages/flagBits';

/** The FTS5 column each text field looks in (`any`: every column). */
const columnOf = {
  any: null,
  from: 'from',
  to: 'to',
  cc: 'cc',
  subject: 'subject',
  filename: 'filenames',
  body: 'body',
} as const;

export interface CompiledQuery {
  /** The MATCH expression that drives the query, or null: docs are scanned newest first. */
  match: string | null;
  /** Conditions on `d` (docs), ANDed; `?` placeholders bound from `params` in order. */
  where: string[];
  params: (string | number)[];
  /** Nothing can match (the scope names no folder the index holds). */
  empty: boolean;
}

/** unicode61's token characters (its default categories L*, N*, Co). */
const tokenChar = /[\p{L}\p{N}\p{Co}]/u;

/** The forms of a prefix the index holds (vocabulary.ts), or null to let FTS5 expand it. */
export type Forms = (prefix: string) => string[] | null;

/** One text atom as an FTS5 expression, or null when its value has no token. */
export function ftsExpression(term: Extract<EngineTerm, { kind: 'text' }>, forms?: Forms): string | null {
  if (!tokenChar.test(term.value)) return null;
  // A plain word matches as a prefix; `*` applies to the last token of a multi-token value
  // (`de.vries` → "de vries"*: the tokens in order, the last one a prefix).
  let phrase = `"${term.value.replace(/"/g, '""')}"${term.phrase ? '' : '*'}`;
  if (!term.phrase && forms) phrase = expanded(term.value, forms) ?? phrase;
  const column = columnOf[term.field];
  return column === null ? phrase : `{${column}} : ${phrase}`;
}

/** `"fact"*` as `("factuur" OR "factuurnummer")` (vocabulary.ts says why); tokens hold no quote. */
function expanded(value: string, forms: Forms): string | null {
  const tokens = foldedTokens(value);
  const last = tokens.at(-1);
  if (last === undefined || last.length < expandFrom) return null;
  const found = forms(last);
  if (found === null) return null;
  const lead = tokens.slice(0, -1).map((token) => `${token} `).join('');
  const alternatives = [...new Set([last, ...found])].map((form) => `"${lead}${form}"`);
  return alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`;
}

type FolderIds = (folders: readonly FolderRef[]) => number[];

export function compileQuery(query: EngineQuery, folderIds: FolderIds, forms?: Forms): CompiledQuery {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const positives: string[] = [];
  const negatives: string[] = [];
  let empty = false;

  if (query.folders !== null) {
    const ids = folderIds(query.folders);
    if (ids.length === 0) empty = true;
    else where.push(`d.folder IN (${ids.join(',')})`);
  }

  for (const clause of query.clauses) {
    const atoms = clause.filter((atom) => atom.term.kind !== 'text' || tokenChar.test(atom.term.value));
    if (atoms.length === 0) continue;
    if (atoms.every((atom) => atom.term.kind === 'text')) {
      const expressions = atoms.map((atom) => ftsExpression(atom.term as Extract<EngineTerm, { kind: 'text' }>, forms) as string);
      if (atoms.every((atom) => !atom.negated)) {
        positives.push(`(${expressions.join(' OR ')})`);
        continue;
      }
      if (atoms.length === 1) {
        negatives.push(`(${expressions[0]})`);
        continue;
      }
    }
    where.push(`(${atoms.map((atom) => condition(atom, folderIds, params, forms)).join(' OR ')})`);
  }

  let match: string | null = null;
  if (positives.length > 0) {
    match = positives.join(' AND ');
    if (negatives.length > 0) match = `(${match}) NOT (${negatives.join(' OR ')})`;
  } else if (negatives.length > 0) {
    where.push('d.seq NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)');
    params.push(negatives.join(' OR '));
  }
  return { match, where, params, empty };
}

const stateBit = { read: seenBit, unread: seenBit, flagged: flagBit['\\Flagged'], answered: flagBit['\\Answered'] } as const;

/** One atom as a SQL condition on `d`. */
function condition(atom: EngineAtom, folderIds: FolderIds, params: (string | number)[], forms: Forms | undefined): string {
  const term = atom.term;
  if (term.kind === 'text') {
    params.push(ftsExpression(term, forms) as string);
    return `d.seq ${atom.negated ? 'NOT IN' : 'IN'} (SELECT rowid FROM fts WHERE fts MATCH ?)`;
  }
  const sql = positiveCondition(term, folderIds, params);
  return atom.negated ? `NOT (${sql})` : sql;
}

function positiveCondition(term: Exclude<EngineTerm, { kind: 'text' }>, folderIds: FolderIds, params: (string | number)[]): string {
  switch (term.kind) {
    case 'is':
      return term.state === 'unread' ? `(d.bits & ${stateBit.unread}) = 0` : `(d.bits & ${stateBit[term.state]}) <> 0`;
    case 'has':
      return 'd.attachment = 1';
    case 'folders': {
      const ids = folderIds(term.folders);
      return ids.length === 0 ? '0' : `d.folder IN (${ids.join(',')})`;
    }
    case 'date':
      // after: dates ≥ ms; before: dates < ms (queryModel). Every seq of a ms is ≥ its first.
      params.push(firstSeqOf(term.ms));
      return term.op === 'after' ? 'd.seq >= ?' : 'd.seq < ?';
    case 'size':
      params.push(term.bytes);
      return term.op === 'larger' ? 'd.size > ?' : 'd.size < ?';
  }
}
