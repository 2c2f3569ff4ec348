/**
 * Dropping messages on a folder of the tree (issue #12 §2: "drag-and-drop of one or many rows
 * onto any folder of the tree (Ctrl/Alt = copy)"). The rows put their keys in the drag as
 * `application/x-postvak-messages` (JSON MessageKey[], tasks-api.md §3). Pure: what a drop
 * over a folder would do, and reading the payload without trusting it.
 */
import type { MessageKey } from '../../../db/rows';

export const messagesType = 'application/x-postvak-messages';

export type DropVerdict = 'move' | 'copy' | 'none';

export interface DropSituation {
  /** Whether the drag carries messages (its types include messagesType). */
  carriesMessages: boolean;
  /** Ctrl or Alt held (Option on a Mac): copy instead of move, as in Outlook and Thunderbird. */
  copyHeld: boolean;
  /** What the source allows (DataTransfer.effectAllowed). */
  effectAllowed: string;
  /** The folder is a real, selectable folder (not a mailbox, unified view or container). */
  selectable: boolean;
  /** The person may put messages in it (the `i` right, RFC 4314 §2.1). */
  canMoveIn: boolean;
  /** The messages come from this very folder. */
  isSource: boolean;
}

/** The drop effect to show over the folder, and what a drop there does. */
export function dropVerdict(situation: DropSituation): DropVerdict {
  const { carriesMessages, copyHeld, effectAllowed, selectable, canMoveIn, isSource } = situation;
  if (!carriesMessages || !selectable || !canMoveIn || isSource) return 'none';
  const allowed = effectAllowed.toLowerCase();
  const mayCopy = ['copy', 'copymove', 'copylink', 'all', 'uninitialized'].includes(allowed);
  const mayMove = ['move', 'copymove', 'linkmove', 'all', 'uninitialized'].includes(allowed);
  if (copyHeld) return mayCopy ? 'copy' : 'none';
  return mayMove ? 'move' : mayCopy ? 'copy' : 'none';
}

function isMessageKey(value: unknown): value is MessageKey {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    Number.isInteger(value[2]) &&
    (value[2] as number) > 0
  );
}

/** The dragged keys; [] when the payload is missing or not a list of keys (another app's drag). */
export function parseDraggedKeys(text: string): MessageKey[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every(isMessageKey) ? value : [];
  } catch {
    return [];
  }
}
