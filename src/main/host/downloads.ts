/**
 * Attachment downloads for the browser host (issue #10 §1): `message.saveAttachment` issues a
 * one-time address `/download/<token>`; opening it streams the part from the IMAP server into
 * the response — never whole in memory, never through the WebSocket as base64. A token is 32
 * random bytes, valid for one request within a minute, and the response is a download only
 * (octet-stream, `attachment`, nosniff, a sandboxing CSP), so no attachment renders in the
 * app's origin.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AttachmentDeliverer, AttachmentFile } from '../services/mail/attachmentDelivery';

const TOKEN_TTL_MS = 60_000;
const PREFIX = '/download/';

/** RFC 6266 §4.3 / RFC 8187: an ASCII fallback and the UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export interface AttachmentDownloads {
  deliver: AttachmentDeliverer;
  /** Whether this request is a download (then it is answered here). */
  handles(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export function attachmentDownloads(now: () => number = Date.now): AttachmentDownloads {
  const pending = new Map<string, { file: AttachmentFile; expires: number }>();
  const sweep = () => {
    for (const [token, entry] of pending) if (entry.expires < now()) pending.delete(token);
  };
  return {
    deliver: async (file) => {
      sweep();
      const token = randomBytes(32).toString('base64url');
      pending.set(token, { file, expires: now() + TOKEN_TTL_MS });
      return { kind: 'download', url: `${PREFIX}${token}` };
    },
    handles: (req) => (req.url ?? '').startsWith(PREFIX),
    async serve(req, res) {
      sweep();
      const token = (req.url ?? '').slice(PREFIX.length);
      const entry = pending.get(token);
      pending.delete(token);
      if (!entry || req.method !== 'GET') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const { file } = entry;
      let started = false;
      try {
        await file.pipe(async (content) => {
          started = true;
          res.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-disposition': contentDisposition(file.filename),
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-store',
            'content-security-policy': "default-src 'none'; sandbox",
          });
          await pipeline(content, res);
        });
      } catch (error) {
        if (!started) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('The attachment could not be read from the mail server');
        else res.destroy();
        throw error;
      }
    },
  };
}
