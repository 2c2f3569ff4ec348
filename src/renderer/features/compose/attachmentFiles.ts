/**
 * Files a person attaches (picker or drag-and-drop) as `data` attachments: read with
 * FileReader into base64, as the contract carries them (src/shared/composeSchemas.ts).
 */
import type { OutgoingAttachment } from '../../../shared/model/compose';
import { newMessageId } from './composeDraft';
import { safeFileName } from '../../../shared/fileName';

/**
 * One file above this is refused at once rather than after a long upload: well over what mail
 * servers accept (Postfix's default message_size_limit is 10 MB) and under the contract's limit.
 */
export const maxFileBytes = 40 * 1024 * 1024;

const mimeType = /^[\w.+-]+\/[\w.+-]+$/;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export async function readAttachment(file: File): Promise<OutgoingAttachment> {
  return {
    kind: 'data',
    id: newMessageId(),
    filename: safeFileName(file.name, 'attachment'),
    contentType: mimeType.test(file.type) ? file.type : 'application/octet-stream',
    size: file.size,
    dataBase64: await readBase64(file),
  };
}

/** Reads the files that may be attached; the others are returned by name to be reported. */
export async function readAttachments(files: readonly File[]): Promise<{ added: OutgoingAttachment[]; tooLarge: string[]; unreadable: string[] }> {
  const added: OutgoingAttachment[] = [];
  const tooLarge: string[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    if (file.size > maxFileBytes) {
      tooLarge.push(file.name);
      continue;
    }
    try {
      added.push(await readAttachment(file));
    } catch {
      unreadable.push(file.name);
    }
  }
  return { added, tooLarge, unreadable };
}
