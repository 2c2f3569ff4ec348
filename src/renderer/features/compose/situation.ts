/**
 * The From picker's situation (shared/compose/chooseFrom) from what the person is looking at:
 * the composer's intent, the account, the mailbox selected in the tree, and for a reply or
 * forward the original's mailbox, conversation and the addresses it was sent to.
 */
import { conversationKey, type FromSituation } from '../../../shared/compose';
import type { MessageBody } from '../../../shared/model';
import type { ComposeIntent, OutgoingMessage } from '../../../shared/model/compose';

export interface SituationInput {
  intent: ComposeIntent;
  accountId: string;
  /** The mailbox of the folder selected in the tree; null in a unified view or the Outbox. */
  selectedMailboxId: string | null;
  /** Reply/forward: the mailbox the original lives in (its folder's mailboxId) and its headers. */
  original: { mailboxId: string; headers: MessageBody['headers'] } | null;
}

export function buildSituation({ intent, accountId, selectedMailboxId, original }: SituationInput): FromSituation {
  return {
    intent,
    accountId,
    selectedMailboxId,
    original: original && {
      mailboxId: original.mailboxId,
      conversationKey: conversationKey(original.headers),
      // Issue #4 §3: To, Cc, Delivered-To / X-Original-To, in that order (the first match wins).
      recipients: [...original.headers.to, ...original.headers.cc].map((a) => a.address).concat(original.headers.deliveredTo),
    },
  };
}

/**
 * The situation of a message reopened from a draft, the outbox or after a crash. Its own
 * References start with the conversation's first Message-ID, so its conversation key is the
 * original's (see conversationKey); the original's recipients are no longer known, which only
 * matters for the rules' own pick, not for a remembered choice.
 */
export function reopenedSituation(message: OutgoingMessage, originMailboxId: string | null, selectedMailboxId: string | null): FromSituation {
  const origin = message.origin;
  if (!origin || origin.intent === 'new' || originMailboxId === null) {
    return { intent: 'new', accountId: message.accountId, selectedMailboxId, original: null };
  }
  return {
    intent: origin.intent,
    accountId: message.accountId,
    selectedMailboxId,
    original: {
      mailboxId: originMailboxId,
      conversationKey: message.references.length > 0 || message.inReplyTo ? conversationKey({ messageId: null, ...message }) : null,
      recipients: [],
    },
  };
}
