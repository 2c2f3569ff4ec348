/**
 * NAMESPACE (RFC 2342, also RFC 9051 §6.3.10): where a member's own folders, other users'
 * folders and shared folders live. On Dovecot a shared mailbox such as info@ appears in the
 * *other users* namespace (`shared/` + owner + `/INBOX`), not in the shared one.
 */
import type { ImapFlow } from 'imapflow';
import { expectOk, requireCapability, runCommand } from './rawCommand';
import { isList, isRecord, nstring, protocolError, tokenText, type ImapAttribute } from './imapValues';

export interface NamespaceEntry {
  prefix: string;
  /** Hierarchy delimiter; `null` for a flat namespace (NIL, RFC 2342 §5). */
  delimiter: string | null;
  /**
   * The section it came from (RFC 2342 §5): other users' mailboxes (`shared/info@…/`, Cyrus
   * `user.info`) are people's or teams' mailboxes; the shared section holds public folders
   * (`Shared Folders/team`, Cyrus `shared.team`), which have no address (issue #10 §8).
   */
  kind?: NamespaceKind;
}

export type NamespaceKind = 'personal' | 'otherUsers' | 'shared';

export interface Namespaces {
  personal: NamespaceEntry[];
  otherUsers: NamespaceEntry[];
  shared: NamespaceEntry[];
}

/**
 * The session's namespaces. imapflow already sent NAMESPACE at login and keeps the answer in
 * the public `client.namespaces` (its commands/namespace.js); that copy is used when it has the
 * expected shape. With `fromServer` (or when it is missing) NAMESPACE is sent again. Caveat of
 * the cached copy: imapflow invents `{prefix: '', delimiter: '.'}` when the personal namespace
 * is NIL (RFC 2342 §5 allows that, e.g. for anonymous logins).
 */
export async function getNamespaces(client: ImapFlow, options: { fromServer?: boolean } = {}): Promise<Namespaces> {
  const cached = options.fromServer ? null : fromImapflow(client.namespaces);
  if (cached) return cached;
  requireCapability(client, 'NAMESPACE', 'namespaces');
  const result = expectOk(
    await runCommand(client, 'NAMESPACE', false, { untagged: { NAMESPACE: (r) => parseNamespaceResponse(r.attributes) } }),
    'NAMESPACE',
  );
  const parsed = result.untagged.NAMESPACE[0];
  if (!parsed) throw protocolError('a NAMESPACE response', null);
  return parsed;
}

/** The three sections of `* NAMESPACE (…) (…) (…)` (RFC 2342 §5). */
export function parseNamespaceResponse(attributes: ImapAttribute[]): Namespaces {
  if (attributes.length < 3) throw protocolError('three namespace sections', attributes);
  return { personal: section(attributes[0], 'personal'), otherUsers: section(attributes[1], 'otherUsers'), shared: section(attributes[2], 'shared') };
}

function section(value: ImapAttribute | undefined, kind: NamespaceKind): NamespaceEntry[] {
  if (value === null) return [];
  if (!isList(value)) throw protocolError('a namespace list or NIL', value);
  return value.map((entry) => {
    // Each entry: ( prefix delimiter *(extension) ); extensions (RFC 2342 §5) are ignored.
    if (!isList(entry) || entry.length < 2 || isList(entry[0])) throw protocolError('(prefix delimiter)', entry);
    return { prefix: tokenText(entry[0]), delimiter: nstring(entry[1]), kind };
  });
}

function fromImapflow(value: unknown): Namespaces | null {
  if (!isRecord(value)) return null;
  const list = (v: unknown, kind: NamespaceKind): NamespaceEntry[] | null => {
    if (v === false || v === undefined || v === null) return [];
    if (!Array.isArray(v)) return null;
    const out: NamespaceEntry[] = [];
    for (const e of v as unknown[]) {
      if (!isRecord(e) || typeof e.prefix !== 'string') return null;
      out.push({ prefix: e.prefix, delimiter: typeof e.delimiter === 'string' && e.delimiter ? e.delimiter : null, kind });
    }
    return out;
  };
  const personal = list(value.personal, 'personal');
  const otherUsers = list(value.other, 'otherUsers');
  const shared = list(value.shared, 'shared');
  return personal && otherUsers && shared ? { personal, otherUsers, shared } : null;
}

/**
 * The owner of a folder in the other-users namespace: by convention the segment right after
 * the prefix is the user name (RFC 2342 §3, "Other Users' Namespace"; Dovecot `shared/%u/`).
 * `null` for the member's own folders and for the shared namespace.
 */
export function otherUserOf(namespaces: Namespaces, path: string): { owner: string; prefix: string; rest: string } | null {
  for (const ns of namespaces.otherUsers) {
    if (!ns.prefix || !path.startsWith(ns.prefix)) continue;
    const tail = path.slice(ns.prefix.length);
    const cut = ns.delimiter ? tail.indexOf(ns.delimiter) : -1;
    const owner = cut < 0 ? tail : tail.slice(0, cut);
    if (owner) return { owner, prefix: ns.prefix, rest: cut < 0 ? '' : tail.slice(cut + 1) };
  }
  return null;
}
