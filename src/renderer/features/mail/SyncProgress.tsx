/** "Syncing Inbox… 1,200 of 20,000" with a progress bar, while the open folder syncs. */
import { useFolders } from '../../db/queries/folders';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { folderDisplayName } from './folderNames';

export function SyncProgress({ accountId, folderPath }: { accountId: string; folderPath: string }) {
  const { t } = useI18n();
  const status = useStore((state) => state.syncStatus[accountId]);
  const batchProgress = useStore((state) => state.folderProgress[accountId]);
  const folder = useFolders(accountId)?.find((candidate) => candidate.path === folderPath);
  const fromStatus =
    status?.state === 'syncing' && status.folderPath === folderPath && status.total
      ? { done: status.done ?? 0, total: status.total }
      : null;
  const fromBatches = batchProgress?.folderPath === folderPath && batchProgress.total > 0 ? batchProgress : null;
  const progress = fromStatus ?? fromBatches;
  const syncingHere = status?.state === 'syncing' && status.folderPath === folderPath;
  if (!progress && !syncingHere) return null;
  const name = folder ? folderDisplayName(folder, t) : folderPath;
  const label = progress
    ? t('sync.progress', { folder: name, done: progress.done, total: progress.total })
    : t('sync.progressStarting', { folder: name });
  return (
    <div className="sync-progress">
      <span className="sync-progress__label">{label}</span>
      <progress
        className="sync-progress__bar"
        aria-label={label}
        max={progress?.total}
        value={progress ? Math.min(progress.done, progress.total) : undefined}
      />
    </div>
  );
}
