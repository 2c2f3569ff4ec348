/**
 * The rows of the message list and what a person does to them (issue #11 §2, issue #12 §3):
 * click opens one; Shift+click chooses the range from the anchor, Ctrl/Cmd+click flips one.
 * Keys: Up/Down/Home/End/PageUp/PageDown move the active row (aria-activedescendant) and the
 * anchor; with Shift they extend the range, with Ctrl they move without changing the choice;
 * Enter or Space opens. Every other key (Delete, Ctrl+A, Escape, Ctrl+R …) is a command of the
 * registry (features/commands), which reaches this list through its controller.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useMessageWindow, type MessageSource } from '../../db/queries/messages';
import type { MessageKey, MessageRow as Row } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { followRemoval } from '../commands/followRemoval';
import { RowContextMenu, openMenuOn } from '../commands/RowContextMenu';
import { folderDisplayName } from './folderNames';
import { MessageRow, rowDomId } from './MessageRow';
import { currentSelection, hasChoice } from './selection/currentSelection';
import { startMessageDrag } from './selection/dragKeys';
import { positionsOf, registerList } from './selection/listController';
import { anchorAt, extendTo, isSelected, rangeBounds, sameKey, selectAll, toggle, type Entry } from './selection/selectionModel';
import { useListIndex } from './selection/useListIndex';
import type { MailboxLookup } from './useMailboxLookup';
import { useRowWindow } from './useRowWindow';

const rowHeight = 76;
const pageSize = 50;

const keyOf = (row: Row): MessageKey => [row.accountId, row.folderPath, row.uid];

export function VirtualList({ source, count, lookup }: { source: MessageSource; count: number; lookup: MailboxLookup | undefined }) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const selectedMessage = useStore((state) => state.selectedMessage);
  const selectMessage = useStore((state) => state.selectMessage);
  const selection = useStore((state) => state.messageSelection);
  const setSelection = useStore((state) => state.setMessageSelection);
  const index = useListIndex(source);
  const rowWindow = useRowWindow(scrollRef, count, rowHeight, 10);
  const items = rowWindow.rows;
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const offset = Math.floor(first / pageSize) * pageSize;
  const limit = Math.max(pageSize, Math.ceil((last + 1) / pageSize) * pageSize - offset);
  const page = useMessageWindow(source, offset, limit);
  const rowAt = (at: number): Row | undefined => (page && at >= page.offset ? page.rows[at - page.offset] : undefined);

  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const activeRow = rowAt(activeIndex);
  const positions = index ? positionsOf(index) : null;
  const choosing = hasChoice(selection);
  const bounds = positions && choosing ? rangeBounds(selection, positions) : null;

  /** The entry at a position: from its row when loaded, else from the index (its date unknown: found by UID). */
  function entryAt(at: number): Entry | null {
    const row = rowAt(at);
    if (row) return { key: keyOf(row), date: row.date };
    const key = index?.keyAt(at);
    return key ? { key, date: Number.NaN } : null;
  }
  function openEntry(): Entry | null {
    if (!selectedMessage) return null;
    const row = page?.rows.find((candidate) => candidate && sameKey(keyOf(candidate), selectedMessage));
    return { key: selectedMessage, date: row ? row.date : Number.NaN };
  }
  function moveTo(at: number): number {
    const next = Math.max(0, Math.min(count - 1, at));
    setActive(next);
    rowWindow.scrollToIndex(next, 'auto');
    return next;
  }
  function open(at: number) {
    const key = rowAt(at) ? keyOf(rowAt(at)!) : index?.keyAt(at);
    if (key) selectMessage(key);
  }
  function selectedAt(row: Row, at: number): boolean {
    return choosing ? isSelected(selection, keyOf(row), at, bounds) : sameKey(selectedMessage, keyOf(row));
  }

  function onRowClick(event: MouseEvent, at: number) {
    const entry = entryAt(at);
    if (!entry || !positions) return;
    setActive(at);
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.shiftKey) setSelection(extendTo(selection, entry, openEntry() ?? entryAt(activeIndex), ctrl ? positions : undefined));
    else if (ctrl) setSelection(toggle(selection, entry, openEntry(), positions));
    else {
      setSelection(anchorAt(entry));
      open(at);
    }
  }
  function onDragStart(event: DragEvent, at: number) {
    const row = rowAt(at);
    if (!row) return;
    const keys = choosing && selectedAt(row, at) ? currentSelection() : [keyOf(row)];
    startMessageDrag(event.dataTransfer, keys);
    // Dropped as a move, they leave the list: then the next message opens as after the Move key.
    void followRemoval(keys);
  }
  /** The keys a right-click on row `at` acts on: the selection when the row is in it, else the row. */
  function menuTarget(at: number): { keys: MessageKey[]; row: Row } | null {
    const row = rowAt(at);
    if (!row) return null;
    return { keys: choosing && selectedAt(row, at) ? currentSelection() : [keyOf(row)], row };
  }

  function onKeyDown(event: KeyboardEvent) {
    const perPage = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const targets: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + perPage,
      PageUp: activeIndex - perPage,
      Home: 0,
      End: count - 1,
    };
    const target = targets[event.key];
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (count === 0 || event.altKey) return;
    if (target !== undefined) {
      event.preventDefault();
      const from = entryAt(activeIndex);
      const to = entryAt(moveTo(target));
      if (event.shiftKey && to) setSelection(extendTo(selection, to, from));
      else if (!event.ctrlKey && !event.metaKey) setSelection(anchorAt(to));
    } else if (plain && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      setSelection(anchorAt(entryAt(activeIndex)));
      open(activeIndex);
    }
  }

  // A choice belongs to the list it was made in: another view of the folder (a sort, a filter,
  // conversations — a new list) would read its range ends in a different order.
  useEffect(() => () => useStore.getState().clearMessageSelection(), []);

  // The keyboard commands reach the list through its controller; refs keep it current.
  const latest = useRef({ activeIndex, moveTo, open, entryAt, openEntry });
  useEffect(() => {
    latest.current = { activeIndex, moveTo, open, entryAt, openEntry };
  });
  useEffect(() => {
    if (!index) return;
    return registerList({
      source,
      index,
      activeKey: () => latest.current.entryAt(latest.current.activeIndex)?.key ?? null,
      openBy: (delta) => {
        const at = latest.current.moveTo(latest.current.activeIndex + delta);
        useStore.getState().setMessageSelection(anchorAt(latest.current.entryAt(at)));
        latest.current.open(at);
      },
      selectAll: () => useStore.getState().setMessageSelection(selectAll(useStore.getState().messageSelection)),
      toggleActive: () => {
        const entry = latest.current.entryAt(latest.current.activeIndex);
        if (entry) useStore.getState().setMessageSelection(toggle(useStore.getState().messageSelection, entry, latest.current.openEntry(), positionsOf(index)));
      },
      openMenu: () => {
        const key = latest.current.entryAt(latest.current.activeIndex)?.key;
        const element = key && document.getElementById(rowDomId({ accountId: key[0] as Row['accountId'], folderPath: key[1], uid: key[2] }));
        if (element) openMenuOn(element);
      },
      focus: () => scrollRef.current?.focus(),
    });
  }, [source, index]);

  if (count === 0) return <p className="pane__note">{t(source.kind === 'search' ? 'searchResults.empty' : source.kind === 'unified' ? 'messages.emptyUnified' : 'messages.empty')}</p>;
  return (
    <RowContextMenu lookup={lookup} targetOf={menuTarget}>
      <div
        id="message-list"
        ref={scrollRef}
        className="message-list__scroller"
        role="listbox"
        aria-label={t('messages.label')}
        aria-multiselectable="true"
        aria-activedescendant={activeRow ? rowDomId(activeRow) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="message-list__canvas" role="presentation" style={{ height: rowWindow.canvasPx }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const mailbox = source.kind !== 'folder' && row ? lookup?.mailboxOf(row.accountId, row.folderPath) : undefined;
            // Search results mix folders too (issue #13 §1): "info@example.test · Inbox".
            const folder = source.kind === 'search' && row && mailbox ? lookup?.folder(row.accountId, row.folderPath) : undefined;
            return (
              <MessageRow
                key={item.index}
                row={row}
                mailbox={
                  mailbox
                    ? { address: mailbox.address, color: lookup?.colour(mailbox.id) ?? '', folder: folder && folderDisplayName(folder, t, mailbox.prefix) }
                    : undefined
                }
                index={item.index}
                count={count}
                top={item.top}
                height={rowHeight}
                active={item.index === activeIndex}
                selected={row !== undefined && selectedAt(row, item.index)}
                onClick={(event) => onRowClick(event, item.index)}
                onDragStart={(event) => onDragStart(event, item.index)}
              />
            );
          })}
        </div>
      </div>
    </RowContextMenu>
  );
}
