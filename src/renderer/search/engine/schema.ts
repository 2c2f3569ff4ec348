/**
 * The index's tables (issue #13 §3, search-and-cache notes' measured layout):
 * - `fts`: FTS5, contentless (the cache holds the text; the index keeps only what finds it) with
 *   deletes allowed (`contentless_delete=1`, SQLite 3.43), diacritics folded (`coordinatie` finds
 *   `coördinatie`), prefix indexes for one to three letters (what people type first: without
 *   one, the first keystroke's `"v"*` merged every word starting with v — measured at 50,000
 *   messages 70–170 ms, with it under 1 ms, for 19 % more index), full detail so phrases work. rowid = the document's seq (seq.ts).
 * - `docs`: what the filters read, by the same rowid; (folder, uid) unique.
 * - `folders`: the folders the index holds and the cache state (epoch, rev) it reflects.
 * - `terms`: the words the index holds, for prefix search (vocabulary.ts).
 * - `meta`: the schema version. Another version is dropped and rebuilt: the feeder re-indexes
 *   from the cache, as it does for a missing index.
 */
import type { Database } from './sqlite';

export const schemaVersion = 3;

/** The text columns, in the order `apply` inserts them. */
export const textColumns = ['subject', 'from', 'to', 'cc', 'filenames', 'snippet', 'body'] as const;

const create = [
  'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID',
  `CREATE TABLE IF NOT EXISTS folders (
     id INTEGER PRIMARY KEY, accountId TEXT NOT NULL, path TEXT NOT NULL,
     epoch INTEGER, rev INTEGER, UNIQUE (accountId, path))`,
  `CREATE TABLE IF NOT EXISTS docs (
     seq INTEGER PRIMARY KEY, folder INTEGER NOT NULL, uid INTEGER NOT NULL, bits INTEGER NOT NULL,
     size INTEGER NOT NULL, attachment INTEGER NOT NULL, hasBody INTEGER NOT NULL)`,
  'CREATE UNIQUE INDEX IF NOT EXISTS docs_folder_uid ON docs (folder, uid)',
  'CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY) WITHOUT ROWID',
  `CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
     ${textColumns.map((c) => `"${c}"`).join(', ')},
     content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2", prefix='1 2 3')`,
];

const drop = ['DROP TABLE IF EXISTS terms', 'DROP TABLE IF EXISTS fts', 'DROP TABLE IF EXISTS docs', 'DROP TABLE IF EXISTS folders', 'DROP TABLE IF EXISTS meta'];

/** Creates the tables, or drops and recreates them when they are of another schema version. */
export function ensureSchema(db: Database): void {
  const hasMeta = db.selectValue("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'") !== undefined;
  const version = hasMeta ? db.selectValue("SELECT value FROM meta WHERE key = 'schema'") : undefined;
  if (version !== schemaVersion) resetSchema(db);
}

/** Empties the index: the tables are dropped and made anew (a clear, or another schema version). */
export function resetSchema(db: Database): void {
  db.transaction((tx) => {
    for (const sql of drop) tx.exec(sql);
    for (const sql of create) tx.exec(sql);
    tx.exec({ sql: "INSERT INTO meta (key, value) VALUES ('schema', ?)", bind: [schemaVersion] });
  });
}
