/**
 * Tells main which folder is on screen (sync.focus): while an account's first sync is still
 * working through its folders, the one the person opened goes next instead of waiting its turn.
 */
import { useEffect } from 'react';
import { api } from '../../api';
import { useStore } from '../../store';

export function useSyncFocus(): void {
  const accountId = useStore((state) => state.selectedAccountId);
  const folderPath = useStore((state) => state.selectedFolderPath);
  useEffect(() => {
    if (accountId === null || folderPath === null) return;
    // A nicety: if main cannot take it (offline, account gone), the folder comes in its turn.
    void api.call('sync.focus', { accountId, folderPath });
  }, [accountId, folderPath]);
}
