/**
 * Server refusals a task words itself (issue #12 §2, "Done means": a move refused because the
 * folder was deleted meanwhile rolls back and says why). Pure.
 */
import { AppError } from '../../../shared/errors';
import { ImapExtError } from '../imap/ext/imapValues';

/**
 * Whether the server said the folder does not exist: `[TRYCREATE]` on COPY/MOVE/APPEND into it
 * (RFC 9051 §7.1), `[NONEXISTENT]` (RFC 5530 §3) on MYRIGHTS or SELECT, or imapflow's own mark
 * when a SELECT found no such folder.
 */
export function isFolderGone(error: unknown): boolean {
  if (error instanceof ImapExtError) {
    const code = error.serverCode?.toUpperCase();
    return error.code === 'refused' && (code === 'TRYCREATE' || code === 'NONEXISTENT');
  }
  const e = error as { mailboxMissing?: unknown; serverResponseCode?: unknown } | null;
  return e?.mailboxMissing === true || e?.serverResponseCode === 'TRYCREATE' || e?.serverResponseCode === 'NONEXISTENT';
}

/** `folderGone` naming the folder, with the server's words as the detail. */
export function folderGone(folderPath: string, error: unknown): AppError {
  const words = error instanceof Error ? error.message : String(error);
  return new AppError('folderGone', `${folderPath} no longer exists; nothing was moved (${words})`, { folderPath });
}

/** Runs `fn`; a "no such folder" answer becomes `folderGone` for `folderPath`. */
export async function goneAs<T>(folderPath: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isFolderGone(error)) throw folderGone(folderPath, error);
    throw error;
  }
}

/** `[NOPERM]` (RFC 5530 §3): the ACL refused, whatever MYRIGHTS said before. */
export function isNoPerm(error: unknown): boolean {
  return error instanceof ImapExtError && error.code === 'refused' && error.serverCode?.toUpperCase() === 'NOPERM';
}

export function alreadyExists(error: unknown): boolean {
  return error instanceof ImapExtError && error.code === 'refused' && error.serverCode?.toUpperCase() === 'ALREADYEXISTS';
}
