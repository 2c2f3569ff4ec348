/**
 * Input schemas for writing and sending (issue #4), used by the contract (api.ts) and by the
 * identity import. Limits are generous for people and small for attackers: a message is at
 * most 50 MB of base64 attachments in one call (the SMTP server's SIZE decides the rest).
 * Every text that becomes part of a header (names, subject, file names) has CR/LF folded to a
 * space on the way in (headerText, issue #10 §6): a name decoded from a stranger's encoded word
 * may hold them, and the person still wants to answer it.
 */
import { z } from 'zod';
import type { IdentityConfigEntry, OutgoingMessage } from './model/compose';
import { accountId, email, folderPath, uid } from './fieldSchemas';
import { headerText } from './text/headerValue';

const messageIdSchema = z.string().min(3).max(998).regex(/^<[^<>\s]+>$/, 'Message-ID in angle brackets');

export const addressSchema = z.strictObject({ name: z.string().max(300).overwrite(headerText), address: email });
const addresses = z.array(addressSchema).max(500);
const attachmentId = z.string().min(1).max(100);
const filename = z.string().min(1).max(255).overwrite(headerText);
const contentType = z.string().min(3).max(255).regex(/^[\w.+-]+\/[\w.+-]+$/, 'MIME type');
const size = z.number().int().min(0).max(100 * 1024 * 1024);

export const outgoingAttachmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('data'),
    id: attachmentId,
    filename,
    contentType,
    size,
    dataBase64: z.string().max(70 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
  }),
  z.strictObject({
    kind: z.literal('part'),
    id: attachmentId,
    filename,
    contentType,
    size,
    source: z.strictObject({ accountId, folderPath, uid, partId: z.string().regex(/^\d+(\.\d+)*$/) }),
  }),
  z.strictObject({
    kind: z.literal('message'),
    id: attachmentId,
    filename,
    size,
    source: z.strictObject({ accountId, folderPath, uid }),
  }),
]);

const intent = z.enum(['new', 'reply', 'replyAll', 'forward', 'forwardAsAttachment']);

export const outgoingMessageSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'message id'),
  accountId,
  identityId: z.string().min(1).max(700),
  to: addresses,
  cc: addresses,
  bcc: addresses,
  subject: z.string().max(998).overwrite(headerText),
  text: z.string().max(20 * 1024 * 1024),
  html: z.string().max(40 * 1024 * 1024).nullable(),
  attachments: z.array(outgoingAttachmentSchema).max(100),
  inReplyTo: messageIdSchema.nullable(),
  references: z.array(messageIdSchema).max(200),
  origin: z.strictObject({ intent, accountId, folderPath, uid }).nullable(),
  draft: z.strictObject({ folderPath, uid }).nullable(),
}) satisfies z.ZodType<OutgoingMessage>;

export const sendModeSchema = z.enum(['sendAs', 'onBehalf', 'none']);
export const sentCopyPolicySchema = z.enum(['shared', 'own', 'both']);

export const identityConfigEntrySchema = z.strictObject({
  address: email,
  displayName: z.string().max(200).overwrite(headerText).optional(),
  sendMode: sendModeSchema.optional(),
  sentCopies: sentCopyPolicySchema.optional(),
}) satisfies z.ZodType<IdentityConfigEntry>;

/** The importable file: `{"identities":[…]}` (issue #4 §2). */
export const identityConfigFileSchema = z.strictObject({
  identities: z.array(identityConfigEntrySchema).max(500),
});
