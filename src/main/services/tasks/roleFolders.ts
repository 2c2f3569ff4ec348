/**
 * A mailbox's Archive or Junk folder for a task (issue #12 §2): the one it has (RFC 6154
 * special-use, or the usual name, sync/folderRoles.ts), else one made on first use — at the top
 * of the mailbox or under its Inbox, wherever the person has the `k` right (RFC 4314 §4 CREATE)
 * — else `archiveUnavailable` / `junkUnavailable`, saying which mailbox and why.
 */
import { AppError } from '../../../shared/errors';
import { parseRights } from '../../../shared/rights';
import type { ImapSession } from '../imap/types';
import { alreadyExists, isFolderGone, isNoPerm } from './taskErrors';
import type { TaskMailbox } from './taskMailbox';
import { roleFolderCandidates } from './taskPlans';

const roles = {
  archive: { name: 'Archive', specialUse: '\\Archive', code: 'archiveUnavailable' },
  junk: { name: 'Junk', specialUse: '\\Junk', code: 'junkUnavailable' },
} as const;

export async function ensureRoleFolder(session: ImapSession, tm: TaskMailbox, role: 'archive' | 'junk'): Promise<{ path: string; created: boolean }> {
  const existing = tm.roleFolder(role);
  if (existing) return { path: existing.path, created: false };
  const { name, specialUse, code } = roles[role];
  const address = tm.mailbox.address;
  const delimiter = tm.folders.find((f) => f.delimiter)?.delimiter ?? '/';
  const own = tm.mailbox.source === 'account';
  const candidates = roleFolderCandidates(tm.mailbox.prefix, delimiter, tm.roleFolder('inbox')?.path ?? null, name);
  /** The server's words when a CREATE failed for another reason than rights. */
  let refusal: string | null = null;
  for (const candidate of candidates) {
    // The owner may create at the top of their own tree; elsewhere MYRIGHTS on the parent says.
    // A parent that is no folder (the top of another person's mailbox) cannot be asked: CREATE answers.
    if (!own && candidate.parent !== null) {
      const rights = await session.myRights(candidate.parent).catch((error: unknown) => (isFolderGone(error) ? undefined : Promise.reject(error)));
      if (rights !== undefined && rights !== null && !parseRights(rights).createMailbox) continue;
    }
    try {
      await session.createFolder(candidate.path, specialUse);
      return { path: candidate.path, created: true };
    } catch (error) {
      // Made meanwhile by another member (RFC 5530 ALREADYEXISTS): that one is the folder.
      if (alreadyExists(error)) return { path: candidate.path, created: true };
      if (isNoPerm(error)) continue;
      refusal = error instanceof Error ? error.message : String(error);
      break;
    }
  }
  const label = role === 'archive' ? 'Archive' : 'Junk';
  const message = refusal === null ? `${address} has no ${label} folder and you may not create one` : `${address} has no ${label} folder and creating one failed: ${refusal}`;
  throw new AppError(code, message, { mailbox: address, reason: refusal ?? 'noRight' });
}
