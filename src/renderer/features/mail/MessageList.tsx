/**
 * The message list: a listbox virtualised with @tanstack/react-virtual over the source's
 * in-memory index (issue #11 §2). Only the visible rows plus overscan are rendered, and only
 * their window is read from the cache (in blocks of 50, so scrolling within one does not re-read). One tab stop; Up/Down/Home/End/PageUp/PageDown
 * move the active row (aria-activedescendant), Enter or Space opens it, Delete deletes (where the
 * folder's rights allow it). A list shows one folder or a unified view across mailboxes.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { sourceTag, useMessageCount, useMessageWindow, type MessageSource } from '../../db/queries/messages';
import type { MessageKey, MessageRow as Row } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { OutboxList } from '../outbox/OutboxList';
import { folderCapabilities } from './mailboxInfo';
import { MessageRow, rowDomId } from './MessageRow';
import { QuotaBanner } from './QuotaBanner';
import { SyncProgress } from './SyncProgress';
import { deleteAndSelectNext } from './useDeleteAction';
import { useMailboxLookup, type MailboxLookup } from './useMailboxLookup';
import { useRowWindow } from './useRowWindow';

const rowHeight = 76;
const pageSize = 50;

function useSource(): MessageSource | null {
  const accountId = useStore((state) => state.selectedAccountId);
  const folderPath = useStore((state) => state.selectedFolderPath);
  const unified = useStore((state) => state.selectedUnified);
  return useMemo(() => {
    if (unified) return { kind: 'unified', role: unified };
    return accountId && folderPath ? { kind: 'folder', accountId, folderPath } : null;
  }, [accountId, folderPath, unified]);
}

export function MessageList() {
  const { t } = useI18n();
  const source = useSource();
  const count = useMessageCount(source);
  const lookup = useMailboxLookup();
  const outbox = useStore((state) => state.selectedOutbox);
  if (outbox) return <OutboxList />;
  if (!source) return <p className="pane__note">{t('messages.noFolder')}</p>;
  return (
    <div className="message-list">
      <QuotaBanner source={source} lookup={lookup} />
      {source.kind === 'folder' && <SyncProgress accountId={source.accountId} folderPath={source.folderPath} />}
      {count === undefined ? (
        <p className="pane__note">{t('messages.loading')}</p>
      ) : (
        <VirtualList key={sourceTag(source)} source={source} count={count} lookup={lookup} />
      )}
    </div>
  );
}

const sameKey = (a: MessageKey | null, b: MessageKey) => a !== null && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

function VirtualList({ source, count, lookup }: { source: MessageSource; count: number; lookup: MailboxLookup | undefined }) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const selectedMessage = useStore((state) => state.selectedMessage);
  const selectMessage = useStore((state) => state.selectMessage);
  const rowWindow = useRowWindow(scrollRef, count, rowHeight, 10);
  const items = rowWindow.rows;
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const offset = Math.floor(first / pageSize) * pageSize;
  const limit = Math.max(pageSize, Math.ceil((last + 1) / pageSize) * pageSize - offset);
  const page = useMessageWindow(source, offset, limit);
  const rowAt = (index: number): Row | undefined =>
    page && index >= page.offset ? page.rows[index - page.offset] : undefined;

  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const activeRow = rowAt(activeIndex);

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    rowWindow.scrollToIndex(next, 'auto');
  }
  function open(index: number) {
    const row = rowAt(index);
    if (row) selectMessage([row.accountId, row.folderPath, row.uid]);
  }
  /** Delete (the key) acts on the open message, else the active row — where the rights allow. */
  function remove() {
    const row =
      (selectedMessage && page?.rows.find((candidate) => candidate && sameKey(selectedMessage, [candidate.accountId, candidate.folderPath, candidate.uid]))) ?? activeRow;
    if (!row) return;
    const folder = lookup?.folder(row.accountId, row.folderPath);
    if (!folder || !folderCapabilities(folder.rights).canDelete) return;
    void deleteAndSelectNext([row.accountId, row.folderPath, row.uid]);
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
      Delete: remove,
    };
    const handler = handlers[event.key];
    if (!handler || count === 0) return;
    event.preventDefault();
    handler();
  }

  if (count === 0) return <p className="pane__note">{t(source.kind === 'unified' ? 'messages.emptyUnified' : 'messages.empty')}</p>;
  return (
    <div
      id="message-list"
      ref={scrollRef}
      className="message-list__scroller"
      role="listbox"
      aria-label={t('messages.label')}
      aria-activedescendant={activeRow ? rowDomId(activeRow) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="message-list__canvas" role="presentation" style={{ height: rowWindow.canvasPx }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const mailbox = source.kind === 'unified' && row ? lookup?.mailboxOf(row.accountId, row.folderPath) : undefined;
          return (
          <MessageRow
            key={item.index}
            row={row}
            mailbox={mailbox ? { address: mailbox.address, color: lookup?.colour(mailbox.id) ?? '' } : undefined}
            index={item.index}
            count={count}
            top={item.top}
            height={rowHeight}
            active={item.index === activeIndex}
            selected={row !== undefined && sameKey(selectedMessage, [row.accountId, row.folderPath, row.uid])}
            onOpen={() => {
              setActive(item.index);
              open(item.index);
            }}
          />
          );
        })}
      </div>
    </div>
  );
}
