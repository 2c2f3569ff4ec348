/**
 * A fetched row as the contract's MessageSummary. Pure.
 */
import type { AccountId, Address, MessageSummary } from '../../../shared/model';
import type { FetchedSummary } from '../imap/types';
import { attachmentNames, hasAttachments } from '../mail/bodyStructure';

export function toSummary(accountId: AccountId, folderPath: string, row: FetchedSummary, snippet: string): MessageSummary {
  const env = row.envelope;
  const received = row.internalDate ?? env?.date ?? 0;
  const from = env?.from ?? [];
  const sender = env?.sender ?? [];
  const summary: MessageSummary = {
    accountId,
    folderPath,
    uid: row.uid,
    messageId: env?.messageId ?? null,
    inReplyTo: env?.inReplyTo ?? null,
    subject: env?.subject ?? '',
    from,
    to: env?.to ?? [],
    cc: env?.cc ?? [],
    // The ENVELOPE repeats From as Sender when there is no Sender header (RFC 9051 §7.5.2).
    sender: sameAddresses(sender, from) ? [] : sender,
    date: env?.date ?? received,
    receivedAt: received,
    flags: row.flags,
    size: row.size,
    hasAttachments: row.bodyStructure ? hasAttachments(row.bodyStructure) : false,
    snippet,
    modseq: row.modseq,
  };
  // Only when there are any: most mail starts a conversation, and an absent field costs no bytes.
  if (row.references && row.references.length > 0) summary.references = row.references;
  // Issue #13 §3: from the BODYSTRUCTURE the FETCH brought anyway, no extra round trip.
  const names = row.bodyStructure ? attachmentNames(row.bodyStructure) : [];
  if (names.length > 0) summary.attachmentNames = names;
  return summary;
}

function sameAddresses(a: readonly Address[], b: readonly Address[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => x.address.toLowerCase() === (b[i] as Address).address.toLowerCase());
}
