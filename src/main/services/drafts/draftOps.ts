/**
 * What drafts.* does (issue #4 §1; the handlers are src/main/rpc/handlers/drafts.ts): open a
 * draft from any Drafts folder the person can read — also one another member saved in a shared
 * mailbox — and discard one with its server copies.
 */
import { randomBytes } from 'node:crypto';
import { addressSchema } from '../../../shared/composeSchemas';
import { AppError } from '../../../shared/errors';
import type { Address } from '../../../shared/model';
import type { Identity, OutgoingMessage } from '../../../shared/model/compose';
import { toAppError } from '../imap/imapErrors';
import { MAX_SOURCE_BYTES, parseDraft, type ParsedDraft } from '../mail/parseMessage';
import { removeCopies, type DraftDeps } from './saveDraft';

const draftId = /^[A-Za-z0-9_-]{8,64}$/;
const messageId = /^<[^<>\s]+>$/;

/** A draft from a Drafts folder, as the composer's message. */
export async function openDraft(ctx: DraftDeps, { accountId, folderPath, uid }: { accountId: string; folderPath: string; uid: number }): Promise<OutgoingMessage> {
  const source = await ctx.inFolder(accountId, folderPath, (folder) => folder.downloadSource(uid, MAX_SOURCE_BYTES));
  if (!source) throw new AppError('messageNotFound', `Draft ${uid} is no longer in ${folderPath}`);
  const identities = await ctx.identities.forAccount(accountId);
  const message = draftToMessage(await parseDraft(source), identities, { accountId, folderPath, uid });
  // A server copy of a message that was sent (its removal failed): opened on purpose, it is
  // a new message, not the sent one, whose saves are refused (issue #10 §7).
  return (await ctx.drafts.isSent(message.id)) ? { ...message, id: randomBytes(12).toString('base64url') } : message;
}

/** Main's local copy of a draft and its server copies go. */
export async function discardDraft(ctx: DraftDeps, id: string): Promise<void> {
  const local = await ctx.drafts.get(id);
  if (!local) return;
  const copies = [local.server, local.message.draft].filter((c): c is { folderPath: string; uid: number } => c !== null);
  const unique = copies.filter((c, i) => copies.findIndex((o) => o.folderPath === c.folderPath && o.uid === c.uid) === i);
  try {
    await removeCopies(ctx, local.message.accountId, unique);
  } catch (error) {
    const account = await ctx.accounts.get(local.message.accountId);
    throw toAppError(error, account.imap.host, await ctx.password(account.id), ctx.log);
  }
  await ctx.drafts.remove(id);
  ctx.touched(local.message.accountId, unique.map((c) => c.folderPath));
}

/**
 * A parsed draft as the composer's message: the From address picks the identity (the own one
 * when it is none of the person's), attachments come back as data, threading headers are kept
 * when they are well-formed (RFC 5322 §3.6.4 msg-id), addresses that are not are left out.
 */
export function draftToMessage(draft: ParsedDraft, identities: readonly Identity[], at: { accountId: string; folderPath: string; uid: number }): OutgoingMessage {
  const fromAddress = draft.from[0]?.address.toLowerCase() ?? '';
  const identity =
    identities.find((i) => i.address.toLowerCase() === fromAddress) ?? identities.find((i) => i.kind === 'own') ?? identities[0];
  if (!identity) throw new AppError('identityNotFound', 'This account has no identity to send from');
  const valid = (list: Address[]) => list.filter((a) => addressSchema.safeParse(a).success).slice(0, 500);
  return {
    id: draft.draftId && draftId.test(draft.draftId) ? draft.draftId : randomBytes(12).toString('base64url'),
    accountId: at.accountId,
    identityId: identity.id,
    to: valid(draft.to),
    cc: valid(draft.cc),
    bcc: valid(draft.bcc),
    subject: draft.subject.slice(0, 998),
    text: draft.text,
    html: draft.html,
    attachments: draft.attachments.slice(0, 100).map((a, index) => ({
      kind: 'data' as const,
      id: `a${index + 1}`,
      filename: a.filename.slice(0, 255) || 'attachment',
      contentType: /^[\w.+-]+\/[\w.+-]+$/.test(a.contentType) ? a.contentType : 'application/octet-stream',
      size: a.content.length,
      dataBase64: a.content.toString('base64'),
    })),
    inReplyTo: draft.inReplyTo && messageId.test(draft.inReplyTo) ? draft.inReplyTo : null,
    references: draft.references.filter((r) => messageId.test(r)).slice(0, 200),
    origin: parseOrigin(draft.origin, at.accountId),
    draft: { folderPath: at.folderPath, uid: at.uid },
  };
}

const intents = new Set(['new', 'reply', 'replyAll', 'forward', 'forwardAsAttachment']);

/** `X-Postvak-Origin` back into an origin in this account; anything malformed is no origin. */
export function parseOrigin(value: string | null, accountId: string): OutgoingMessage['origin'] {
  const match = value ? /^(\w+) (\d{1,10}) (\S{1,3000})$/.exec(value) : null;
  if (!match || !intents.has(match[1]!)) return null;
  const uid = Number(match[2]);
  let folderPath: string;
  try {
    folderPath = decodeURIComponent(match[3]!);
  } catch {
    return null;
  }
  if (uid < 1 || uid > 0xffffffff || folderPath === '' || folderPath.length > 1000) return null;
  return { intent: match[1] as NonNullable<OutgoingMessage['origin']>['intent'], accountId, folderPath, uid };
}
