/**
 * The folders the messages being dragged come from. While a drag is under way its data can only
 * be read at `dragstart` and `drop` (HTML drag data store: "protected mode" in between), yet the
 * tree must refuse the source folder while the pointer is over it. So the keys are read once, at
 * dragstart, by a document listener that runs after the row's own handler has set them.
 */
import { messagesType, parseDraggedKeys } from './folderDrop';
import { sourceFolders } from './pickerOptions';

let current: Set<string> | null = null;
let watching = false;

/** Starts listening (once per window). */
export function watchDragSources(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  document.addEventListener('dragstart', (event) => {
    const text = event.dataTransfer?.getData(messagesType) ?? '';
    current = text ? sourceFolders(parseDraggedKeys(text)) : null;
  });
  // A drop on a target runs before the document hears it, so the target still sees the sources.
  for (const type of ['dragend', 'drop'] as const) document.addEventListener(type, () => (current = null));
}

/** The source folders of the drag under way, null when unknown (no drag, or one from elsewhere). */
export function draggedFrom(): ReadonlySet<string> | null {
  return current;
}
