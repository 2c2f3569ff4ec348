/**
 * Moving and copying messages and managing folders on an imapflow client (issue #12 §2, §6), as
 * raw commands: imapflow's messageMove/messageCopy/mailboxCreate answer `false` on a NO and drop
 * its response code, and a task must tell `[TRYCREATE]` (the target is gone, RFC 9051 §7.1) from
 * `[NOPERM]` or `[OVERQUOTA]` (RFC 5530) and say the server's words. ImapFlowSession and
 * FlowFolder expose these through imap/types.ts.
 */
import type { ImapFlow } from 'imapflow';
import { compressUids } from '../../../shared/uidSet';
import { expectOk, hasCapability, mailboxArg, responseCode, runCommand, type CommandArg } from './ext/rawCommand';
import type { UidMap } from './types';
import { ImapCommandError } from './imapErrors';

/**
 * `UID MOVE` (RFC 6851) of `uids` from the selected folder, or where MOVE is missing `UID COPY`,
 * `UID STORE +FLAGS.SILENT (\Deleted)` and `UID EXPUNGE` of exactly those UIDs (RFC 4315 §2.1),
 * never a plain EXPUNGE that would take other members' \Deleted messages too. One command for
 * any number of UIDs: the set is compressed (`1:10000`). Returns COPYUID's old → new UIDs
 * (RFC 4315 §3), or null when the server sent none. A NO throws ImapExtError('refused') with its
 * code (`TRYCREATE`, `NOPERM`, …).
 */
export async function uidMove(client: ImapFlow, uids: readonly number[], destination: string): Promise<UidMap | null> {
  if (uids.length === 0) return new Map();
  if (!hasCapability(client, 'MOVE')) {
    const map = await uidCopy(client, uids, destination);
    await expungeUids(client, uids, `Removing the moved messages after copying them to ${destination}`);
    return map;
  }
  return copyOrMove(client, 'UID MOVE', uids, destination);
}

/** `UID COPY` (RFC 9051 §6.4.8) into `destination`; COPYUID's map or null, like uidMove. */
export function uidCopy(client: ImapFlow, uids: readonly number[], destination: string): Promise<UidMap | null> {
  if (uids.length === 0) return Promise.resolve(new Map());
  return copyOrMove(client, 'UID COPY', uids, destination);
}

async function copyOrMove(client: ImapFlow, command: 'UID MOVE' | 'UID COPY', uids: readonly number[], destination: string): Promise<UidMap | null> {
  const result = await runCommand(client, command, [{ type: 'SEQUENCE', value: compressUids(uids) }, mailboxArg(client, destination)], {
    // MOVE sends COPYUID in an untagged OK before the expunges (RFC 6851 §4.3); COPY in the tagged OK.
    untagged: { OK: ({ attributes }) => copyUid(responseCode({ attributes })) },
  });
  expectOk(result, `${command === 'UID MOVE' ? 'Moving' : 'Copying'} messages to ${destination}`);
  return copyUid(result) ?? result.untagged.OK[0] ?? null;
}

/** \Deleted then UID EXPUNGE of exactly `uids` (UIDPLUS, RFC 4315 §2.1). */
export async function expungeUids(client: ImapFlow, uids: readonly number[], what: string): Promise<void> {
  if (!hasCapability(client, 'UIDPLUS')) {
    // Without UID EXPUNGE only a plain EXPUNGE remains, which removes every \Deleted message of
    // the folder (others' too): refuse rather than take what is not ours.
    expectOk({ status: 'NO', codeArgs: [], text: 'the server cannot remove single messages (no UIDPLUS, RFC 4315)', untagged: {} }, what);
  }
  const set = { type: 'SEQUENCE' as const, value: compressUids(uids) };
  expectOk(await runCommand(client, 'UID STORE', [set, { type: 'ATOM', value: '+FLAGS.SILENT' }, [{ type: 'ATOM', value: '\\Deleted' }]]), what);
  expectOk(await runCommand(client, 'UID EXPUNGE', [set]), what);
}

/** COPYUID <uidvalidity> <source-set> <dest-set> (RFC 4315 §3) as old → new; undefined if absent or malformed. */
function copyUid(answer: { code?: string; codeArgs: string[] }): UidMap | undefined {
  if (answer.code !== 'COPYUID' || answer.codeArgs.length < 3) return undefined;
  const from = expandInOrder(answer.codeArgs[1]!);
  const to = expandInOrder(answer.codeArgs[2]!);
  // The sets pair by position; a malformed or unequal pair would put UIDs on the wrong messages.
  if (!from || !to || from.length !== to.length) return undefined;
  return new Map(from.map((uid, i) => [uid, to[i]!]));
}

/** `3:5,9` → [3, 4, 5, 9], keeping the parts' order (the pairing is positional). */
export function expandInOrder(set: string): number[] | null {
  const out: number[] = [];
  for (const part of set.split(',')) {
    const match = /^(\d{1,10})(?::(\d{1,10}))?$/.exec(part);
    if (!match) return null;
    const a = Number(match[1]);
    const b = match[2] === undefined ? a : Number(match[2]);
    if (Math.abs(b - a) > 1_000_000) return null;
    if (a <= b) for (let uid = a; uid <= b; uid++) out.push(uid);
    else for (let uid = b; uid <= a; uid++) out.push(uid);
  }
  return out;
}

/** `UID SEARCH UNSEEN` (RFC 9051 §6.4.4) in the selected folder, ascending. */
export async function unseenUids(client: ImapFlow): Promise<number[]> {
  const result = await client.search({ seen: false }, { uid: true });
  if (!Array.isArray(result)) throw new ImapCommandError('searchFailed', 'UID SEARCH UNSEEN failed');
  return [...result].sort((a, b) => a - b);
}

/**
 * CREATE (RFC 9051 §6.3.4); with `specialUse` (`\Archive`, `\Junk`, …) and CREATE-SPECIAL-USE
 * offered, `CREATE name (USE (\Archive))` (RFC 6154 §3) so every client knows the folder's role.
 */
export async function createMailbox(client: ImapFlow, path: string, specialUse?: string): Promise<void> {
  const args: CommandArg[] = [mailboxArg(client, path)];
  if (specialUse && hasCapability(client, 'CREATE-SPECIAL-USE')) args.push([{ type: 'ATOM', value: 'USE' }, [{ type: 'ATOM', value: specialUse }]]);
  expectOk(await runCommand(client, 'CREATE', args), `Creating ${path}`);
}

/** RENAME (RFC 9051 §6.3.6). */
export async function renameMailbox(client: ImapFlow, from: string, to: string): Promise<void> {
  expectOk(await runCommand(client, 'RENAME', [mailboxArg(client, from), mailboxArg(client, to)]), `Renaming ${from}`);
}

/** DELETE (RFC 9051 §6.3.5). The caller leaves the folder first if it is selected (ImapFlowSession). */
export async function deleteMailbox(client: ImapFlow, path: string): Promise<void> {
  expectOk(await runCommand(client, 'DELETE', [mailboxArg(client, path)]), `Deleting ${path}`);
}
