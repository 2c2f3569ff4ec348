/** Folder → its row and mailbox, for marking unified rows and deciding what a row may offer. */
import { useMemo } from 'react';
import { folderKeyOf, useMailboxesAndFolders } from '../../db/queries/mailboxes';
import type { FolderRow, MailboxRow } from '../../db/rows';
import { useStore } from '../../store';
import { colourOf, mailboxColours } from './mailboxInfo';
import { ownMailboxId } from '../../../shared/mailboxIds';

export interface MailboxLookup {
  folder(accountId: string, path: string): FolderRow | undefined;
  mailboxOf(accountId: string, path: string): MailboxRow | undefined;
  /** The mailbox's colour, distinct among the person's mailboxes (mailboxColours). */
  colour(mailboxId: string): string;
}

export function useMailboxLookup(): MailboxLookup | undefined {
  const accounts = useStore((state) => state.accounts);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const data = useMailboxesAndFolders(accountIds);
  return useMemo(() => {
    if (!data) return undefined;
    const folders = new Map(data.folders.map((folder) => [folderKeyOf(folder.accountId, folder.path), folder]));
    const mailboxes = new Map(data.mailboxes.map((mailbox) => [mailbox.id, mailbox]));
    const colours = mailboxColours(data.mailboxes);
    const folder = (accountId: string, path: string) => folders.get(folderKeyOf(accountId, path));
    return {
      folder,
      colour: (mailboxId) => colourOf(colours, mailboxId),
      mailboxOf: (accountId, path) => {
        const row = folder(accountId, path);
        return (row && mailboxes.get(row.mailboxId)) ?? mailboxes.get(ownMailboxId(accountId));
      },
    };
  }, [data]);
}
