/**
 * A message to send, made ready for the outbox (issue #4 §6): the identity's From/Sender and
 * envelope (src/shared/compose/identities.ts envelopeFor), the attachments fetched, and both
 * copies built once with a fixed Message-ID and Date, so every later attempt sends exactly the
 * same message and the Sent copy can be found by its Message-ID.
 */
import { envelopeFor } from '../../../shared/compose/identities';
import { AppError } from '../../../shared/errors';
import type { AccountId, Address } from '../../../shared/model';
import type { OutgoingMessage } from '../../../shared/model/compose';
import type { ServicesContext } from '../context';
import type { OutboxFiles } from '../outbox/OutboxStore';
import { buildOutgoing, newMessageId } from '../smtp/mimeBuild';
import { resolveAttachments } from './attachments';

/** What preparing a send reads: the account, its identities, the original message. */
export type SendDeps = Pick<ServicesContext, 'accounts' | 'identities' | 'inFolder'>;

/** To, Cc and Bcc, each address once (case-insensitive, RFC 5321 §2.4 treats the domain so). */
export function recipientsOf(message: Pick<OutgoingMessage, 'to' | 'cc' | 'bcc'>): Address[] {
  const seen = new Set<string>();
  const out: Address[] = [];
  for (const a of [...message.to, ...message.cc, ...message.bcc]) {
    const key = a.address.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: a.name, address: a.address.trim() });
  }
  return out;
}

export async function prepareSend(ctx: SendDeps, message: OutgoingMessage, delaySeconds: number): Promise<OutboxFiles> {
  const account = await ctx.accounts.get(message.accountId);
  const identity = await ctx.identities.identity(message.accountId, message.identityId);
  const person = { name: account.displayName, address: account.email };
  const envelope = envelopeFor(identity, person);
  const recipients = recipientsOf(message);
  if (recipients.length === 0) throw new AppError('invalidInput', 'The message has no recipients');
  const attachments = await resolveAttachments(message.attachments, ctx.inFolder);
  const messageId = newMessageId(envelope.from.address);
  const now = Date.now();
  const built = await buildOutgoing({ message, from: envelope.from, sender: envelope.sender, author: person, messageId, date: new Date(now), attachments });
  return {
    message,
    wire: built.wire,
    copy: built.copy,
    record: {
      envelope: { from: envelope.envelopeFrom, to: recipients.map((r) => r.address) },
      identity: { id: identity.id, kind: identity.kind, mailboxId: identity.mailboxId, sentCopies: identity.sentCopies },
      item: {
        id: message.id,
        accountId: message.accountId as AccountId,
        identityId: identity.id,
        from: envelope.from,
        sender: envelope.sender,
        recipients,
        subject: message.subject,
        messageId,
        state: 'waiting',
        createdAt: now,
        sendAt: now + delaySeconds * 1000,
        attempts: 0,
        nextAttemptAt: null,
        error: null,
        sentCopies: [],
        copyFellBackToOwn: false,
        sentAt: null,
      },
    },
  };
}
