/** What a folder is called on screen: role folders get the localized name people know. */
import type { FolderRole } from '../../../shared/model';
import type { Translate } from '../../i18n/types';
import type { FolderRow } from '../../db/rows';

/** The order role folders are listed in, before all other folders. */
export const roleOrder: readonly FolderRole[] = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash', 'all', 'flagged'];

/** The path of the container a mailbox's folders live in: `shared/info@example.test` for `shared/info@example.test/`. */
export function mailboxRoot(prefix: string, delimiter = '/'): string {
  return prefix.endsWith(delimiter) ? prefix.slice(0, -delimiter.length) : prefix;
}

/**
 * A mailbox's inbox: `<prefix>INBOX` (RFC 9051 §5.1: the name INBOX is case-insensitive), or a
 * folder with the inbox role at the top of the mailbox, or — on Cyrus (issue #10 §8) — the
 * mailbox's own top folder with that role (`user.info`, `Other Users/info`). `prefix` is '' for
 * the person's own.
 */
export function isInbox(folder: Pick<FolderRow, 'role' | 'path' | 'parentPath' | 'delimiter'>, prefix = ''): boolean {
  if (folder.path.toUpperCase() === `${prefix}INBOX`.toUpperCase()) return true;
  if (folder.role !== 'inbox') return false;
  const root = mailboxRoot(prefix, folder.delimiter);
  return (folder.parentPath ?? '') === root || (prefix !== '' && folder.path === root);
}

/**
 * Role folders get the name people know in their language. Each mailbox has one "Inbox": its
 * own INBOX, shown under the mailbox's node so the tree stays unambiguous (issue #3).
 */
export function folderDisplayName(
  folder: Pick<FolderRow, 'role' | 'path' | 'name' | 'parentPath' | 'delimiter'>,
  t: Translate,
  prefix = '',
): string {
  if (isInbox(folder, prefix)) return t('folders.role.inbox');
  return folder.role && folder.role !== 'inbox' ? t(`folders.role.${folder.role}`) : folder.name;
}
