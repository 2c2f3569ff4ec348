/** A fake `tasks.queue` for task tests: each call waits until the test answers it. */
import type { PostvakApi, Task, TaskOutcome } from '../../../../src/shared/api';

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
