/** A fake `tasks.queue` for task tests: each call waits until the test answers it. */
import type { PostvakApi, Task, TaskOutcome } from '../../../../src/shared/api';
import { pendingLocks, type PendingLock } from '../../../../src/renderer/db/pendingLocks';

type Answer = Awaited<ReturnType<PostvakApi['call']>>;

export function deferredTasks() {
  const tasks: Task[] = [];
  const answers: ((value: Answer) => void)[] = [];
  let waiting: { count: number; resolve: () => void } | null = null;
  const api = {
    call: (_method: string, input: { task: Task }) => {
      tasks.push(input.task);
      const answer = new Promise<Answer>((resolve) => answers.push(resolve));
      if (waiting && tasks.length >= waiting.count) waiting.resolve();
      return answer;
    },
  } as unknown as Pick<PostvakApi, 'call'>;
  return {
    api,
    tasks,
    /** Resolves once `count` tasks have reached main. */
    reached: (count: number) =>
      tasks.length >= count ? Promise.resolve() : new Promise<void>((resolve) => (waiting = { count, resolve })),
    accept: (index: number, outcome: TaskOutcome = { undo: null }) => answers[index]?.({ ok: true, value: outcome } as Answer),
    refuse: (index: number, code = 'serverRefused', message = 'NO [NONEXISTENT] Mailbox does not exist') =>
      answers[index]?.({ ok: false, error: { code, message } } as Answer),
  };
}

/**
 * Ends every lock of the folders (locks are the window's, shared with applySyncBatch, so one
 * test's must not reach the next) and returns those whose task never ended — a confirmed lock
 * waiting for the end of a sync pass (`settled`) is not one.
 */
export function releaseLocks(accountId: string, ...folderPaths: string[]): PendingLock[] {
  const left = folderPaths.flatMap((path) => [...pendingLocks.inFolder(accountId, path)]);
  for (const lock of left) pendingLocks.release(lock);
  return left.filter((lock) => !lock.settled);
}
