/** Opens the first account's inbox when nothing is selected yet (first start, account removed). */
import { useEffect } from 'react';
import { useFolders } from '../../db/queries/folders';
import { useStore } from '../../store';
import { isInbox } from './folderNames';

export function useDefaultFolder(): void {
  const selectedFolderPath = useStore((state) => state.selectedFolderPath);
  const firstAccountId = useStore((state) => state.accounts?.[0]?.id ?? null);
  const folders = useFolders(selectedFolderPath === null ? firstAccountId : null);
  useEffect(() => {
    if (selectedFolderPath !== null || !firstAccountId || !folders) return;
    const inbox = folders.find(isInbox) ?? folders.find((folder) => folder.selectable);
    if (inbox) useStore.getState().selectFolder(firstAccountId, inbox.path);
  }, [selectedFolderPath, firstAccountId, folders]);
}
