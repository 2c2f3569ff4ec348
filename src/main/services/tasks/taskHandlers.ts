/**
 * tasks.queue — user mutations. The renderer has already applied the change to its cache and
 * rolls it back when this rejects; on success every client's engine re-reads the folder, so other
 * windows converge without waiting for the next poll.
 */
import type { Task } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../../rpc/dispatch';
import type { ServicesContext } from '../context';
import { flagsNotPermitted } from './flagRules';

type SetFlags = Extract<Task, { type: 'setFlags' }>;

export function taskHandlers(ctx: ServicesContext): Handlers {
  return {
    'tasks.queue': async ({ task }) => {
      switch (task.type) {
        case 'setFlags':
          await setFlags(ctx, task);
          break;
      }
    },
  };
}

async function setFlags(ctx: ServicesContext, task: SetFlags): Promise<void> {
  await ctx.inFolder(task.accountId, task.folderPath, async (folder) => {
    if (folder.snapshot.readOnly) {
      // SELECT answered [READ-ONLY] (RFC 9051 §7.1): e.g. a shared mailbox with only `lr` rights (RFC 4314).
      throw new AppError('notPermitted', `${task.folderPath} is read-only for you`);
    }
    const refused = flagsNotPermitted(folder.snapshot.permanentFlags, [...task.add, ...task.remove]);
    if (refused.length > 0) {
      throw new AppError('notPermitted', `You may not change ${refused.join(', ')} in ${task.folderPath}`, { flags: refused });
    }
    await folder.store(task.uids, task.add, task.remove);
  });
  for (const client of ctx.clients) client.engine.nudge(task.accountId, task.folderPath);
}
