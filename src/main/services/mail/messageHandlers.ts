/**
 * message.* — a message's full content, one attachment, remote images.
 */
import { AppError } from '../../../shared/errors';
import type { AccountId } from '../../../shared/model';
import type { Handlers } from '../../rpc/dispatch';
import type { ServicesContext } from '../context';
import { MAX_SOURCE_BYTES, parseMessage } from './parseMessage';
import { RemoteImageService, type MessageRef } from './remoteImages';

export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

export function messageHandlers(ctx: ServicesContext): Handlers {
  const images = new RemoteImageService(ctx.options.remoteImages);

  const loadBody = async ({ accountId, folderPath, uid }: MessageRef) => {
    // Kept offline (issue #3 §3): no round trip, and readable while the server is unreachable.
    const kept = await ctx.offline.source(accountId, folderPath, uid, MAX_SOURCE_BYTES);
    if (kept) return parseMessage({ accountId: accountId as AccountId, folderPath, uid }, kept);
    return ctx.inFolder(accountId, folderPath, async (folder) => {
      const size = await folder.messageSize(uid);
      if (size === null) throw notFound(folderPath, uid);
      if (size > MAX_SOURCE_BYTES) {
        throw new AppError('tooLarge', `This message is ${mb(size)} MB; Postvak opens messages up to ${mb(MAX_SOURCE_BYTES)} MB`);
      }
      const source = await folder.downloadSource(uid, MAX_SOURCE_BYTES);
      if (!source) throw notFound(folderPath, uid);
      return parseMessage({ accountId: accountId as AccountId, folderPath, uid }, source);
    });
  };

  return {
    'message.body': async (ref) => {
      const body = await loadBody(ref);
      // The URLs message.remoteImages will accept for this message (issue #10 §4).
      images.remember(ref, body.html);
      return body;
    },

    'message.attachment': ({ accountId, folderPath, uid, partId }) =>
      ctx.inFolder(accountId, folderPath, async (folder) => {
        const part = await folder.downloadPart(uid, partId, MAX_ATTACHMENT_BYTES);
        if (!part) throw new AppError('messageNotFound', `Message ${uid} in ${folderPath} has no part ${partId}`);
        return {
          filename: part.filename ?? `attachment-${partId}`,
          contentType: part.contentType,
          dataBase64: part.data.toString('base64'),
        };
      }),

    'message.remoteImages': ({ urls, ...ref }) => images.fetch(ref, urls, async () => (await loadBody(ref)).html),
  };
}

function notFound(folderPath: string, uid: number): AppError {
  return new AppError('messageNotFound', `Message ${uid} is no longer in ${folderPath}`);
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
