/**
 * The message list: a multi-select listbox virtualised over the source's in-memory index
 * (issue #11 §2). Only the visible rows plus overscan are rendered, and only their window is read
 * from the cache (in blocks of 50, so scrolling within one does not re-read). One tab stop;
 * the keys and clicks are in VirtualList.tsx, the commands (Delete, Ctrl+R …) in features/commands.
 * A list shows one folder, a unified view across mailboxes, or a search's results (issue #13:
 * while `store.search` is set; the folder stays selected underneath).
 */
import { useMemo } from 'react';
import { sourceTag, useMessageCount, type MessageSource } from '../../db/queries/messages';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { OutboxList } from '../outbox/OutboxList';
import { SearchBox } from '../search/SearchBox';
import { QuotaBanner } from './QuotaBanner';
import { SyncProgress } from './SyncProgress';
import { useMailboxLookup } from './useMailboxLookup';
import { VirtualList } from './VirtualList';
import { listSourceOf } from '../../search/results/listSource';
import { setupSearchResults } from '../../search/results/setupSearchResults';
import { FilteredEmpty, isFiltered } from './listControls/FilteredEmpty';
import { ListToolbar } from './listControls/ListToolbar';
import { useViewedSource } from './listControls/listViewStore';

setupSearchResults();

function useSource(): MessageSource | null {
  const selectedAccountId = useStore((state) => state.selectedAccountId);
  const selectedFolderPath = useStore((state) => state.selectedFolderPath);
  const selectedUnified = useStore((state) => state.selectedUnified);
  const search = useStore((state) => state.search);
  return useMemo(
    () => listSourceOf({ search, selectedAccountId, selectedFolderPath, selectedUnified }),
    [search, selectedAccountId, selectedFolderPath, selectedUnified],
  );
}

export function MessageList() {
  const { t } = useI18n();
  const source = useViewedSource(useSource());
  const count = useMessageCount(source);
  const lookup = useMailboxLookup();
  const outbox = useStore((state) => state.selectedOutbox);
  if (outbox) return <OutboxList />;
  if (!source) return <p className="pane__note">{t('messages.noFolder')}</p>;
  return (
    <div className="message-list">
      <SearchBox />
      <QuotaBanner source={source} lookup={lookup} />
      {source.kind === 'folder' && <SyncProgress accountId={source.accountId} folderPath={source.folderPath} />}
      {/* A search's results are newest first, filtered by the query itself. */}
      {source.kind !== 'search' && <ListToolbar source={source} count={count} />}
      {count === undefined ? (
        <p className="pane__note">{t('messages.loading')}</p>
      ) : count === 0 && isFiltered(source) ? (
        <FilteredEmpty source={source} />
      ) : (
        <VirtualList key={sourceTag(source)} source={source} count={count} lookup={lookup} />
      )}
    </div>
  );
}

