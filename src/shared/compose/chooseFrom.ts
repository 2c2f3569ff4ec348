/**
 * The From picker's rules (issue #4 §3): a reply to a message in info@ goes out from info@
 * without anyone thinking about it, and when the person overrides the choice, the override is
 * remembered for the same situation (per conversation for replies, per mailbox for new mail).
 */
import type { ComposeIntent, Identity } from '../model/compose';
import { sendableIdentities } from './identities';

export interface FromSituation {
  intent: ComposeIntent;
  /** The account the composer was opened from (the selected mailbox's account, the original's account, or the first account). */
  accountId: string;
  /** New message: the mailbox selected in the folder tree (a mailbox or one of its folders); null in unified views. */
  selectedMailboxId: string | null;
  /** Reply/forward: the original message. To, Cc, Delivered-To, X-Original-To addresses in that order. */
  original: { mailboxId: string; conversationKey: string | null; recipients: string[] } | null;
}

/** The person's overrides: situation key → identity id. Plain data, persisted as JSON. */
export interface FromMemory {
  conversations: Record<string, string>;
  mailboxes: Record<string, string>;
}

export type FromReason = 'rememberedConversation' | 'rememberedMailbox' | 'originalMailbox' | 'addressedTo' | 'selectedMailbox' | 'own';

export interface FromChoice {
  identityId: string;
  reason: FromReason;
  /**
   * What the rules alone pick, without the person's remembered overrides. Pass it to
   * rememberFrom so that going back to it forgets the override instead of storing it.
   */
  ruleIdentityId?: string;
}

const lower = (address: string): string => address.trim().toLowerCase();

export function emptyFromMemory(): FromMemory {
  return { conversations: {}, mailboxes: {} };
}

/** Reply, reply all, forward (inline or as attachment): anything with an original. */
const answersOriginal = (situation: FromSituation): boolean => situation.intent !== 'new' && situation.original !== null;

/** The shared identity of a mailbox (whether or not it may send); null when the mailbox is no shared one. */
function sharedIdentityOf(identities: Identity[], mailboxId: string | null): Identity | null {
  if (mailboxId === null) return null;
  return identities.find((i) => i.kind === 'shared' && i.mailboxId === mailboxId) ?? null;
}

/** The shared mailbox the situation lives in: the original's, or the one a new message was started in. */
function sharedContext(identities: Identity[], situation: FromSituation): Identity | null {
  if (answersOriginal(situation)) return sharedIdentityOf(identities, situation.original?.mailboxId ?? null);
  if (situation.intent === 'new') return sharedIdentityOf(identities, situation.selectedMailboxId);
  return null;
}

/** Rules 3 to 6 of the priority (see chooseFrom), over sendable candidates only. */
function chooseByRules(candidates: Identity[], identities: Identity[], situation: FromSituation): FromChoice | null {
  const sendable = (identity: Identity | null): Identity | null =>
    identity && candidates.some((c) => c.id === identity.id) ? identity : null;
  const original = answersOriginal(situation) ? situation.original : null;

  if (original) {
    const shared = sharedIdentityOf(identities, original.mailboxId);
    const fromShared = sendable(shared);
    if (fromShared) return { identityId: fromShared.id, reason: 'originalMailbox' };
    if (!shared) {
      // In the person's own mailbox: mail sent to one of their shared addresses or aliases is
      // answered from that address; the first recipient wins (To before Cc before Delivered-To).
      for (const recipient of original.recipients) {
        const match = candidates.find(
          (c) => c.kind !== 'own' && c.accountId === situation.accountId && lower(c.address) === lower(recipient),
        );
        if (match) return { identityId: match.id, reason: 'addressedTo' };
      }
    }
  }
  if (situation.intent === 'new') {
    const selected = sendable(sharedIdentityOf(identities, situation.selectedMailboxId));
    if (selected) return { identityId: selected.id, reason: 'selectedMailbox' };
  }
  const own = candidates.find((c) => c.kind === 'own' && c.accountId === situation.accountId) ?? candidates[0];
  return own ? { identityId: own.id, reason: 'own' } : null;
}

/**
 * Picks the From identity. Only sendable identities are candidates; null when none can send.
 * Priority: (1) the override remembered for this conversation; (2) for a new message, the
 * override remembered for the selected mailbox; (3) a reply/forward of a message in a shared
 * mailbox → that mailbox; (4) a reply/forward in the own mailbox of mail addressed to one of
 * the account's shared addresses or aliases → that address; (5) a new message in a shared
 * mailbox → that mailbox; (6) the account's own address, else the first sendable identity.
 * Addresses are compared case-insensitively.
 */
export function chooseFrom(identities: Identity[], situation: FromSituation, memory: FromMemory): FromChoice | null {
  const candidates = sendableIdentities(identities);
  const byRules = chooseByRules(candidates, identities, situation);
  if (!byRules) return null;
  const remembered = (id: string | undefined): boolean => id !== undefined && candidates.some((c) => c.id === id);

  const key = answersOriginal(situation) ? situation.original?.conversationKey : null;
  if (key) {
    const id = memory.conversations[key];
    if (id !== undefined && remembered(id)) return { identityId: id, reason: 'rememberedConversation', ruleIdentityId: byRules.identityId };
  }
  if (situation.intent === 'new' && situation.selectedMailboxId !== null) {
    const id = memory.mailboxes[situation.selectedMailboxId];
    if (id !== undefined && remembered(id)) return { identityId: id, reason: 'rememberedMailbox', ruleIdentityId: byRules.identityId };
  }
  return { ...byRules, ruleIdentityId: byRules.identityId };
}

/**
 * After sending: records the person's override for this situation, or forgets it when they
 * went back. Reply/forward → memory.conversations[conversationKey] (when there is a key); a
 * new message with a selected mailbox → memory.mailboxes[mailboxId]; otherwise nothing.
 *
 * `suggestedIdentityId` is what the picker preselected (chooseFrom's identityId). When the
 * rules' own pick is known (chooseFrom's `ruleIdentityId`), choosing it forgets the override
 * and anything else is remembered. Without it: a choice other than the suggestion is
 * remembered; keeping the suggestion keeps a remembered override it came from, and forgets a
 * stale one (e.g. an identity that may no longer send). Returns a new object.
 */
export function rememberFrom(
  memory: FromMemory,
  situation: FromSituation,
  suggestedIdentityId: string,
  chosenIdentityId: string,
  ruleIdentityId?: string,
): FromMemory {
  const next: FromMemory = { conversations: { ...memory.conversations }, mailboxes: { ...memory.mailboxes } };
  let table: Record<string, string>;
  let key: string;
  const conversationKey = answersOriginal(situation) ? situation.original?.conversationKey : null;
  if (conversationKey) {
    table = next.conversations;
    key = conversationKey;
  } else if (situation.intent === 'new' && situation.selectedMailboxId !== null) {
    table = next.mailboxes;
    key = situation.selectedMailboxId;
  } else {
    return next;
  }
  const keep =
    ruleIdentityId !== undefined
      ? chosenIdentityId !== ruleIdentityId
      : chosenIdentityId !== suggestedIdentityId || table[key] === chosenIdentityId;
  if (keep) table[key] = chosenIdentityId;
  else delete table[key];
  return next;
}

/**
 * "This reply will come from alice@…, not info@…. Send anyway?" (issue #4 §3): non-null when
 * the chosen identity is the person's own or an alias while the situation is a shared
 * mailbox's (the original lives there, or a new message was started there) and that
 * mailbox's identity could have sent it. Returns the two addresses for the question.
 */
export function sharedContextWarning(
  identities: Identity[],
  situation: FromSituation,
  chosenIdentityId: string,
): { chosen: string; shared: string } | null {
  const chosen = identities.find((i) => i.id === chosenIdentityId);
  if (!chosen || chosen.kind === 'shared') return null;
  const shared = sharedContext(identities, situation);
  if (!shared || shared.sendMode === 'none') return null;
  return { chosen: chosen.address, shared: shared.address };
}
