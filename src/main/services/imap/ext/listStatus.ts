/**
 * LIST-STATUS (RFC 5819): every folder and its counters in one round trip, for cheap polling of
 * many folders (Dovecot's NOTIFY sends nothing for unselected mailboxes, see the mail-stack
 * notes). Dovecot lists a shared INBOX twice once it has a child folder; lines for the same
 * folder are merged here.
 */
import type { ImapFlow } from 'imapflow';
import { expectOk, hasCapability, mailboxArg, mailboxFromWire, requireCapability, runCommand, type CommandArg } from './rawCommand';
import { isList, modseqText, nstring, protocolError, tokenText, uint, type ImapAttribute } from './imapValues';

export interface ListedStatus {
  messages?: number;
  uidNext?: number;
  uidValidity?: number;
  unseen?: number;
  /** Decimal string (RFC 7162 §3.1.1 allows up to 2^63-1); only with CONDSTORE. */
  highestModseq?: string;
}

export interface ListedFolderStatus {
  path: string;
  /** LIST attributes (`\HasChildren`, `\Noselect`, `\Sent`, …), merged over duplicate lines. */
  flags: string[];
  /** `null` for a flat hierarchy (NIL, RFC 9051 §7.3.1). */
  delimiter: string | null;
  /** `null` where the server sent no STATUS: \Noselect / \NonExistent folders (RFC 5819 §2). */
  status: ListedStatus | null;
}

interface ListLine {
  name: string;
  flags: string[];
  delimiter: string | null;
}

/** `* LIST (<flags>) <delimiter> <name> [extended items]` (RFC 9051 §7.3.1, RFC 5258 §4). */
export function parseListLine(attributes: ImapAttribute[]): ListLine {
  const flags = attributes[0];
  if (attributes.length < 3 || !isList(flags)) throw protocolError('LIST (flags) delimiter name', attributes);
  return { flags: flags.map((f) => tokenText(f)), delimiter: nstring(attributes[1]), name: tokenText(attributes[2]) };
}

const statusKeys: Record<string, keyof ListedStatus> = {
  MESSAGES: 'messages',
  UIDNEXT: 'uidNext',
  UIDVALIDITY: 'uidValidity',
  UNSEEN: 'unseen',
  HIGHESTMODSEQ: 'highestModseq',
};

/** `* STATUS <mailbox> (<item> <number> …)` (RFC 9051 §7.3.4); unknown items are skipped. */
export function parseStatusLine(attributes: ImapAttribute[]): { name: string; status: ListedStatus } {
  const list = attributes[1];
  if (attributes.length < 2 || !isList(list) || list.length % 2 !== 0) throw protocolError('STATUS mailbox (item value …)', attributes);
  const status: ListedStatus = {};
  for (let i = 0; i < list.length; i += 2) {
    const key = statusKeys[tokenText(list[i]).toUpperCase()];
    if (key === 'highestModseq') status.highestModseq = modseqText(list[i + 1]);
    else if (key) status[key] = uint(list[i + 1], `a STATUS ${key} number`);
  }
  return { name: tokenText(attributes[0]), status };
}

/** Joins LIST lines and STATUS answers by folder; repeated lines merge their flags. */
export function mergeListStatus(lines: ListLine[], statuses: { name: string; status: ListedStatus }[], toPath: (wire: string) => string): ListedFolderStatus[] {
  const byPath = new Map<string, ListedFolderStatus>();
  for (const line of lines) {
    const path = toPath(line.name);
    const known = byPath.get(path);
    if (!known) {
      byPath.set(path, { path, flags: [...new Set(line.flags)], delimiter: line.delimiter, status: null });
      continue;
    }
    for (const flag of line.flags) if (!known.flags.some((f) => f.toLowerCase() === flag.toLowerCase())) known.flags.push(flag);
    known.delimiter ??= line.delimiter;
  }
  for (const { name, status } of statuses) {
    const folder = byPath.get(toPath(name));
    if (folder) folder.status = { ...folder.status, ...status };
  }
  return [...byPath.values()];
}

/**
 * `LIST "" "*" RETURN ([CHILDREN SPECIAL-USE] STATUS (MESSAGES UIDNEXT UIDVALIDITY UNSEEN [HIGHESTMODSEQ]))`.
 * HIGHESTMODSEQ is asked only when the server has CONDSTORE (RFC 7162 §3.1.8).
 */
export async function listWithStatus(client: ImapFlow, options: { reference?: string; pattern?: string } = {}): Promise<ListedFolderStatus[]> {
  requireCapability(client, 'LIST-STATUS', 'folder status in LIST');
  const items = ['MESSAGES', 'UIDNEXT', 'UIDVALIDITY', 'UNSEEN', ...(hasCapability(client, 'CONDSTORE') ? ['HIGHESTMODSEQ'] : [])];
  const atom = (value: string): CommandArg => ({ type: 'ATOM', value });
  // With RETURN options Dovecot reports only what was asked for: ask for the child attributes
  // (RFC 5258 §4) and special-use attributes (RFC 6154 §2) a plain LIST gives too.
  const extra = [
    ...(hasCapability(client, 'LIST-EXTENDED') || hasCapability(client, 'CHILDREN') ? ['CHILDREN'] : []),
    ...(hasCapability(client, 'SPECIAL-USE') ? ['SPECIAL-USE'] : []),
  ];
  const args: CommandArg[] = [
    mailboxArg(client, options.reference ?? ''),
    mailboxArg(client, options.pattern ?? '*'),
    atom('RETURN'),
    [...extra.map(atom), atom('STATUS'), items.map(atom)],
  ];
  const result = expectOk(
    await runCommand(client, 'LIST', args, {
      untagged: { LIST: (r) => parseListLine(r.attributes), STATUS: (r) => parseStatusLine(r.attributes) },
    }),
    'Listing folders with their status',
  );
  return mergeListStatus(result.untagged.LIST, result.untagged.STATUS, (wire) => mailboxFromWire(client, wire));
}
