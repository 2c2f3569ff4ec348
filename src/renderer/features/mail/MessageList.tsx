/**
 * The message list: a listbox virtualised with @tanstack/react-virtual. Only the visible rows
 * plus overscan are rendered, and only their window is read from the cache (in pages, so
 * scrolling within a page does not re-query). One tab stop; Up/Down/Home/End/PageUp/PageDown
 * move the active row (aria-activedescendant), Enter or Space opens it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useMessageCount, useMessageWindow } from '../../db/queries/messages';
import type { MessageRow as Row } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { MessageRow } from './MessageRow';
import { SyncProgress } from './SyncProgress';

const rowHeight = 76;
const pageSize = 50;

export function MessageList() {
  const { t } = useI18n();
  const accountId = useStore((state) => state.selectedAccountId);
  const folderPath = useStore((state) => state.selectedFolderPath);
  const count = useMessageCount(accountId, folderPath);
  if (!accountId || !folderPath) return <p className="pane__note">{t('messages.noFolder')}</p>;
  return (
    <div className="message-list">
      <SyncProgress accountId={accountId} folderPath={folderPath} />
      {count === undefined ? (
        <p className="pane__note">{t('messages.loading')}</p>
      ) : (
        <VirtualList key={`${accountId}\u0000${folderPath}`} accountId={accountId} folderPath={folderPath} count={count} />
      )}
    </div>
  );
}

function VirtualList({ accountId, folderPath, count }: { accountId: string; folderPath: string; count: number }) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const selectedUid = useStore((state) => state.selectedUid);
  const selectMessage = useStore((state) => state.selectMessage);
  // The React Compiler cannot memoise around TanStack Virtual's mutable instance; this
  // component does not rely on memoisation, so the compiler skipping it is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const offset = Math.floor(first / pageSize) * pageSize;
  const limit = Math.max(pageSize, Math.ceil((last + 1) / pageSize) * pageSize - offset);
  const page = useMessageWindow(accountId, folderPath, offset, limit);
  const rowAt = (index: number): Row | undefined =>
    page && index >= page.offset ? page.rows[index - page.offset] : undefined;

  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const activeRow = rowAt(activeIndex);

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }
  function open(index: number) {
    const row = rowAt(index);
    if (row) selectMessage(row.uid);
  }
  function onKeyDown(event: KeyboardEvent) {
    const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const handlers: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + perPage),
      PageUp: () => moveTo(activeIndex - perPage),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => open(activeIndex),
      ' ': () => open(activeIndex),
    };
    const handler = handlers[event.key];
    if (!handler || count === 0) return;
    event.preventDefault();
    handler();
  }

  if (count === 0) return <p className="pane__note">{t('messages.empty')}</p>;
  return (
    <div
      id="message-list"
      ref={scrollRef}
      className="message-list__scroller"
      role="listbox"
      aria-label={t('messages.label')}
      aria-activedescendant={activeRow ? `message-${activeRow.uid}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="message-list__canvas" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <MessageRow
            key={item.key}
            row={rowAt(item.index)}
            index={item.index}
            count={count}
            top={item.start}
            height={item.size}
            active={item.index === activeIndex}
            selected={rowAt(item.index)?.uid === selectedUid}
            onOpen={() => {
              setActive(item.index);
              open(item.index);
            }}
          />
        ))}
      </div>
    </div>
  );
}
