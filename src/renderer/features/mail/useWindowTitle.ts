/** "Postvak — Inbox (3)": the open folder and its unread count in the window title. */
import { useEffect } from 'react';
import { useFolders, useUnreadCounts } from '../../db/queries/folders';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { folderDisplayName } from './folderNames';

export function useWindowTitle(): void {
  const { t } = useI18n();
  const accountId = useStore((state) => state.selectedAccountId);
  const folderPath = useStore((state) => state.selectedFolderPath);
  const folders = useFolders(accountId);
  const unreadCounts = useUnreadCounts(accountId);
  const folder = folders?.find((candidate) => candidate.path === folderPath);
  const unread = folderPath ? (unreadCounts?.[folderPath] ?? 0) : 0;
  const title = !folder
    ? t('app.name')
    : unread > 0
      ? t('app.windowTitleUnread', { folder: folderDisplayName(folder, t), unread })
      : t('app.windowTitle', { folder: folderDisplayName(folder, t) });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
