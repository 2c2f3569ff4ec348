/**
 * Conditional STORE (RFC 7162 §3.1.3): change flags only if nobody changed the message since
 * the mod-sequence we saw — the compare-and-swap behind shared-calendar updates. The server
 * answers OK either way and lists the messages it did NOT change in `[MODIFIED <set>]`;
 * imapflow's messageFlagsAdd reports success even then, so we read the code ourselves.
 */
import type { ImapFlow } from 'imapflow';
import { expectOk, requireCapability, runCommand, type CommandArg } from './rawCommand';
import { ImapExtError, expandSequenceSet } from './imapValues';

export type ConditionalStoreResult = { ok: true } | { ok: false; modified: number[] };

export interface ConditionalStoreOptions {
  /** +FLAGS (default), -FLAGS or FLAGS (replace). */
  action?: 'add' | 'remove' | 'set';
  /** Refuse to run unless this folder is the one selected (a shared connection moves on). */
  path?: string;
}

/** flag / flag-keyword (RFC 9051 §9): an optional backslash, then printable ASCII atom characters. */
const FLAG = /^\\?[!#$&'+,\-./0-9:;<=>?@A-Z[^_`a-z|}~]+$/;

/** Checks and normalizes a mod-sequence (RFC 7162 §3.1.1: 1 … 2^63-1; 0 is allowed here). */
export function modseqArg(modseq: string | bigint | number): string {
  const text = typeof modseq === 'number' ? (Number.isSafeInteger(modseq) ? String(modseq) : '') : String(modseq);
  if (!/^\d{1,19}$/.test(text) || BigInt(text) > 2n ** 63n - 1n) throw new ImapExtError('invalidArgument', `Not a mod-sequence: ${String(modseq)}`);
  return BigInt(text).toString();
}

/** Whether `uid` is among the messages a `[MODIFIED …]` code lists. */
export function conditionalStoreOutcome(uid: number, code: string | undefined, codeArgs: string[]): ConditionalStoreResult {
  if (code !== 'MODIFIED') return { ok: true };
  const modified = expandSequenceSet(codeArgs[0] ?? '');
  return modified.includes(uid) ? { ok: false, modified } : { ok: true };
}

/**
 * `UID STORE <uid> (UNCHANGEDSINCE <modseq>) ±FLAGS (<flags>)` on the selected folder.
 * Needs CONDSTORE and a selected folder; a NO/BAD throws ImapExtError.
 */
export async function storeUnchangedSince(
  client: ImapFlow,
  uid: number,
  modseq: string | bigint | number,
  flags: readonly string[],
  options: ConditionalStoreOptions = {},
): Promise<ConditionalStoreResult> {
  requireCapability(client, 'CONDSTORE', 'conditional flag changes');
  if (!Number.isSafeInteger(uid) || uid < 1 || uid > 0xffffffff) throw new ImapExtError('invalidArgument', `Not a UID: ${uid}`);
  for (const flag of flags) if (!FLAG.test(flag)) throw new ImapExtError('invalidArgument', `Not a flag or keyword: ${JSON.stringify(flag)}`);
  const selected = client.mailbox;
  if (!selected) throw new ImapExtError('invalidArgument', 'A conditional STORE needs a selected folder');
  if (options.path !== undefined && selected.path !== options.path) {
    throw new ImapExtError('invalidArgument', `${options.path} is not the selected folder (${selected.path} is)`);
  }
  const item = { add: '+FLAGS', remove: '-FLAGS', set: 'FLAGS' }[options.action ?? 'add'];
  const atom = (value: string): CommandArg => ({ type: 'ATOM', value });
  const result = expectOk(
    await runCommand(client, 'UID STORE', [{ type: 'SEQUENCE', value: String(uid) }, [atom('UNCHANGEDSINCE'), atom(modseqArg(modseq))], atom(item), flags.map(atom)]),
    `Changing flags of message ${uid} in ${selected.path}`,
  );
  return conditionalStoreOutcome(uid, result.code, result.codeArgs);
}
