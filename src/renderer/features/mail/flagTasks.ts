/**
 * One message's flag change as a task, through the renderer's task queue (src/renderer/tasks:
 * optimistic, locked against stale echoes, rolled back on refusal). Kept for callers that want
 * the change without a notice; mail actions with a notice and an undo go through `runAction`.
 */
import type { ApiError } from '../../../shared/api';
import type { MessageKey } from '../../db/rows';
import { runTasks, type TaskDeps } from '../../tasks/runTasks';

export interface FlagTaskDeps extends TaskDeps {
  onError(error: ApiError): void;
}

/** Returns true when main accepted the change. */
export async function setMessageFlags(deps: FlagTaskDeps, key: MessageKey, add: string[], remove: string[]): Promise<boolean> {
  const [accountId, folderPath, uid] = key;
  const run = await runTasks(deps, [{ type: 'setFlags', accountId, folderPath, uids: [uid], add, remove }]);
  if (run.error) deps.onError(run.error);
  return run.ok;
}
