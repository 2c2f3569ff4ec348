/**
 * drafts.* (issue #4 §1): save (services/drafts/saveDraft.ts), open and discard
 * (services/drafts/draftOps.ts), list main's local copies.
 */
import { discardDraft, openDraft } from '../../services/drafts/draftOps';
import { saveDraft, type DraftDeps } from '../../services/drafts/saveDraft';
import type { Handlers } from '../dispatch';

export function draftHandlers(ctx: DraftDeps): Handlers {
  return {
    'drafts.save': ({ message }) => saveDraft(ctx, message),
    'drafts.open': (ref) => openDraft(ctx, ref),
    'drafts.local': async () =>
      (await ctx.drafts.list()).map(({ message, server }) => ({ ...message, draft: server ? { folderPath: server.folderPath, uid: server.uid } : message.draft })),
    'drafts.discard': ({ id }) => discardDraft(ctx, id),
  };
}
