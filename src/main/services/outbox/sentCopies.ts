/**
 * After the server accepted a message (issue #4 §5): where its Sent copies go, saving them
 * (never twice: each target is searched for the Message-ID first, RFC 9051 §6.4.4 HEADER), the
 * \Answered / $Forwarded flag on the message it answers, and the draft it came from removed.
 * Also the start-up question "did this uncertain message go out?" (Outbox.ts recovery).
 */
import type { OutboxItem, OutgoingMessage } from '../../../shared/model/compose';
import type { ImapSession } from '../imap/types';
import { messageStore } from '../imap/storeOps';
import { folderWithRole, mayInsert, ownMailbox, type MailDirectory } from '../compose/directory';
import type { OutboxRecord } from './OutboxStore';

export interface CopyTarget {
  mailboxId: string;
  folderPath: string;
}

export interface CopyPlan {
  copies: CopyTarget[];
  /** The own Sent, where a copy goes when a shared Sent refuses it. */
  own: CopyTarget | null;
}

/**
 * Targets per the identity's policy (issue #4 §5): a shared identity's `shared`, `own` or
 * `both`; own and alias identities always their own Sent. A shared Sent that is missing or
 * that the person may not insert into (RFC 4314 `i`) is replaced by the own one up front.
 */
export function planCopies(identity: OutboxRecord['identity'], directory: MailDirectory): CopyPlan & { fellBack: boolean } {
  const ownBox = ownMailbox(directory);
  const ownSent = ownBox ? folderWithRole(directory, ownBox.id, 'sent') : null;
  const own = ownSent && ownBox ? { mailboxId: ownBox.id, folderPath: ownSent.path } : null;
  const policy = identity.kind === 'shared' ? identity.sentCopies : 'own';
  const copies: CopyTarget[] = [];
  let fellBack = false;
  if (policy === 'shared' || policy === 'both') {
    const sharedSent = folderWithRole(directory, identity.mailboxId, 'sent');
    if (sharedSent && mayInsert(sharedSent)) copies.push({ mailboxId: identity.mailboxId, folderPath: sharedSent.path });
    else fellBack = true;
  }
  if ((policy === 'own' || policy === 'both' || fellBack) && own && !copies.some((c) => c.folderPath === own.folderPath)) copies.push(own);
  return { copies, own, fellBack };
}

/** Where a copy of `item` may already be: its planned targets, else every Sent of the plan. */
export function searchTargets(item: OutboxItem, plan: CopyPlan, sharedSent: string | null): string[] {
  const paths = new Set<string>(item.sentCopies.map((c) => c.folderPath));
  for (const copy of plan.copies) paths.add(copy.folderPath);
  if (sharedSent) paths.add(sharedSent);
  if (plan.own) paths.add(plan.own.folderPath);
  return [...paths];
}

/** Whether any of the folders holds a message with this Message-ID. */
export async function foundInAny(session: ImapSession, paths: readonly string[], messageId: string): Promise<boolean> {
  const store = messageStore(session);
  for (const path of paths) {
    if ((await store.searchHeader(path, [{ name: 'Message-ID', value: messageId }])).length > 0) return true;
  }
  return false;
}

/**
 * Saves one copy with \Seen unless the folder already holds it. Resolves `refused` when the
 * server said NO (e.g. `[NOPERM]`, RFC 4314 §4): the caller falls back to the own Sent.
 */
export async function saveCopy(session: ImapSession, folderPath: string, messageId: string, raw: Buffer): Promise<'saved' | 'refused'> {
  const store = messageStore(session);
  if ((await store.searchHeader(folderPath, [{ name: 'Message-ID', value: messageId }])).length > 0) return 'saved';
  try {
    await store.append(folderPath, raw, ['\\Seen']);
    return 'saved';
  } catch (error) {
    if (isRefusal(error)) return 'refused';
    throw error;
  }
}

/** The flag that tells the team a message was dealt with: RFC 9051 §2.3.2 \Answered, or the $Forwarded keyword (RFC 5788 registry). */
export function originFlag(message: OutgoingMessage): string | null {
  const intent = message.origin?.intent;
  if (intent === 'reply' || intent === 'replyAll') return '\\Answered';
  if (intent === 'forward' || intent === 'forwardAsAttachment') return '$Forwarded';
  return null;
}

/** A tagged NO (RFC 9051 §7.1.2): the server refused, the connection is fine. */
export function isRefusal(error: unknown): boolean {
  const e = error as { responseStatus?: unknown; code?: unknown } | null;
  return e?.responseStatus === 'NO' || e?.code === 'appendFailed' || e?.code === 'storeRefused' || e?.code === 'deleteFailed';
}
