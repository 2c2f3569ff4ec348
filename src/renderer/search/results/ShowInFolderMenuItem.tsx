/** "Show in folder" in the row menu of a search's results (issue #13 §1): the hit's folder selected, the search closed, the message open. */
import * as ContextMenu from '@radix-ui/react-context-menu';
import type { MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { openInFolder, searchSourceOf } from './listSource';

export function ShowInFolderMenuItem({ row }: { row: MessageRow }) {
  const { t } = useI18n();
  const searching = useStore((state) => searchSourceOf(state.search) !== null);
  if (!searching) return null;
  return (
    <ContextMenu.Item className="row-menu__item" onSelect={() => openInFolder(useStore.getState(), [row.accountId, row.folderPath, row.uid])}>
      {t('searchResults.showInFolder')}
    </ContextMenu.Item>
  );
}
