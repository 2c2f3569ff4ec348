/**
 * Saving an attachment (issue #10 §1): fetched only when saved, and streamed from the IMAP
 * socket to its destination — a file in Electron, an HTTP download in the browser host — never
 * whole in memory and never through the renderer as base64. The host decides the destination
 * (ServicesOptions.deliverAttachment); this module gives it the part's name, type and a way to
 * stream it.
 */
import type { Readable } from 'node:stream';
import type { AttachmentDelivery } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { ServicesContext } from '../context';
import { displayPlan } from './displayPlan';
import { safeFileName } from '../../../shared/fileName';

export interface AttachmentFile {
  filename: string;
  contentType: string;
  /** Estimated from BODYSTRUCTURE (the decoded size is known once streamed). */
  size: number;
  /** Streams the decoded part into `consume` while the folder is held; rejects when it is gone. */
  pipe(consume: (content: Readable) => Promise<void>): Promise<void>;
}

export type AttachmentDeliverer = (file: AttachmentFile) => Promise<AttachmentDelivery>;

export async function saveAttachment(
  ctx: Pick<ServicesContext, 'inFolder'>,
  deliver: AttachmentDeliverer | undefined,
  { accountId, folderPath, uid, partId }: { accountId: string; folderPath: string; uid: number; partId: string },
): Promise<AttachmentDelivery> {
  if (!deliver) throw new AppError('unsupported', 'This host cannot save attachments');
  const notFound = () => new AppError('messageNotFound', `Message ${uid} in ${folderPath} has no part ${partId}`);
  const info = await ctx.inFolder(accountId, folderPath, async (folder) => {
    if (!folder.fetchStructure) throw new AppError('unsupported', 'This connection cannot read message parts');
    const structure = await folder.fetchStructure(uid);
    return structure?.bodyStructure ? displayPlan(structure.bodyStructure).attachments.find((a) => a.partId === partId) : undefined;
  });
  if (!info) throw notFound();
  return deliver({
    filename: safeFileName(info.filename),
    contentType: info.contentType,
    size: info.size,
    pipe: (consume) =>
      ctx.inFolder(accountId, folderPath, async (folder) => {
        if (!folder.streamPart) throw new AppError('unsupported', 'This connection cannot stream message parts');
        if (!(await folder.streamPart(uid, partId, (content) => consume(content)))) throw notFound();
      }),
  });
}
