/**
 * A folder row of the tree as a drop target for message rows (issue #12 §2): highlighted while
 * a drag it accepts is over it, the drop effect shown (Ctrl or Alt held = copy, else move), and
 * refused — no highlight, the "not allowed" cursor — where the person lacks the `i` right or
 * the messages come from this very folder. The drop runs the move or copy as one action.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { FolderRow } from '../../../db/rows';
import { runAction } from '../../../tasks/mailActions';
import { folderCapabilities } from '../mailboxInfo';
import { draggedFrom } from './dragSources';
import { dropVerdict, messagesType, parseDraggedKeys, type DropVerdict } from './folderDrop';
import { folderKey, keysFor } from './pickerOptions';
import { rememberTarget } from './recentTargets';

export interface FolderDrop {
  /** What a drop now would do; null while nothing acceptable is over the row. */
  over: Exclude<DropVerdict, 'none'> | null;
  handlers: {
    onDragEnter(event: DragEvent): void;
    onDragOver(event: DragEvent): void;
    onDragLeave(event: DragEvent): void;
    onDrop(event: DragEvent): void;
  };
}

function verdictOf(event: DragEvent, folder: FolderRow | undefined): DropVerdict {
  const key = folder ? folderKey(folder.accountId, folder.path) : '';
  const sources = draggedFrom();
  return dropVerdict({
    carriesMessages: [...event.dataTransfer.types].includes(messagesType),
    copyHeld: event.ctrlKey || event.altKey,
    effectAllowed: event.dataTransfer.effectAllowed,
    selectable: folder?.selectable ?? false,
    canMoveIn: folder ? folderCapabilities(folder.rights).canMoveIn : false,
    // Known only for drags that started in this window; a drop from elsewhere is sorted at the drop.
    isSource: sources !== null && sources.size === 1 && sources.has(key),
  });
}

/** How long messages hover over a closed branch before it opens, as in Outlook and Thunderbird. */
export const openOnHoverMs = 800;

/**
 * `expand`: opens the row's closed branch (a mailbox or a folder with subfolders) when messages
 * hover over it, so a drop can reach a folder inside.
 */
export function useFolderDrop(folder: FolderRow | undefined, expand?: () => void): FolderDrop {
  const [over, setOver] = useState<FolderDrop['over']>(null);
  const opener = useRef<number | null>(null);
  const stopOpening = () => {
    if (opener.current !== null) window.clearTimeout(opener.current);
    opener.current = null;
  };
  const closed = expand !== undefined;
  // Opened meanwhile (a click, the keys): the waiting open must not close it again.
  useEffect(() => (closed ? undefined : stopOpening()), [closed]);
  useEffect(() => stopOpening, []);
  const onOver = (event: DragEvent) => {
    if (expand && opener.current === null && [...event.dataTransfer.types].includes(messagesType)) {
      opener.current = window.setTimeout(() => {
        opener.current = null;
        expand();
      }, openOnHoverMs);
    }
    const verdict = verdictOf(event, folder);
    if (verdict === 'none') {
      if (over !== null) setOver(null);
      return;
    }
    // Accepting the drag is cancelling dragover's default (HTML drag-and-drop processing model).
    event.preventDefault();
    event.dataTransfer.dropEffect = verdict;
    if (over !== verdict) setOver(verdict);
  };
  return {
    over,
    handlers: {
      onDragEnter: onOver,
      onDragOver: onOver,
      onDragLeave(event) {
        if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
        setOver(null);
        stopOpening();
      },
      onDrop(event) {
        setOver(null);
        stopOpening();
        const verdict = verdictOf(event, folder);
        if (verdict === 'none' || !folder) return;
        event.preventDefault();
        const to = { accountId: folder.accountId, folderPath: folder.path };
        const keys = keysFor(parseDraggedKeys(event.dataTransfer.getData(messagesType)), to);
        if (keys.length === 0) return;
        rememberTarget(folderKey(folder.accountId, folder.path));
        void runAction({ kind: verdict, keys, to });
      },
    },
  };
}
