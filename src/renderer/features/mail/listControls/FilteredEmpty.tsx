/** What a filtered list says when nothing matches (issue #12 §6): "No unread messages in Inbox." */
import { hasView, type MessageSource } from '../../../db/index/sourceIndex';
import { useI18n } from '../../../i18n/useI18n';
import { folderDisplayName } from '../folderNames';
import { useMailboxLookup } from '../useMailboxLookup';

export const isFiltered = (source: MessageSource): boolean => hasView(source) && source.view.filters.length > 0;

export function FilteredEmpty({ source }: { source: MessageSource }) {
  const { t } = useI18n();
  const lookup = useMailboxLookup();
  const filters = source.view?.filters ?? [];
  let folder: string = t(source.kind === 'unified' ? `folders.unified.${source.role}` : 'messages.label');
  if (source.kind === 'folder') {
    const row = lookup?.folder(source.accountId, source.folderPath);
    if (row) folder = folderDisplayName(row, t, lookup?.mailboxOf(source.accountId, source.folderPath)?.prefix ?? '');
  }
  const only = filters.length === 1 ? filters[0] : undefined;
  return <p className="pane__note">{t(only ? `listControls.empty.${only}` : 'listControls.empty.several', { folder })}</p>;
}
