/** What a folder is called on screen: role folders get the localized name people know. */
import type { FolderRole } from '../../../shared/model';
import type { Translate } from '../../i18n/types';
import type { FolderRow } from '../../db/rows';

/** The order role folders are listed in, before all other folders. */
export const roleOrder: readonly FolderRole[] = ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash', 'all', 'flagged'];

/**
 * The account's own inbox (RFC 9051 §5.1: the name INBOX is case-insensitive). A shared
 * mailbox's INBOX (`shared/info@…/INBOX`) may carry the inbox role too, but is not this one.
 */
export function isInbox(folder: Pick<FolderRow, 'role' | 'path' | 'parentPath'>): boolean {
  return folder.path.toUpperCase() === 'INBOX' || (folder.role === 'inbox' && folder.parentPath === null);
}

/**
 * Role folders get the name people know in their language. Only the account's own INBOX is
 * "Inbox": a shared mailbox's INBOX keeps its server name, so there is one Inbox in the tree.
 */
export function folderDisplayName(folder: Pick<FolderRow, 'role' | 'path' | 'name' | 'parentPath'>, t: Translate): string {
  if (isInbox(folder)) return t('folders.role.inbox');
  return folder.role && folder.role !== 'inbox' ? t(`folders.role.${folder.role}`) : folder.name;
}
