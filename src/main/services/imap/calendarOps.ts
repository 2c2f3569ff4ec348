/**
 * Calendar folders on an imapflow client (issue #5; the facts in notes/calendar.md): Kolab
 * folder types from METADATA (RFC 5464), CREATE, and the compare-and-swap that replaces one
 * event message. ImapFlowSession exposes these as the CalendarStore of imap/types.ts.
 */
import type { ImapFlow } from 'imapflow';
import { getMetadata, setMetadata } from './ext/metadata';
import { storeUnchangedSince } from './ext/condStore';
import { expectOk, hasCapability, mailboxArg, runCommand } from './ext/rawCommand';
import { ImapExtError } from './ext/imapValues';
import { ImapCommandError } from './imapErrors';
import type { ReplaceOutcome, SourcedMessage } from './types';

export const SHARED_FOLDER_TYPE = '/shared/vendor/kolab/folder-type';
export const PRIVATE_FOLDER_TYPE = '/private/vendor/kolab/folder-type';

/** path → Kolab folder type; the private value wins (it is the member's own view, calendar.md). */
export async function kolabFolderTypes(client: ImapFlow): Promise<Map<string, string> | null> {
  if (!hasCapability(client, 'METADATA')) return null;
  // "*" is Dovecot's per-folder answer (not RFC 5464 grammar); other servers may refuse it.
  let values;
  try {
    ({ values } = await getMetadata(client, '*', [SHARED_FOLDER_TYPE, PRIVATE_FOLDER_TYPE]));
  } catch (error) {
    if (error instanceof ImapExtError && (error.code === 'refused' || error.code === 'badCommand')) return null;
    throw error;
  }
  const out = new Map<string, string>();
  for (const [path, entries] of values) {
    const type = entries.get(PRIVATE_FOLDER_TYPE) ?? entries.get(SHARED_FOLDER_TYPE) ?? null;
    if (type !== null && type.trim() !== '') out.set(path, type.trim().toLowerCase());
  }
  return out;
}

export async function createFolder(client: ImapFlow, path: string): Promise<void> {
  // imapflow's mailboxCreate hides the NO's response code; the raw command keeps [NOPERM].
  expectOk(await runCommand(client, 'CREATE', [mailboxArg(client, path)]), `Creating ${path}`);
}

export function setAnnotations(client: ImapFlow, path: string, values: Record<string, string | null>): Promise<void> {
  return setMetadata(client, path, values);
}

/**
 * The swap itself (calendar.md): STORE \Deleted UNCHANGEDSINCE the version the person opened;
 * on OK check the message is really there (a UID STORE of a missing UID answers OK too), APPEND
 * the new version, then UID EXPUNGE exactly the old one. A failed APPEND clears \Deleted again,
 * so nothing is lost.
 */
export async function replaceUnchangedSince(client: ImapFlow, path: string, old: { uid: number; modseq: string }, raw: Buffer | null): Promise<ReplaceOutcome> {
  if (!hasCapability(client, 'UIDPLUS')) throw new ImapCommandError('noUidPlus', 'The server cannot delete single messages (no UIDPLUS, RFC 4315)');
  const lock = await client.getMailboxLock(path);
  try {
    let modseq = old.modseq;
    // Messages are immutable (RFC 9051 §2.3.1.1 UIDs, §6.3.12): a newer modseq on a message
    // that is still there and not \Deleted means only its flags changed (a keyword, another
    // member's \Seen), never its event, so the swap goes on from that modseq. A rival's swap
    // sets \Deleted first, and then this one stops (RFC 7162 §3.1.3).
    for (let attempt = 0; ; attempt++) {
      const swap = await storeUnchangedSince(client, old.uid, modseq, ['\\Deleted'], { path });
      if (swap.ok) break;
      const now = await client.fetchOne(String(old.uid), { uid: true, flags: true }, { uid: true });
      if (!now || now.flags?.has('\\Deleted') || now.modseq === undefined || attempt >= 2) return { status: 'modified' };
      modseq = now.modseq.toString();
    }
    const present = await client.fetchOne(String(old.uid), { uid: true, flags: true }, { uid: true });
    if (!present || !present.flags?.has('\\Deleted')) return { status: 'missing' };
    let uid: number | null = null;
    if (raw) {
      try {
        const appended = await client.append(path, raw, []);
        if (!appended) throw new ImapCommandError('appendFailed', `The server did not store the event in ${path}`);
        uid = appended.uid ?? null;
      } catch (error) {
        await client.messageFlagsRemove(String(old.uid), ['\\Deleted'], { uid: true }).catch(() => undefined);
        throw error;
      }
    }
    // RFC 4315 §2.1: only this UID, never another member's \Deleted message in the same folder.
    expectOk(await runCommand(client, 'UID EXPUNGE', [{ type: 'SEQUENCE', value: String(old.uid) }]), `Removing the old version from ${path}`);
    return { status: 'replaced', uid };
  } finally {
    lock.release();
  }
}

/**
 * Many messages in one command: MULTIAPPEND (RFC 3502), which stores all of them or none
 * (§3), so an import costs one round trip per chunk instead of one per event. Servers without
 * it get one APPEND each.
 */
export async function appendMany(client: ImapFlow, path: string, raws: readonly Buffer[]): Promise<void> {
  if (raws.length === 0) return;
  if (!hasCapability(client, 'MULTIAPPEND')) {
    for (const raw of raws) if (!(await client.append(path, raw, []))) throw new ImapCommandError('appendFailed', `The server did not store the event in ${path}`);
    return;
  }
  const messages = raws.map((raw) => ({ type: 'LITERAL' as const, value: raw }));
  expectOk(await runCommand(client, 'APPEND', [mailboxArg(client, path), ...messages]), `Storing ${raws.length} events in ${path}`);
}

/** Exact-Subject matches (UID SEARCH HEADER is a substring match, RFC 9051 §6.4.4), newest last. */
export async function sourcesBySubject(client: ImapFlow, path: string, subject: string, maxBytes: number): Promise<SourcedMessage[]> {
  const lock = await client.getMailboxLock(path, { readOnly: true });
  try {
    const found = await client.search({ header: { subject }, deleted: false }, { uid: true });
    if (!Array.isArray(found) || found.length === 0) return [];
    // Collect first: a command sent while a FETCH is being iterated would wait for it forever.
    const matches = new Map<number, { modseq: string; flags: string[] }>();
    for await (const msg of client.fetch(found.join(','), { uid: true, flags: true, envelope: true, size: true }, { uid: true })) {
      if ((msg.envelope?.subject ?? '').trim() !== subject || (msg.size ?? 0) > maxBytes) continue;
      matches.set(msg.uid, { modseq: msg.modseq !== undefined ? msg.modseq.toString() : '0', flags: [...(msg.flags ?? [])] });
    }
    const out: SourcedMessage[] = [];
    if (matches.size === 0) return out;
    for await (const msg of client.fetch([...matches.keys()].join(','), { uid: true, source: true }, { uid: true })) {
      const facts = matches.get(msg.uid);
      if (facts && msg.source) out.push({ uid: msg.uid, ...facts, source: msg.source });
    }
    return out.sort((a, b) => a.uid - b.uid);
  } finally {
    lock.release();
  }
}
