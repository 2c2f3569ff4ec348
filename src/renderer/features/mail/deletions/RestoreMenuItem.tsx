/**
 * Restore in the row menu (issue #12 §5, §7): on the row's Trash messages of the selection, offered
 * on the same terms as the reader's button (restoreOffer.ts).
 */
import * as ContextMenu from '@radix-ui/react-context-menu';
import type { MessageKey, MessageRow } from '../../../db/rows';
import { useI18n } from '../../../i18n/useI18n';
import { runAction } from '../../../tasks/mailActions';
import { useRestoreTarget } from './RestoreButton';

export function RestoreMenuItem({ row, keys }: { row: MessageRow; keys: readonly MessageKey[] }) {
  const { t } = useI18n();
  const target = useRestoreTarget(row);
  if (!target) return null;
  // A unified selection may mix folders: the row's folder is the Trash this menu is about.
  const inFolder = keys.filter(([accountId, folderPath]) => accountId === row.accountId && folderPath === row.folderPath);
  const chosen: MessageKey[] = inFolder.length > 0 ? [...inFolder] : [[row.accountId, row.folderPath, row.uid]];
  return (
    <ContextMenu.Item className="row-menu__item" onSelect={() => void runAction({ kind: 'restore', keys: chosen })}>
      {t('deletions.restore')}
    </ContextMenu.Item>
  );
}
