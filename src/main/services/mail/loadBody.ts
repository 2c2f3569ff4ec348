/**
 * message.body's work (issue #10 §1): a kept message from the offline store, otherwise from its
 * BODYSTRUCTURE and only the sections the reader shows (`BODY.PEEK[<part>]<0.n>`, the header
 * blocks) — a 30 MB message with one line of text costs kilobytes, not 41 MB. Parsing runs in
 * the parse worker (buildBody); the IMAP connection is released before it starts.
 */
import { AppError } from '../../../shared/errors';
import type { AccountId, BodyPart, MessageBody } from '../../../shared/model';
import type { ServicesContext } from '../context';
import { buildBody } from './buildBody';
import { displayPlan } from './displayPlan';
import { MAX_SOURCE_BYTES, parseMessage } from './parseMessage';
import { ParseBudgetError, parsePool, type ParsePool } from './parsePool';
import type { MessageRef } from './remoteImages';

export async function loadMessageBody(
  ctx: Pick<ServicesContext, 'offline' | 'inFolder'>,
  { accountId, folderPath, uid }: MessageRef,
  pool: ParsePool = parsePool(),
): Promise<MessageBody> {
  const ref = { accountId: accountId as AccountId, folderPath, uid };
  // Kept offline (issue #3 §3): no round trip, and readable while the server is unreachable.
  const kept = await ctx.offline.source(accountId, folderPath, uid, MAX_SOURCE_BYTES);
  if (kept) {
    try {
      return await parseMessage(ref, kept, pool);
    } catch (error) {
      // Over the worker's budget: read it from the server part by part instead.
      if (!(error instanceof ParseBudgetError)) throw error;
    }
  }
  const fetched = await ctx.inFolder(accountId, folderPath, async (folder) => {
    if (!folder.fetchStructure || !folder.fetchSections) throw new AppError('unsupported', 'This connection cannot read message parts');
    const structure = await folder.fetchStructure(uid);
    if (!structure) throw new AppError('messageNotFound', `Message ${uid} is no longer in ${folderPath}`);
    // A server that sends no BODYSTRUCTURE gets the RFC 2045 default: one text/plain part.
    const root = structure.bodyStructure ?? { type: 'text/plain', size: structure.size };
    const sections = await folder.fetchSections(uid, displayPlan(root).sections);
    return { root, sections, envelope: structure.envelope };
  });
  return buildBody(ref, fetched.root, fetched.sections, pool, fetched.envelope);
}

/** Every HTML part shown (attached messages' too): the remote images a person may allow. */
export function allHtml(body: MessageBody): string | null {
  const out: string[] = [];
  const walk = (parts: BodyPart[]) => {
    for (const part of parts) {
      if (part.kind === 'html') out.push(part.html);
      else if (part.kind === 'message') walk(part.parts);
    }
  };
  if (body.parts) walk(body.parts);
  else if (body.html) out.push(body.html);
  return out.length > 0 ? out.join('\n') : null;
}
