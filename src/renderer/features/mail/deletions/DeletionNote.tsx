/**
 * "Deleted by Alice de Vries · from Inbox · 10:02" on a message in a shared mailbox's Trash
 * (issue #12 §7). The name and the folder are other people's text: each is a bidi isolate
 * (issue #10 §3). The folder is named as the tree names it (folderNames.ts).
 */
import type { ReactNode } from 'react';
import { Isolated } from '../../../components/Isolated';
import { db } from '../../../db/db';
import { useFreshLiveQuery } from '../../../db/queries/useFreshLiveQuery';
import { useI18n } from '../../../i18n/useI18n';
import { folderDisplayName } from '../folderNames';
import { useDeletion } from './useDeletion';
import type { Deletion } from './deletionStore';

interface DeletionNoteProps {
  accountId: string;
  folderPath: string;
  uid: number;
  className?: string;
  /** Shown when there is no record (e.g. the row's snippet). */
  fallback?: ReactNode;
}

export function DeletionNote({ accountId, folderPath, uid, className, fallback = null }: DeletionNoteProps) {
  const deletion = useDeletion(accountId, folderPath, uid);
  if (!deletion) return <>{fallback}</>;
  return <DeletionLine accountId={accountId} deletion={deletion} className={className} />;
}

function DeletionLine({ accountId, deletion, className }: { accountId: string; deletion: Deletion; className?: string | undefined }) {
  const { t, fmt } = useI18n();
  const folderName = useFolderName(accountId, deletion.fromPath);
  const who = deletion.by.name || deletion.by.address;
  const shown = folderName ?? deletion.fromPath.split('/').pop() ?? deletion.fromPath;
  return (
    <span className={['deletion-note', className].filter(Boolean).join(' ')} data-testid="deletion-note">
      {t('deletions.deletedBy')} <Isolated text={who} /> · {t('deletions.from')} <Isolated text={shown} /> ·{' '}
      <time dateTime={new Date(deletion.at).toISOString()} title={fmt.fullDate(deletion.at)}>
        {fmt.listDate(deletion.at)}
      </time>
    </span>
  );
}

/** A folder's name as the tree shows it ("Inbox" / "Postvak IN" for a mailbox's INBOX). */
export function useFolderName(accountId: string, path: string): string | null | undefined {
  const { t } = useI18n();
  const found = useFreshLiveQuery(async () => {
    const folder = await db.folders.get([accountId, path]);
    const mailbox = folder ? await db.mailboxes.get(folder.mailboxId) : undefined;
    return folder ? { folder, prefix: mailbox?.prefix ?? '' } : null;
  }, [accountId, path]);
  if (found === undefined) return undefined;
  return found ? folderDisplayName(found.folder, t, found.prefix) : null;
}
