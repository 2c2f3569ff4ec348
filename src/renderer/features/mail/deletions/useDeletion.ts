/** The deletion record of one Trash message (deletionStore.ts), asked for when first shown. */
import { useEffect, useSyncExternalStore } from 'react';
import { deletionOf, snapshotVersion, subscribe, want, type Deletion } from './deletionStore';

export function useDeletion(accountId: string, folderPath: string, uid: number): Deletion | null {
  useSyncExternalStore(subscribe, snapshotVersion);
  useEffect(() => want(accountId, folderPath, uid), [accountId, folderPath, uid]);
  return deletionOf(accountId, folderPath, uid);
}
