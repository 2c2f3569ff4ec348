/**
 * METADATA (RFC 5464): per-folder annotations such as `/shared/vendor/kolab/folder-type`,
 * which marks a folder as a calendar. `/shared/` values are seen by every member, `/private/`
 * values only by the member who set them (§3.2).
 */
import type { ImapFlow } from 'imapflow';
import { expectOk, mailboxArg, mailboxFromWire, requireCapability, runCommand, type CommandArg } from './rawCommand';
import { ImapExtError, isList, nstring, protocolError, tokenText, type ImapAttribute } from './imapValues';

/** folder path ('' = the server itself) → entry name → value (`null` = not set). */
export type MetadataMap = Map<string, Map<string, string | null>>;

const atom = (value: string): CommandArg => ({ type: 'ATOM', value });

/**
 * Entry names (RFC 5464 §3.2): /private or /shared, then segments; no `*` or `%`, no empty
 * segment or trailing slash, printable ASCII.
 */
export function checkEntryName(entry: string): void {
  if (!/^\/(private|shared)(\/[\x21-\x24\x26-\x29\x2b-\x2e\x30-\x7e]+)*$/i.test(entry)) {
    throw new ImapExtError('invalidArgument', `Not a metadata entry name: ${JSON.stringify(entry)}`);
  }
}

/**
 * `* METADATA <mailbox> (<entry> <value> …)` (RFC 5464 §4.4.1). The unsolicited form without
 * values (§4.4.2, a change notice) yields no entries.
 */
export function parseMetadataResponse(attributes: ImapAttribute[]): { mailbox: string; entries: [string, string | null][] } {
  if (attributes.length < 2) throw protocolError('METADATA mailbox (entry value …)', attributes);
  const mailbox = tokenText(attributes[0]);
  const list = attributes[1];
  if (!isList(list)) return { mailbox, entries: [] };
  if (list.length % 2 !== 0) throw protocolError('entry/value pairs', list);
  const entries: [string, string | null][] = [];
  // Values come as quoted strings or literals (Dovecot always sends literals), or NIL.
  for (let i = 0; i < list.length; i += 2) entries.push([tokenText(list[i]), nstring(list[i + 1])]);
  return { mailbox, entries };
}

export interface GetMetadataOptions {
  /** MAXSIZE (§4.2.1): leave out larger values; the server reports them in `longEntries`. */
  maxSize?: number;
  /** DEPTH (§4.2.2): '0' (default), '1' or 'infinity' for the entries below each name. */
  depth?: '0' | '1' | 'infinity';
}

/**
 * `GETMETADATA` for one folder, '' (server entries) or — a Dovecot extension, not in RFC 5464 —
 * a pattern such as '*' that Dovecot answers per folder. Folders that have none of the
 * entries are listed with `null` values where the server says so.
 */
export async function getMetadata(
  client: ImapFlow,
  mailbox: string,
  entries: readonly string[],
  options: GetMetadataOptions = {},
): Promise<{ values: MetadataMap; longEntries: number | null }> {
  requireCapability(client, 'METADATA', 'folder annotations');
  if (!entries.length) throw new ImapExtError('invalidArgument', 'GETMETADATA needs at least one entry name');
  entries.forEach(checkEntryName);
  const opts: CommandArg[] = [];
  if (options.maxSize !== undefined) opts.push(atom('MAXSIZE'), atom(String(Math.max(0, Math.floor(options.maxSize)))));
  if (options.depth !== undefined) opts.push(atom('DEPTH'), atom(options.depth));
  const result = expectOk(
    await runCommand(client, 'GETMETADATA', [...(opts.length ? [opts] : []), mailbox === '*' || mailbox === '' ? mailbox : mailboxArg(client, mailbox), entries.map(atom)], {
      untagged: { METADATA: (r) => parseMetadataResponse(r.attributes) },
    }),
    `Reading folder annotations of ${mailbox || 'the server'}`,
  );
  const values: MetadataMap = new Map();
  for (const { mailbox: raw, entries: pairs } of result.untagged.METADATA) {
    const path = raw === '' ? '' : mailboxFromWire(client, raw);
    const map = values.get(path) ?? new Map<string, string | null>();
    for (const [entry, value] of pairs) map.set(entry, value);
    values.set(path, map);
  }
  // OK [METADATA LONGENTRIES <n>] (§4.2.1): the size of the largest value left out.
  const longEntries = result.code === 'METADATA' && result.codeArgs[0]?.toUpperCase() === 'LONGENTRIES' ? Number(result.codeArgs[1]) : null;
  return { values, longEntries };
}

/**
 * `SETMETADATA` (§4.3): sets values, `null` removes the entry. Values go out as literals, so
 * any text (line breaks included) arrives unchanged. A refusal throws ImapExtError('refused')
 * with `serverCode` METADATA (MAXSIZE, TOOMANY, NOPRIVATE follow in the text) or NOPERM.
 */
export async function setMetadata(client: ImapFlow, mailbox: string, values: Record<string, string | null>): Promise<void> {
  requireCapability(client, 'METADATA', 'folder annotations');
  const pairs: CommandArg[] = [];
  for (const [entry, value] of Object.entries(values)) {
    checkEntryName(entry);
    pairs.push(atom(entry), value === null ? null : { type: 'LITERAL', value: Buffer.from(value, 'utf8') });
  }
  if (!pairs.length) throw new ImapExtError('invalidArgument', 'SETMETADATA needs at least one entry');
  expectOk(await runCommand(client, 'SETMETADATA', [mailbox === '' ? '' : mailboxArg(client, mailbox), pairs]), `Saving folder annotations of ${mailbox || 'the server'}`);
}
