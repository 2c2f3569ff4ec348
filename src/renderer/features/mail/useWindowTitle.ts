/**
 * "Postvak — Inbox (3)": the open folder (or unified view) and its unread count in the window
 * title; and the unified unread count on the dock/taskbar badge (issue #3). A folder's name is
 * the server's text: it goes in as a bidi isolate (issue #10 §3).
 */
import { useEffect } from 'react';
import { isolate } from '../../../shared/text/bidi';
import { api } from '../../api';
import { useFolderUnread, useFolders } from '../../db/queries/folders';
import { useUnifiedUnread } from '../../db/queries/counts';
import type { Translate } from '../../i18n/types';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { folderDisplayName } from './folderNames';
import { useMailboxLookup } from './useMailboxLookup';

/** The title for a folder (or unified view) name; a folder's name is the server's text, isolated. */
export function windowTitle(t: Translate, name: { text: string; ours: boolean } | null, unread: number): string {
  if (!name) return t('app.name');
  const folder = name.ours ? name.text : isolate(name.text);
  return unread > 0 ? t('app.windowTitleUnread', { folder, unread }) : t('app.windowTitle', { folder });
}

export function useWindowTitle(): void {
  const { t } = useI18n();
  const accountId = useStore((state) => state.selectedAccountId);
  const folderPath = useStore((state) => state.selectedFolderPath);
  const unified = useStore((state) => state.selectedUnified);
  const folders = useFolders(accountId);
  const folderUnread = useFolderUnread(accountId, folderPath) ?? 0;
  const unifiedUnread = useUnifiedUnread(unified ?? 'inbox') ?? 0;
  const lookup = useMailboxLookup();
  const folder = folders?.find((candidate) => candidate.path === folderPath);
  const prefix = folder && accountId ? (lookup?.mailboxOf(accountId, folder.path)?.prefix ?? '') : '';
  const name = unified ? { text: t(`folders.unified.${unified}`), ours: true } : folder ? { text: folderDisplayName(folder, t, prefix), ours: false } : null;
  const title = windowTitle(t, name, unified ? unifiedUnread : folderUnread);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** How long the badge waits for the count to settle (a sync batch changes it many times). */
export const badgeDelayMs = 400;

/** Keeps the dock/taskbar badge at the unread count of All inboxes. */
export function useUnreadBadge(): void {
  const count = useUnifiedUnread('inbox');
  useEffect(() => {
    if (count === undefined) return;
    const timer = setTimeout(() => {
      // The browser host has no badge; a refusal there is expected and not worth a notice.
      void api.call('app.setBadge', { count }).catch(() => undefined);
    }, badgeDelayMs);
    return () => clearTimeout(timer);
  }, [count]);
}
