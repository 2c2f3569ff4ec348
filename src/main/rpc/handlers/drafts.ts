/**
 * drafts.* (issue #4 §1): save (services/drafts/saveDraft.ts), open and discard
 * (services/drafts/draftOps.ts), list main's local copies.
 */
import type { ServicesContext } from '../../services/context';
import { discardDraft, openDraft } from '../../services/drafts/draftOps';
import { saveDraft } from '../../services/drafts/saveDraft';
import type { Handlers } from '../dispatch';

export function draftHandlers(ctx: ServicesContext): Handlers {
  return {
    'drafts.save': ({ message }) => saveDraft(ctx, message),
    'drafts.open': (ref) => openDraft(ctx, ref),
    'drafts.local': async () =>
      (await ctx.drafts.list()).map(({ message, server }) => ({ ...message, draft: server ? { folderPath: server.folderPath, uid: server.uid } : message.draft })),
    'drafts.discard': ({ id }) => discardDraft(ctx, id),
  };
}
