/**
 * Which folders a STATUS poll says have changed since the cursor the client acknowledged. Pure.
 */
import type { FolderCursor } from '../../../shared/model';
import type { FolderStatus } from '../imap/types';

export function foldersToPass(
  folders: readonly { path: string; selectable: boolean }[],
  status: ReadonlyMap<string, FolderStatus>,
  cursors: ReadonlyMap<string, FolderCursor>,
  /** Folders whose changes arrive by IDLE right now (RFC 2177): no need to poll them. */
  watched: ReadonlySet<string>,
  condstore: boolean,
): string[] {
  const out: string[] = [];
  for (const folder of folders) {
    if (!folder.selectable || watched.has(folder.path)) continue;
    const cursor = cursors.get(folder.path);
    if (!cursor) {
      out.push(folder.path); // never completed a pass (new folder, or an earlier pass failed)
      continue;
    }
    const s = status.get(folder.path);
    if (!s) continue;
    const changed =
      s.uidValidity !== cursor.uidValidity ||
      s.uidNext !== cursor.uidNext ||
      s.messages !== cursor.count ||
      // STATUS HIGHESTMODSEQ (RFC 7162 §3.1.3) catches flag changes too.
      (condstore && s.highestModseq !== '0' && s.highestModseq !== cursor.highestModseq);
    if (changed) out.push(folder.path);
  }
  return out;
}
