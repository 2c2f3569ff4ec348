/**
 * Delete as a task (HOUSE_STYLE.md "User mutations are tasks"), the way flagTasks does flags:
 * the message leaves the cache at once — the list closes the gap and the next message opens —
 * the task goes to main, which moves it to its own mailbox's Trash or expunges it (api.ts
 * `deleteTask`); if main refuses (e.g. `notPermitted` without the t+e rights, RFC 4314 §2.1) the
 * message is put back and the person told why. The server's VANISHED/EXPUNGE arrives later as
 * an ordinary sync removal.
 */
import type { ApiError, PostvakApi } from '../../../shared/api';
import { removeLocalMessage, restoreLocalMessage } from '../../db/localChanges';
import type { MessageKey } from '../../db/rows';
import type { PostvakDb } from '../../db/schema';

export interface DeleteTaskDeps {
  db: PostvakDb;
  api: Pick<PostvakApi, 'call'>;
  onError(error: ApiError): void;
}

/** Returns true when main accepted the delete. */
export async function deleteMessage(deps: DeleteTaskDeps, key: MessageKey): Promise<boolean> {
  const [accountId, folderPath, uid] = key;
  const removed = await removeLocalMessage(deps.db, key);
  if (!removed) return false;
  let error: ApiError | null = null;
  try {
    const result = await deps.api.call('tasks.queue', { task: { type: 'delete', accountId, folderPath, uids: [uid] } });
    if (!result.ok) error = result.error;
  } catch (thrown) {
    error = { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  if (!error) return true;
  await restoreLocalMessage(deps.db, removed);
  deps.onError(error);
  return false;
}
