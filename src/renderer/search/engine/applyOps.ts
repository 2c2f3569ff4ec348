/**
 * The write side of the index: one IndexOp at a time, inside the transaction `EngineCore.apply`
 * holds (issue #13 §3: kept current by the same batches that change the cache).
 */
import type { FolderRef, IndexDoc, IndexOp } from './engineTypes';
import type { FolderCatalog } from './folderCatalog';
import { clampMs, msOfSeq, tiebreaks } from './seq';
import type { Statements } from './statements';
import type { Vocabulary } from './vocabulary';

const insertText = 'INSERT INTO fts (rowid, subject, "from", "to", cc, filenames, snippet, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const deleteText = 'DELETE FROM fts WHERE rowid = ?';
const seqOf = 'SELECT seq FROM docs WHERE folder = ? AND uid = ?';

export function applyOp(sql: Statements, folders: FolderCatalog, vocabulary: Vocabulary, op: IndexOp): void {
  switch (op.op) {
    case 'upsert': {
      upsertAll(sql, folders.ensure(op.folder), op.docs);
      for (const doc of op.docs) vocabulary.add(doc);
      return;
    }
    case 'flags': {
      const folder = folders.idOf(op.folder);
      if (folder === undefined) return;
      for (const { uid, bits } of op.changes) sql.run('UPDATE docs SET bits = ? WHERE folder = ? AND uid = ?', [bits, folder, uid]);
      return;
    }
    case 'remove': {
      const folder = folders.idOf(op.folder);
      if (folder === undefined) return;
      for (const uid of op.uids) {
        const seq = sql.value(seqOf, [folder, uid]);
        if (typeof seq !== 'number') continue;
        sql.run(deleteText, [seq]);
        sql.run('DELETE FROM docs WHERE seq = ?', [seq]);
      }
      return;
    }
    case 'dropFolder':
      dropFolder(sql, folders, op.folder);
      return;
    case 'dropAccount':
      for (const id of folders.idsOfAccount(op.accountId)) dropFolderId(sql, folders, id);
      return;
    case 'state': {
      const folder = folders.ensure(op.folder);
      sql.run('UPDATE folders SET epoch = ?, rev = ? WHERE id = ?', [op.state.epoch, op.state.rev, folder]);
      return;
    }
  }
}

/**
 * Upserts a batch of one folder. What the folder already holds of the batch is read in one
 * range query; a new document first tries the first seq of its ms (almost always free), so a
 * new message costs two statements: its docs row and its text.
 */
function upsertAll(sql: Statements, folder: number, docs: readonly IndexDoc[]): void {
  const existing = existingSeqs(sql, folder, docs);
  for (const doc of docs) {
    const ms = clampMs(doc.date);
    const old = existing.get(doc.uid);
    const row = [folder, doc.uid, doc.bits, Math.max(0, Math.floor(doc.size) || 0), doc.attachment ? 1 : 0, doc.body === null ? 0 : 1];
    let seq: number;
    if (old !== undefined) {
      // FTS5 keeps no text to compare: the old row's tokens go, the new ones come.
      sql.run(deleteText, [old]);
      if (msOfSeq(old) === ms) seq = old;
      else {
        sql.run('DELETE FROM docs WHERE seq = ?', [old]);
        seq = freeSeq(sql, ms);
      }
      sql.run(replaceDoc, [seq, ...row]);
    } else {
      seq = ms * tiebreaks;
      sql.run(insertDocIfFree, [seq, ...row]);
      if (sql.changes() === 0) {
        seq = freeSeq(sql, ms);
        sql.run(replaceDoc, [seq, ...row]);
      }
    }
    existing.set(doc.uid, seq);
    sql.run(insertText, [seq, doc.subject, doc.from, doc.to, doc.cc, doc.filenames, doc.snippet, doc.body]);
  }
}

const replaceDoc = 'INSERT OR REPLACE INTO docs (seq, folder, uid, bits, size, attachment, hasBody) VALUES (?, ?, ?, ?, ?, ?, ?)';
/** Ignored only when the seq is taken: the (folder, uid) is known to be new (existingSeqs). */
const insertDocIfFree = 'INSERT INTO docs (seq, folder, uid, bits, size, attachment, hasBody) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING';

/** The seqs the folder holds for the batch's UIDs (one range read; a batch is mostly consecutive UIDs). */
function existingSeqs(sql: Statements, folder: number, docs: readonly IndexDoc[]): Map<number, number> {
  const found = new Map<number, number>();
  if (docs.length === 0) return found;
  let low = Infinity;
  let high = -Infinity;
  for (const doc of docs) {
    low = Math.min(low, doc.uid);
    high = Math.max(high, doc.uid);
  }
  if (!Number.isFinite(low) || !Number.isFinite(high) || high - low > docs.length * 64) {
    // Scattered UIDs: one look-up each instead of reading a wide range.
    for (const doc of docs) {
      const seq = sql.value(seqOf, [folder, doc.uid]);
      if (typeof seq === 'number') found.set(doc.uid, seq);
    }
    return found;
  }
  for (const [uid, seq] of sql.rows('SELECT uid, seq FROM docs WHERE folder = ? AND uid BETWEEN ? AND ?', [folder, low, high])) {
    found.set(uid as number, seq as number);
  }
  return found;
}

/**
 * A seq not in use: the next tiebreak after the highest of this ms, else the first gap, else
 * the ms before (1,024 messages of one millisecond: an import with a fixed date).
 */
function freeSeq(sql: Statements, ms: number): number {
  for (let m = ms; m >= 0; m--) {
    const first = m * tiebreaks;
    const last = first + tiebreaks - 1;
    const highest = sql.value('SELECT max(seq) FROM docs WHERE seq BETWEEN ? AND ?', [first, last]);
    if (typeof highest !== 'number') return first;
    if (highest < last) return highest + 1;
    if (sql.value('SELECT 1 FROM docs WHERE seq = ?', [first]) === undefined) return first;
    const gap = sql.value(
      'SELECT a.seq + 1 FROM docs a WHERE a.seq BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM docs b WHERE b.seq = a.seq + 1) ORDER BY a.seq LIMIT 1',
      [first, last - 1],
    );
    if (typeof gap === 'number') return gap;
  }
  throw new Error('search index: no free place for a message dated before 1970');
}

function dropFolder(sql: Statements, folders: FolderCatalog, ref: FolderRef): void {
  const id = folders.idOf(ref);
  if (id !== undefined) dropFolderId(sql, folders, id);
}

function dropFolderId(sql: Statements, folders: FolderCatalog, id: number): void {
  for (const [seq] of sql.rows('SELECT seq FROM docs WHERE folder = ?', [id])) sql.run(deleteText, [seq as number]);
  sql.run('DELETE FROM docs WHERE folder = ?', [id]);
  sql.run('DELETE FROM folders WHERE id = ?', [id]);
  folders.forget(id);
}
