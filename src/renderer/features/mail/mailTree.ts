/**
 * The whole tree as the person sees it: unified views on top, then each visible mailbox with
 * its folders (folderTree.ts), described in words (unread, read-only, storage used).
 */
import type { Account } from '../../../shared/model';
import type { MailData } from '../../db/queries/mailboxes';
import { folderKeyOf } from '../../db/queries/mailboxes';
import { unifiedRoles } from '../../db/rows';
import type { Translate } from '../../i18n/types';
import { buildFolderTree, groupByMailbox, type TreeNode } from './folderTree';
import { isInbox } from './folderNames';
import { colourOf, isReadOnly, mailboxColours, quotaUsage } from './mailboxInfo';

export function unifiedKey(role: string): string {
  return `unified\u0000${role}`;
}

export const outboxKey = 'outbox';

/** The Outbox (issue #4 §6), always there so people know where a message waits; `pending` is its count. */
export function outboxNode(pending: number, t: Translate): TreeNode {
  return { key: outboxKey, kind: 'outbox', accountId: '', path: null, label: t('outbox.title'), unread: pending, selectable: true, children: [] };
}

export function buildMailTree(
  accounts: readonly Account[],
  data: MailData,
  t: Translate,
  localeTag: string,
): TreeNode[] {
  const collator = new Intl.Collator(localeTag, { numeric: true, sensitivity: 'base' });
  const unreadOf = (folder: { accountId: string; path: string }) => data.unread[folderKeyOf(folder.accountId, folder.path)] ?? 0;
  const unified = unifiedRoles.map(
    (role): TreeNode => ({
      key: unifiedKey(role),
      kind: 'unified',
      accountId: '',
      path: null,
      label: t(`folders.unified.${role}`),
      unifiedRole: role,
      unread: role === 'inbox' ? data.unifiedUnread : 0,
      selectable: true,
      children: [],
    }),
  );
  // Calendar folders hold events, not mail: they live on the calendar screen (issue #5 §3).
  const mailFolders = data.folders.filter((folder) => folder.role !== 'calendar');
  const colours = mailboxColours(data.mailboxes);
  const emailOf = new Map(accounts.map((account) => [account.id, account.email]));
  const mailboxes = groupByMailbox(accounts, data.mailboxes, mailFolders, collator).map(({ mailbox, folders, routes }): TreeNode => {
    const inbox = folders.find((folder) => isInbox(folder, mailbox.prefix));
    const unread = inbox ? unreadOf(inbox) : 0;
    const displayName = mailbox.displayName.trim();
    const detail = displayName && displayName !== mailbox.address ? displayName : undefined;
    // Issue #10 §7: reached through several accounts, it is shown once — saying which one.
    const through = routes.length > 1 ? t('folders.usedThrough', { account: emailOf.get(mailbox.accountId) ?? '' }) : undefined;
    const description = [
      detail ?? null,
      through ?? null,
      unread > 0 ? t('folders.unreadCount', { count: unread }) : null,
      isReadOnly(mailbox.rights) ? t('folders.readOnly') : null,
      quotaUsage(mailbox.quota, t, localeTag),
    ].filter((part): part is string => part !== null);
    return {
      key: `mailbox\u0000${mailbox.id}`,
      kind: 'mailbox',
      accountId: mailbox.accountId,
      path: null,
      label: mailbox.address,
      detail,
      ...(through ? { through } : {}),
      description: description.join(', '),
      color: colourOf(colours, mailbox.id),
      mailboxId: mailbox.id,
      unread,
      selectable: false,
      children: buildFolderTree(folders, unreadOf, t, collator, mailbox.prefix),
    };
  });
  return [...unified, ...mailboxes];
}
