/**
 * Archive and Junk without their folder (issue #12 §2: "Archive goes to the mailbox's own
 * `\Archive` folder (RFC 6154), created on first use when the person may (it says where and why
 * not otherwise)"). Main answers `archiveUnavailable` / `junkUnavailable` with details
 * `{ mailbox, reason }` — `noRight` when no CREATE was allowed (RFC 4314 `k`), else the server's
 * words for the refused CREATE (src/main/services/tasks/roleFolders.ts). Those become a sentence
 * naming the mailbox; null for every other error.
 */
import type { ApiError } from '../../../../shared/api';
import type { Translate } from '../../../i18n/types';

function detailsOf(error: Pick<ApiError, 'details'>): { mailbox: string; reason: string } | null {
  const details = error.details as { mailbox?: unknown; reason?: unknown } | null | undefined;
  if (!details || typeof details.mailbox !== 'string' || details.mailbox === '') return null;
  return { mailbox: details.mailbox, reason: typeof details.reason === 'string' ? details.reason : 'noRight' };
}

export function roleFolderWords(t: Translate, error: Pick<ApiError, 'code' | 'details'>): string | null {
  if (error.code !== 'archiveUnavailable' && error.code !== 'junkUnavailable') return null;
  const found = detailsOf(error);
  if (!found) return null;
  const archive = error.code === 'archiveUnavailable';
  const { mailbox, reason } = found;
  if (reason === 'noRight') return t(archive ? 'roleFolder.archiveNoRight' : 'roleFolder.junkNoRight', { mailbox });
  return t(archive ? 'roleFolder.archiveRefused' : 'roleFolder.junkRefused', { mailbox, words: reason });
}
