/**
 * The write side of the index: one IndexOp at a time, inside the transaction `EngineCore.apply`
 * holds (issue #13 §3: kept current by the same batches that change the cache).
 */
import type { FolderRef, IndexDoc, IndexOp } from './engineTypes';
import type { FolderCatalog } from './folderCatalog';
import { clampMs, msOfSeq, tiebreaks } from './seq';
import type { Statements } from './statements';

const insertText = 'INSERT INTO fts (rowid, subject, "from", "to", cc, filenames, snippet, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const deleteText = 'DELETE FROM fts WHERE rowid = ?';
const seqOf = 'SELECT seq FROM docs WHERE folder = ? AND uid = ?';

export function applyOp(sql: Statements, folders: FolderCatalog, op: IndexOp): void {
  switch (op.op) {
    case 'upsert': {
      const folder = folders.ensure(op.folder);
      for (const doc of op.docs) upsert(sql, folder, doc);
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

function upsert(sql: Statements, folder: number, doc: IndexDoc): void {
  const ms = clampMs(doc.date);
  const existing = sql.value(seqOf, [folder, doc.uid]);
  let seq: number;
  if (typeof existing === 'number') {
    // FTS5 keeps no text to compare: the old row's tokens go, the new ones come.
    sql.run(deleteText, [existing]);
    if (msOfSeq(existing) === ms) seq = existing;
    else {
      sql.run('DELETE FROM docs WHERE seq = ?', [existing]);
      seq = freeSeq(sql, ms);
    }
  } else seq = freeSeq(sql, ms);
  sql.run('INSERT OR REPLACE INTO docs (seq, folder, uid, bits, size, attachment, hasBody) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    seq,
    folder,
    doc.uid,
    doc.bits,
    Math.max(0, Math.floor(doc.size) || 0),
    doc.attachment ? 1 : 0,
    doc.body === null ? 0 : 1,
  ]);
  sql.run(insertText, [seq, doc.subject, doc.from, doc.to, doc.cc, doc.filenames, doc.snippet, doc.body]);
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
