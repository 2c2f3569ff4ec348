/**
 * Electron's attachment destination (issue #10 §1): the person picks a path, the part streams
 * from the IMAP socket into that file. A failed stream leaves no half-written file behind.
 */
import { dialog, app } from 'electron';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AttachmentDeliverer } from '../services/mail/attachmentDelivery';

export const saveAttachmentToDisk: AttachmentDeliverer = async (file) => {
  const result = await dialog.showSaveDialog({ defaultPath: join(app.getPath('downloads'), file.filename) });
  if (result.canceled || !result.filePath) return { kind: 'cancelled' };
  const path = result.filePath;
  try {
    await file.pipe((content) => pipeline(content, createWriteStream(path)));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { kind: 'saved' };
};
