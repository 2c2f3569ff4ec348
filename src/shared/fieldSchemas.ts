/**
 * The fields many contract schemas share (api.ts, taskSchemas.ts, composeSchemas.ts): one
 * definition each, so a limit changes in one place.
 */
import { z } from 'zod';

export const accountId = z.string().min(1).max(64);
export const folderPath = z.string().min(1).max(1000);
export const mailboxId = z.string().min(1).max(600);
export const uid = z.number().int().min(1).max(0xffffffff);
export const email = z.string().trim().max(320).pipe(z.email());
/** An IMAP flag or keyword (RFC 9051 §2.3.2): an atom, optionally with a leading backslash. */
export const flag = z.string().min(1).max(100).regex(/^\\?[^\s()\]{%*"\\]+$/, 'IMAP flag');
