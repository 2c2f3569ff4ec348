/**
 * Flag changes as tasks (HOUSE_STYLE.md "User mutations are tasks"): applied to the cache at
 * once so the list and reader react immediately, queued to main, and rolled back with a worded
 * notice if main refuses. The server's own answer arrives later as a sync flag update.
 */
import type { ApiError, PostvakApi } from '../../../shared/api';
import { applyLocalFlags, revertLocalFlags } from '../../db/localChanges';
import type { MessageKey } from '../../db/rows';
import type { PostvakDb } from '../../db/schema';

export interface FlagTaskDeps {
  db: PostvakDb;
  api: Pick<PostvakApi, 'call'>;
  onError(error: ApiError): void;
}

/** Returns true when main accepted the change. */
export async function setMessageFlags(
  deps: FlagTaskDeps,
  key: MessageKey,
  add: string[],
  remove: string[],
): Promise<boolean> {
  const [accountId, folderPath, uid] = key;
  const change = await applyLocalFlags(deps.db, key, add, remove);
  if (!change) return false;
  let error: ApiError | null = null;
  try {
    const result = await deps.api.call('tasks.queue', {
      task: { type: 'setFlags', accountId, folderPath, uids: [uid], add, remove },
    });
    if (!result.ok) error = result.error;
  } catch (thrown) {
    error = { code: 'internal', message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  if (!error) return true;
  await revertLocalFlags(deps.db, key, change.after, change.before);
  deps.onError(error);
  return false;
}
