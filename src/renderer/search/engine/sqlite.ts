/**
 * The one module that loads SQLite as WebAssembly (HOUSE_STYLE.md: one module owns each heavy
 * library; eslint.config.js lets only src/renderer/search/engine import it). Loaded once per
 * realm (a window, the engine's Worker, or Node in unit tests).
 */
import sqlite3InitModule, { type Database, type PreparedStatement, type Sqlite3Static } from '@sqlite.org/sqlite-wasm';

export type { Database, PreparedStatement, Sqlite3Static };

let loading: Promise<Sqlite3Static> | null = null;

export function loadSqlite(): Promise<Sqlite3Static> {
  loading ??= sqlite3InitModule().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
