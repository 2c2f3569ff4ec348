/** Opens the first account's inbox when nothing is selected yet (first start, account removed). */
import { useEffect } from 'react';
import { useFolders } from '../../db/queries/folders';
import { useStore } from '../../store';
import { isInbox } from './folderNames';
import { ownMailboxId } from '../../../shared/mailboxIds';

export function useDefaultFolder(): void {
  const nothingSelected = useStore((state) => state.selectedFolderPath === null && state.selectedUnified === null && !state.selectedOutbox);
  const firstAccountId = useStore((state) => state.accounts?.[0]?.id ?? null);
  const folders = useFolders(nothingSelected ? firstAccountId : null);
  useEffect(() => {
    if (!nothingSelected || !firstAccountId || !folders) return;
    const own = ownMailboxId(firstAccountId);
    const inbox =
      folders.find((folder) => folder.mailboxId === own && isInbox(folder)) ??
      folders.find((folder) => isInbox(folder)) ??
      folders.find((folder) => folder.selectable);
    if (inbox) useStore.getState().selectFolder(firstAccountId, inbox.path);
  }, [nothingSelected, firstAccountId, folders]);
}
