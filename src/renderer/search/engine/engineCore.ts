/**
 * The engine over one open SQLite database: the same code runs in the app's Worker (the file
 * in OPFS) and on the calling thread in memory (unit tests, the fallback). Synchronous: SQLite
 * as WebAssembly is; the Worker keeps it off the window's thread.
 */
import { applyOp } from './applyOps';
import { compileQuery } from './compileQuery';
import type { EngineQuery, FolderRef, FolderState, IndexOp, IndexStats, SearchRequest, SearchResult } from './engineTypes';
import { FolderCatalog } from './folderCatalog';
import { resetSchema, ensureSchema } from './schema';
import { msOfSeq } from './seq';
import type { Database } from './sqlite';
import { Statements } from './statements';
import { Vocabulary } from './vocabulary';
import { seenBit } from '../../db/pages/flagBits';

export type Storage = IndexStats['storage'];

export class EngineCore {
  private readonly sql: Statements;
  private readonly folders: FolderCatalog;
  private readonly vocabulary: Vocabulary;

  constructor(
    private readonly db: Database,
    readonly storage: Storage,
  ) {
    ensureSchema(db);
    this.sql = new Statements(db);
    this.folders = new FolderCatalog(this.sql);
    this.vocabulary = new Vocabulary(this.sql);
  }

  /** Applies the ops in one transaction; true when a row changed. On error nothing is kept. */
  apply(ops: readonly IndexOp[]): boolean {
    if (ops.length === 0) return false;
    const before = this.db.changes(true);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const op of ops) applyOp(this.sql, this.folders, this.vocabulary, op);
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollback();
      this.folders.reload();
      this.vocabulary.forget();
      throw error;
    }
    return this.db.changes(true) !== before;
  }

  private rollback(): void {
    try {
      this.db.exec('ROLLBACK');
    } catch {
      // SQLite may have rolled back on its own already (SQLITE_FULL, SQLITE_IOERR): nothing to undo.
    }
  }

  search(request: SearchRequest): SearchResult {
    const started = performance.now();
    const from = this.from(request, request.below);
    if (!from) return { hits: [], tookMs: performance.now() - started };
    const limit = Math.max(0, Math.floor(request.limit));
    const rows = this.sql.rows(`SELECT d.seq, d.folder, d.uid, d.bits ${from.sql} ORDER BY ${from.order} DESC LIMIT ?`, [...from.params, limit]);
    const hits = rows.map(([seq, folder, uid, bits]) => {
      const ref = this.folders.refOf(folder as number);
      return { accountId: ref.accountId, folderPath: ref.folderPath, uid: uid as number, date: msOfSeq(seq as number), bits: bits as number, seq: seq as number };
    });
    return { hits, tookMs: performance.now() - started };
  }

  count(query: EngineQuery): { total: number; unread: number } {
    const from = this.from(query, undefined);
    if (!from) return { total: 0, unread: 0 };
    const [row] = this.sql.rows(`SELECT count(*), total((d.bits & ${seenBit}) = 0) ${from.sql}`, from.params);
    return { total: Number(row?.[0] ?? 0), unread: Number(row?.[1] ?? 0) };
  }

  /**
   * FROM … WHERE … for a query. With words, FTS5 drives (read newest first by rowid = seq, the
   * docs row joined by its key: CROSS JOIN keeps that order); without, docs are read by seq.
   */
  private from(query: EngineQuery, below: number | undefined): { sql: string; params: (string | number)[]; order: string } | null {
    const compiled = compileQuery(
      query,
      (refs) => this.folders.idsOf(refs),
      (prefix) => this.vocabulary.forms(prefix),
    );
    if (compiled.empty) return null;
    const where = [...compiled.where];
    const params = [...compiled.params];
    if (compiled.match !== null) {
      where.unshift('fts MATCH ?');
      params.unshift(compiled.match);
    }
    const order = compiled.match !== null ? 'fts.rowid' : 'd.seq';
    if (below !== undefined) {
      where.push(`${order} < ?`);
      params.push(below);
    }
    const tables = compiled.match !== null ? 'FROM fts CROSS JOIN docs d ON d.seq = fts.rowid' : 'FROM docs d';
    return { sql: `${tables}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`, params, order };
  }

  states(): Map<string, FolderState> {
    return this.folders.states();
  }

  bodiesIndexed(folder: FolderRef, uids: readonly number[]): Set<number> {
    const id = this.folders.idOf(folder);
    const found = new Set<number>();
    if (id === undefined) return found;
    for (const uid of uids) {
      if (this.sql.value('SELECT 1 FROM docs WHERE folder = ? AND uid = ? AND hasBody = 1', [id, uid]) !== undefined) found.add(uid);
    }
    return found;
  }

  stats(): IndexStats {
    const [row] = this.sql.rows('SELECT count(*), total(hasBody) FROM docs', []);
    const pages = Number(this.sql.value('PRAGMA page_count', []) ?? 0);
    const pageSize = Number(this.sql.value('PRAGMA page_size', []) ?? 0);
    return { docs: Number(row?.[0] ?? 0), withBody: Number(row?.[1] ?? 0), bytes: pages * pageSize, storage: this.storage };
  }

  /** Empties the index; true when it held anything. */
  clear(): boolean {
    const held = Number(this.sql.value('SELECT count(*) FROM folders', []) ?? 0) > 0;
    this.sql.finalizeAll();
    resetSchema(this.db);
    this.folders.reload();
    this.vocabulary.forget();
    return held;
  }

  close(): void {
    this.sql.finalizeAll();
    this.db.close();
  }
}
