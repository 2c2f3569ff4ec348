/**
 * The renderer's task queue (HOUSE_STYLE.md "User mutations are tasks", Mailspring's Task
 * model; issue #12 §1): every task's change goes into the cache first — all of them before the
 * first leaves for main, so the rows are gone at once — then the tasks are queued through the
 * one channel (`tasks.queue`). Each answer confirms its task or rolls its change back.
 */
import type { ApiError, PostvakApi, Task, TaskOutcome } from '../../shared/api';
import { pendingLocks, type PendingLocks } from '../db/pendingLocks';
import type { PostvakDb } from '../db/schema';
import { toApiError } from '../i18n/errors';
import { applyOptimistic, type Applied } from './optimistic';

export interface TaskDeps {
  db: PostvakDb;
  api: Pick<PostvakApi, 'call'>;
  locks?: PendingLocks;
}

export interface TaskRun {
  /** Every task was accepted. */
  ok: boolean;
  /** The outcomes of the accepted tasks, in the order the tasks were given. */
  outcomes: TaskOutcome[];
  /** The first refusal, when any task was refused. */
  error: ApiError | null;
  /** What undoes the accepted tasks, to run in this order (the last task's first). */
  undo: Task[];
}

const unchanged: Applied = { changed: 0, localUndo: [], confirm: () => undefined, rollback: async () => undefined };

async function queue(api: TaskDeps['api'], task: Task): Promise<{ ok: true; value: TaskOutcome } | { ok: false; error: ApiError }> {
  try {
    const result = await api.call('tasks.queue', { task });
    return result.ok ? { ok: true, value: result.value ?? { undo: null } } : { ok: false, error: result.error };
  } catch (thrown) {
    return { ok: false, error: toApiError(thrown) };
  }
}

/**
 * Applies and queues `tasks`; `applied` is called once the cache shows every change (the
 * moment rows leave the list). Refused tasks are rolled back, the others stand.
 */
export async function runTasks(deps: TaskDeps, tasks: readonly Task[], applied?: () => void): Promise<TaskRun> {
  const locks = deps.locks ?? pendingLocks;
  const changes: Applied[] = [];
  for (const task of tasks) {
    // A cache that cannot be written (rare: quota) must not stop the server from doing the task.
    changes.push(await applyOptimistic(deps.db, locks, task).catch(() => unchanged));
  }
  applied?.();
  const answers = await Promise.all(tasks.map((task) => queue(deps.api, task)));
  const outcomes: TaskOutcome[] = [];
  const undo: Task[] = [];
  let error: ApiError | null = null;
  for (let index = answers.length - 1; index >= 0; index--) {
    const answer = answers[index];
    const change = changes[index] ?? unchanged;
    if (answer?.ok) {
      change.confirm();
      outcomes.unshift(answer.value);
      // A flag change is undone per message from the flags each had before (only those it
      // changed); for the rest main knows best (new UIDs, messages the cache does not hold).
      const task = tasks[index];
      const local = task?.type === 'setFlags' || !answer.value.undo;
      undo.push(...(local ? change.localUndo : [answer.value.undo as Task]));
    } else if (answer) {
      await change.rollback();
      error = answer.error;
    }
  }
  return { ok: error === null, outcomes, error, undo };
}
