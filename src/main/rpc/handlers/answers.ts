/** message.answers (issue #4 §5): services/compose/answers.ts reads them from the Sent copies. */
import { findAnswers, type AnswerDeps } from '../../services/compose/answers';
import type { Handlers } from '../dispatch';

export function answersHandlers(ctx: AnswerDeps): Handlers {
  return {
    'message.answers': (ref) => findAnswers(ctx, ref),
  };
}
