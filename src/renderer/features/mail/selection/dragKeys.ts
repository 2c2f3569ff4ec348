/**
 * Rows as a drag source (issue #12 §2, §3): the keys travel as JSON under a type of our own, so
 * only Postvak's folder tree takes them (helper E's drop targets: Ctrl/Alt held = copy, else move).
 */
import type { MessageKey } from '../../../db/rows';

export const messageDragType = 'application/x-postvak-messages';

export function startMessageDrag(data: DataTransfer, keys: readonly MessageKey[]): void {
  data.setData(messageDragType, JSON.stringify(keys));
  data.effectAllowed = 'copyMove';
}
