/** Links handed to the system go through the one link rule (issue #10 §3, §12). */
import { AppError } from '../../../shared/errors';
import { checkExternalUrl } from '../../../shared/links';

/** The link as it may be handed to the system (the shared rule, src/shared/links.ts), or why not. */
export function vetExternalUrl(raw: string): string {
  const checked = checkExternalUrl(raw);
  if (checked.ok) return checked.url;
  if (checked.reason === 'invalid') throw new AppError('invalidInput', 'Not a valid link');
  throw new AppError('notPermitted', `Postvak does not open ${checked.scheme} links`);
}
