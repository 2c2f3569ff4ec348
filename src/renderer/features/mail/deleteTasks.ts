/**
 * One message's delete as a task, through the renderer's task queue (src/renderer/tasks): the
 * message leaves the list at once; main moves it to its own mailbox's Trash or expunges it
 * (api.ts `deleteTask`); on a refusal (e.g. `notPermitted` without the t+e rights, RFC 4314
 * §2.1) it is put back. Mail actions with a notice and an undo go through `runAction`.
 */
import type { ApiError } from '../../../shared/api';
import type { MessageKey } from '../../db/rows';
import { runTasks, type TaskDeps } from '../../tasks/runTasks';

export interface DeleteTaskDeps extends TaskDeps {
  onError(error: ApiError): void;
}

/** Returns true when main accepted the delete. */
export async function deleteMessage(deps: DeleteTaskDeps, key: MessageKey): Promise<boolean> {
  const [accountId, folderPath, uid] = key;
  const run = await runTasks(deps, [{ type: 'delete', accountId, folderPath, uids: [uid] }]);
  if (run.error) deps.onError(run.error);
  return run.ok;
}
