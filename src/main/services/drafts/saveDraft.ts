/**
 * drafts.save (issue #4 §1): main's local copy first, then the Drafts folder of the mailbox the
 * message is sent from — the person's own when they may not write there (RFC 4314 `i`, or the
 * server's NO) — and only then the previous server copy removed, so there is always one.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { DraftSaveResult, Identity, OutgoingMessage } from '../../../shared/model/compose';
import { resolveAttachments } from '../compose/attachments';
import { folderWithRole, mayInsert, ownMailbox, type MailDirectory } from '../compose/directory';
import type { ServicesContext } from '../context';
import { toAppError } from '../imap/imapErrors';
import { messageStore } from '../imap/storeOps';
import { isRefusal } from '../outbox/sentCopies';
import { buildDraft } from '../smtp/mimeBuild';
import type { DraftFile, ServerCopy } from './DraftStore';

/** What saving, opening and discarding drafts use. */
export type DraftDeps = Pick<ServicesContext, 'accounts' | 'drafts' | 'identities' | 'inFolder' | 'log' | 'ops' | 'password' | 'touched'>;

interface Target {
  mailboxId: string;
  folderPath: string;
}

/** Where the draft goes: the identity's mailbox's Drafts when writable, else the own Drafts. */
export function draftTarget(directory: MailDirectory, identity: Pick<Identity, 'mailboxId'>): { preferred: Target | null; own: Target | null } {
  const own = ownMailbox(directory);
  const ownDrafts = own ? folderWithRole(directory, own.id, 'drafts') : null;
  const ownTarget = own && ownDrafts ? { mailboxId: own.id, folderPath: ownDrafts.path } : null;
  const drafts = folderWithRole(directory, identity.mailboxId, 'drafts');
  const preferred = drafts && mayInsert(drafts) ? { mailboxId: identity.mailboxId, folderPath: drafts.path } : null;
  return { preferred, own: ownTarget };
}

/**
 * The whole save is one turn of the draft's id (DraftStore.withDraft): a send of the same
 * message waits for it and then knows the server copy it left; a save that comes after the
 * send is refused (DraftSentError, issue #10 §7) before anything is written.
 */
export function saveDraft(ctx: DraftDeps, message: OutgoingMessage): Promise<DraftSaveResult> {
  return ctx.drafts.withDraft(message.id, (file) => saveInTurn(ctx, file, message));
}

async function saveInTurn(ctx: DraftDeps, file: DraftFile, message: OutgoingMessage): Promise<DraftSaveResult> {
  // A composer still open for a removed account writes nothing back (issue #10 §6): accountNotFound.
  await ctx.accounts.get(message.accountId);
  const local = await file.put(message);
  const previous = [message.draft, local.server].filter((d): d is { folderPath: string; uid: number } => d !== null);
  try {
    const server = await saveOnServer(ctx, message);
    await file.put(message, server.copy);
    // The new copy is safe; an old one that cannot be removed now is only a duplicate.
    await removeCopies(ctx, message.accountId, previous.filter((p) => p.folderPath !== server.copy.folderPath || p.uid !== server.copy.uid)).catch(
      (error: unknown) => ctx.log('warn', `drafts: an old copy of ${message.id} stays: ${error instanceof Error ? error.message : String(error)}`),
    );
    ctx.touched(message.accountId, [server.copy.folderPath, ...previous.map((p) => p.folderPath)]);
    return { savedLocally: true, server: server.copy, fellBackToOwn: server.fellBack, error: null };
  } catch (error) {
    const account = await ctx.accounts.get(message.accountId).catch(() => null);
    const mapped = toAppError(error, account?.imap.host ?? '', await ctx.password(message.accountId), ctx.log);
    const appError = mapped instanceof AppError ? mapped : new AppError('internal', 'The draft could not be saved on the server');
    if (!(mapped instanceof AppError)) ctx.log('error', `drafts: saving ${message.id} failed`, error);
    return { savedLocally: true, server: null, fellBackToOwn: false, error: { code: appError.code, message: appError.message } };
  }
}

async function saveOnServer(ctx: DraftDeps, message: OutgoingMessage): Promise<{ copy: ServerCopy; fellBack: boolean }> {
  const account = await ctx.accounts.get(message.accountId);
  const identity = await ctx.identities.identity(message.accountId, message.identityId);
  const person = { name: account.displayName, address: account.email };
  const onBehalf = identity.sendMode === 'onBehalf' && identity.address.toLowerCase() !== person.address.toLowerCase();
  const directory = await ctx.identities.directory(message.accountId);
  const { preferred, own } = draftTarget(directory, identity);
  if (!own && !preferred) throw new AppError('serverRefused', `${account.email} has no Drafts folder`);
  const raw = await buildDraft({
    message,
    from: { name: identity.displayName, address: identity.address },
    sender: onBehalf ? person : null,
    author: person,
    messageId: `<${randomBytes(18).toString('base64url')}@${identity.address.slice(identity.address.lastIndexOf('@') + 1)}>`,
    date: new Date(),
    attachments: await resolveAttachments(message.attachments, ctx.inFolder),
  });
  const first = preferred ?? own!;
  const fellBackUpFront = preferred === null && identity.mailboxId !== own?.mailboxId;
  const tried = await append(ctx, message.accountId, first, raw);
  if (tried) return { copy: tried, fellBack: fellBackUpFront };
  if (!own || first.folderPath === own.folderPath) throw new AppError('serverRefused', `${first.folderPath} refused the draft`);
  const fallback = await append(ctx, message.accountId, own, raw);
  if (!fallback) throw new AppError('serverRefused', `${own.folderPath} refused the draft`);
  return { copy: fallback, fellBack: true };
}

/** APPEND with \Draft \Seen (RFC 9051 §2.3.2); null when the server said NO. */
async function append(ctx: DraftDeps, accountId: string, target: Target, raw: Buffer): Promise<ServerCopy | null> {
  return ctx.ops.use(accountId, async (session) => {
    try {
      const { uid } = await messageStore(session).append(target.folderPath, raw, ['\\Draft', '\\Seen']);
      if (uid === null) throw new AppError('unsupported', 'The server did not say where it stored the draft (no UIDPLUS, RFC 4315)');
      return { folderPath: target.folderPath, uid, mailboxId: target.mailboxId };
    } catch (error) {
      if (isRefusal(error)) return null;
      throw error;
    }
  });
}

/** \Deleted + UID EXPUNGE (RFC 4315 §2.1) of old copies; one already gone is fine. */
export async function removeCopies(ctx: DraftDeps, accountId: string, copies: readonly { folderPath: string; uid: number }[]): Promise<void> {
  for (const copy of copies) {
    try {
      await ctx.ops.use(accountId, (session) => session.inFolder(copy.folderPath, (folder) => folder.deleteUids([copy.uid]), { fresh: false }));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      ctx.log('warn', `drafts: removing ${copy.uid} from ${copy.folderPath} was refused`);
    }
  }
}
