/**
 * Writes the deletion record for messages just moved into a shared mailbox's Trash (issue #12
 * §7). Called after the MOVE, because only COPYUID names the messages' UIDs in Trash (RFC 4315
 * §3); a record that cannot be written (no `k` on Trash to make the folder, quota) is logged and
 * the delete stands — the messages are in Trash either way, only the "who" is missing.
 */
import { randomBytes } from 'node:crypto';
import type { Address, Mailbox } from '../../../shared/model';
import type { FetchedSummary, ImapSession } from '../imap/types';
import { buildNotice } from '../smtp/mimeBuild';
import { LISTED_MESSAGES, recordBody, recordHeaders, recordSubject, type DeletionFacts } from './recordFormat';
import { appendRecord, recordsPath } from './records';

export interface RecordInput {
  mailbox: Pick<Mailbox, 'address' | 'displayName' | 'prefix'>;
  by: Address;
  sourcePath: string;
  trashPath: string;
  delimiter: string;
  trashUids: readonly number[];
  /** Summaries of the first messages (at most LISTED_MESSAGES), fetched before the move. */
  summaries: readonly FetchedSummary[];
  now: number;
}

/** The folder relative to its mailbox (`INBOX`), as every member's client can place it again. */
export function relativeFolder(prefix: string, path: string): string {
  return prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** A folder's name for the readable body: "Inbox" for the INBOX, else its last segment. */
export function readableFolderName(relative: string, delimiter: string): string {
  if (relative.toUpperCase() === 'INBOX') return 'Inbox';
  return (delimiter ? relative.split(delimiter).pop() : relative) || relative;
}

/** What the record says, from the task's facts and Trash's UIDVALIDITY. Pure. */
export function factsOf(input: RecordInput, trashUidValidity: number): DeletionFacts {
  const fromFolder = relativeFolder(input.mailbox.prefix, input.sourcePath);
  return {
    by: input.by,
    at: input.now,
    fromFolder,
    fromFolderName: readableFolderName(fromFolder, input.delimiter),
    mailboxAddress: input.mailbox.address,
    trashUidValidity,
    trashUids: input.trashUids,
    messages: input.summaries.slice(0, LISTED_MESSAGES).map((s) => ({
      subject: s.envelope?.subject ?? '',
      from: s.envelope?.from[0] ? `${s.envelope.from[0].name} <${s.envelope.from[0].address}>`.trim() : '',
      date: s.envelope?.date ?? null,
    })),
  };
}

/** The record as a message (nodemailer's MailComposer through smtp/mimeBuild.ts). */
export function buildRecord(facts: DeletionFacts, input: { by: Address; mailbox: Pick<Mailbox, 'address' | 'displayName'> }): Promise<Buffer> {
  return buildNotice({
    from: input.by,
    to: { name: input.mailbox.displayName, address: input.mailbox.address },
    subject: recordSubject(facts),
    messageId: `<${randomBytes(18).toString('base64url')}@postvak.invalid>`,
    date: new Date(facts.at),
    text: recordBody(facts),
    headers: recordHeaders(facts),
  });
}

/** Trash's UIDVALIDITY (SELECT), then the record APPENDed; the refusal in words, or null. */
export async function writeRecord(session: ImapSession, input: RecordInput): Promise<string | null> {
  const trashUidValidity = await session.inFolder(input.trashPath, async (folder) => folder.snapshot.uidValidity, { fresh: true });
  const raw = await buildRecord(factsOf(input, trashUidValidity), input);
  const written = await appendRecord(session, recordsPath(input.trashPath, input.delimiter), raw);
  return written.ok ? null : written.reason;
}
