/** Folder → its row and mailbox, for marking unified rows and deciding what a row may offer. */
import { useMemo } from 'react';
import { folderKeyOf, useMailboxesAndFolders } from '../../db/queries/mailboxes';
import type { FolderRow, MailboxRow } from '../../db/rows';
import { useStore } from '../../store';

export interface MailboxLookup {
  folder(accountId: string, path: string): FolderRow | undefined;
  mailboxOf(accountId: string, path: string): MailboxRow | undefined;
}

export function useMailboxLookup(): MailboxLookup | undefined {
  const accounts = useStore((state) => state.accounts);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const data = useMailboxesAndFolders(accountIds);
  return useMemo(() => {
    if (!data) return undefined;
    const folders = new Map(data.folders.map((folder) => [folderKeyOf(folder.accountId, folder.path), folder]));
    const mailboxes = new Map(data.mailboxes.map((mailbox) => [mailbox.id, mailbox]));
    const folder = (accountId: string, path: string) => folders.get(folderKeyOf(accountId, path));
    return {
      folder,
      mailboxOf: (accountId, path) => {
        const row = folder(accountId, path);
        return (row && mailboxes.get(row.mailboxId)) ?? mailboxes.get(`${accountId}:own`);
      },
    };
  }, [data]);
}
