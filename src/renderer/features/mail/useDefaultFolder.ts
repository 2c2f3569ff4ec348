/** Opens the first account's inbox when nothing is selected yet (first start, account removed). */
import { useEffect } from 'react';
import { useFolders } from '../../db/queries/folders';
import { useStore } from '../../store';
import { pickDefaultFolder, remember } from './openDefaultFolder';

export function useDefaultFolder(): void {
  const nothingSelected = useStore((state) => state.selectedFolderPath === null && state.selectedUnified === null && !state.selectedOutbox);
  const firstAccountId = useStore((state) => state.accounts?.[0]?.id ?? null);
  const folders = useFolders(nothingSelected ? firstAccountId : null);
  useEffect(() => {
    if (!nothingSelected || !firstAccountId || !folders) return;
    const inbox = pickDefaultFolder(folders, firstAccountId);
    if (!inbox) return;
    remember(firstAccountId, inbox.path);
    useStore.getState().selectFolder(firstAccountId, inbox.path);
  }, [nothingSelected, firstAccountId, folders]);
}
