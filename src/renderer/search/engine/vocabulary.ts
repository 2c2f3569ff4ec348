/**
 * The words the index holds, for prefix search (issue #13 §2: a plain word matches as a
 * prefix). FTS5 answers `"fact"*` by merging the hit lists of every word starting with `fact`
 * into one before it can return the newest hit — time in proportion to all hits (measured: a
 * word in every message of 100,000 took 130–180 ms, against 0.5 ms for the word alone). Its
 * prefix indexes cover one to three letters; for longer prefixes the engine looks the words up
 * here and asks FTS5 for `("factuur" OR "factuurnummer")`, which it reads newest first and stops.
 *
 * Words are split and folded like FTS5's unicode61 tokenizer with remove_diacritics 2 (letters,
 * digits and private-use characters; lower case; diacritics removed), near enough: the words
 * looked up here are quoted for FTS5, which tokenizes them again, and the word as typed is
 * always searched too — a word folded differently here only loses its longer forms.
 */
import type { IndexDoc } from './engineTypes';
import type { Statements } from './statements';

/** Prefixes this long or longer are expanded (shorter ones have an FTS5 prefix index, schema.ts). */
export const expandFrom = 4;
/** More forms than this: FTS5's own prefix query (slower, never wrong). */
const maxForms = 32;
/** Longer tokens (encoded blobs, hashes) are not kept: nobody types them as a prefix. */
const maxLength = 48;

const tokenRun = /[\p{L}\p{N}\p{Co}]+/gu;
const nonAscii = /[\u0080-\u{10FFFF}]/u;
const marks = /\p{Mn}/gu;

export function foldedTokens(text: string): string[] {
  const folded = nonAscii.test(text) ? text.normalize('NFD').replace(marks, '').toLowerCase() : text.toLowerCase();
  return folded.match(tokenRun) ?? [];
}

export class Vocabulary {
  /** Words known to be in the table (bounded; a word not here is merely inserted again). */
  private known = new Set<string>();

  constructor(private readonly sql: Statements) {}

  /** After a rollback or a clear: the table may have lost words this set still names. */
  forget(): void {
    this.known = new Set();
  }

  add(doc: IndexDoc): void {
    // One pass over all columns: one fold, one scan (the tokens are the same as column by column).
    const text = `${doc.subject} ${doc.from} ${doc.to} ${doc.cc} ${doc.filenames} ${doc.snippet} ${doc.body ?? ''}`;
    for (const token of foldedTokens(text)) {
      if (token.length < expandFrom || token.length > maxLength || this.known.has(token)) continue;
      if (this.known.size >= 200_000) this.known = new Set();
      this.known.add(token);
      this.sql.run('INSERT OR IGNORE INTO terms (term) VALUES (?)', [token]);
    }
  }

  /** The words starting with `prefix` (folded), or null when there are too many to list. */
  forms(prefix: string): string[] | null {
    const rows = this.sql.rows('SELECT term FROM terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?', [prefix, `${prefix}\u{10FFFF}`, maxForms + 1]);
    return rows.length > maxForms ? null : rows.map(([term]) => term as string);
  }
}
