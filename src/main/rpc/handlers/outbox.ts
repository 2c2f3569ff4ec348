/** outbox.* (issue #4 §6): the list, retry now, take back (undo send / edit / cancel). */
import type { Handlers } from '../dispatch';
import type { ServicesContext } from '../../services/context';

export function outboxHandlers(ctx: Pick<ServicesContext, 'outbox'>): Handlers {
  return {
    'outbox.list': async () => {
      await ctx.outbox.ready;
      return ctx.outbox.list();
    },
    'outbox.retry': ({ id }) => ctx.outbox.retry(id),
    'outbox.cancel': ({ id }) => ctx.outbox.cancel(id),
  };
}
