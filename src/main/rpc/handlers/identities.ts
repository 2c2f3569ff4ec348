/** identities.* (issue #4 §2): every account's identities, the configuration edited or imported. */
import type { Handlers } from '../dispatch';
import type { ServicesContext } from '../../services/context';

export function identityHandlers(ctx: Pick<ServicesContext, 'identities'>): Handlers {
  return {
    'identities.list': () => ctx.identities.all(),
    'identities.update': ({ accountId, entries }) => ctx.identities.update(accountId, entries),
    'identities.import': ({ accountId, json }) => ctx.identities.import(accountId, json),
  };
}
