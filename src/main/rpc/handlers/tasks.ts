/**
 * tasks.queue — user mutations (src/main/services/tasks/runTask.ts). The renderer has already
 * applied the change to its cache and rolls it back when this rejects.
 */
import { runTask, type TaskDeps } from '../../services/tasks/runTask';
import type { Handlers } from '../dispatch';

export function taskHandlers(ctx: TaskDeps): Handlers {
  return {
    'tasks.queue': ({ task }) => runTask(ctx, task),
  };
}
