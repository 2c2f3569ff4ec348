/** message.answers (issue #4 §5): services/compose/answers.ts reads them from the Sent copies. */
import { findAnswers } from '../../services/compose/answers';
import type { ServicesContext } from '../../services/context';
import type { Handlers } from '../dispatch';

export function answersHandlers(ctx: ServicesContext): Handlers {
  return {
    'message.answers': (ref) => findAnswers(ctx, ref),
  };
}
