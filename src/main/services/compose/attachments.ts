/**
 * An outgoing message's attachments with their bytes: new files arrive as base64; a part of a
 * message being forwarded and a whole message forwarded as attachment (message/rfc822,
 * RFC 2046 §5.2.1) are fetched from the server once, when the message is queued or saved.
 */
import { AppError } from '../../../shared/errors';
import type { OutgoingAttachment } from '../../../shared/model/compose';
import type { OpenFolder } from '../imap/types';
import type { ResolvedAttachment } from '../smtp/mimeBuild';

/** The largest single attachment fetched from the server for forwarding. */
export const MAX_FORWARD_BYTES = 50 * 1024 * 1024;

export type InFolder = <T>(accountId: string, folderPath: string, fn: (folder: OpenFolder) => Promise<T>) => Promise<T>;

export async function resolveAttachments(list: readonly OutgoingAttachment[], inFolder: InFolder): Promise<ResolvedAttachment[]> {
  const out: ResolvedAttachment[] = [];
  for (const attachment of list) out.push(await resolveOne(attachment, inFolder));
  return out;
}

async function resolveOne(attachment: OutgoingAttachment, inFolder: InFolder): Promise<ResolvedAttachment> {
  switch (attachment.kind) {
    case 'data':
      return { filename: attachment.filename, contentType: attachment.contentType, content: Buffer.from(attachment.dataBase64, 'base64') };
    case 'part': {
      const { source } = attachment;
      const part = await inFolder(source.accountId, source.folderPath, (folder) => folder.downloadPart(source.uid, source.partId, MAX_FORWARD_BYTES));
      if (!part) throw unavailable(attachment.filename, source.folderPath);
      return { filename: attachment.filename, contentType: attachment.contentType, content: part.data };
    }
    case 'message': {
      const { source } = attachment;
      const raw = await inFolder(source.accountId, source.folderPath, (folder) => folder.downloadSource(source.uid, MAX_FORWARD_BYTES));
      if (!raw) throw unavailable(attachment.filename, source.folderPath);
      return { filename: attachment.filename, contentType: 'message/rfc822', content: raw };
    }
  }
}

function unavailable(filename: string, folderPath: string): AppError {
  return new AppError('messageNotFound', `The attachment ${filename} is no longer in ${folderPath}`);
}
