/** deletions.list (issue #12 §7): services/deletions/deletionList.ts reads a Trash's deletion records. */
import { DeletionLists, type DeletionDeps } from '../../services/deletions/deletionList';
import type { Handlers } from '../dispatch';

export function deletionHandlers(ctx: DeletionDeps): Handlers {
  // One cache for every window: the records are the mailbox's, not a window's.
  const lists = new DeletionLists(ctx);
  return {
    'deletions.list': ({ accountId, folderPath }) => lists.list(accountId, folderPath),
  };
}
