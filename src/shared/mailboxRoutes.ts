/**
 * One shared mailbox reached through several signed-in accounts (issue #10 §7): alice, bob and
 * carol in one profile all see info@. It is used through one of them — synced, shown, written
 * and sent from through that account only — and the others list it as reached through that one.
 *
 * "The same mailbox" is the same address on the same IMAP server (host and port), never the
 * same label. The account it is used through is, in this order:
 *  1. an account that *is* the mailbox (its own login, or the person's own address seen shared
 *     by a colleague's account): it cannot be hidden, so anything else would show it twice;
 *  2. the account the person chose (Settings → Mailboxes "Used through");
 *  3. the account with the most rights on it (MYRIGHTS, RFC 4314 §3.5): full access beats
 *     read-only, so carol's read-only view never wins over alice's;
 *  4. the account added first: a stable choice that does not flip between starts.
 * Pure: main decides with it which mailboxes to sync, the renderer which rows to show.
 */
import { parseRights } from './rights';

export interface RouteServer {
  host: string;
  port: number;
}

/** The part of an Account the choice reads; accounts are given in the order they were added. */
export interface RouteAccount {
  id: string;
  email: string;
  imap: RouteServer;
}

export const serverKey = (server: RouteServer): string => `${server.host.trim().toLowerCase()}:${server.port}`;

/** The identity of a mailbox across accounts: server and address. */
export const routeKey = (server: RouteServer, address: string): string => `${serverKey(server)}|${address.trim().toLowerCase()}`;

/** The rights a candidate that has not reported yet might turn out to have: all of them. */
export const maxRank = Object.keys(parseRights('')).length;

/**
 * How much a person may do in the mailbox: the number of RFC 4314 §2.1 rights held (full
 * `lrswipkxtea` → 11, read-only `lr` → 2). `null` (no MYRIGHTS answer, no ACL) ranks lowest.
 */
export function rightsRank(rights: string | null): number {
  if (rights === null) return 0;
  return Object.values(parseRights(rights)).filter(Boolean).length;
}

export interface RouteCandidate {
  accountId: string;
  rank: number;
  /** The account is this mailbox (its own login or address). */
  owner?: boolean;
}

export interface RouteInput {
  /** Accounts known to reach the mailbox, with their rights. */
  candidates: readonly RouteCandidate[];
  /** Every account id in the order added (the tie-break). */
  order: readonly string[];
  /** The account the person chose, if any; ignored when it no longer reaches the mailbox. */
  preferred?: string | null;
  /** Accounts that may reach it but have not said so yet: counted as having every right. */
  unsettled?: readonly string[];
}

export interface RouteChoice {
  accountId: string;
  /** The choice is an unsettled account: the others wait for it before syncing the mailbox. */
  pending: boolean;
}

/** The account the mailbox is used through, or null when no account reaches it. */
export function chooseRoute({ candidates, order, preferred = null, unsettled = [] }: RouteInput): RouteChoice | null {
  const position = (id: string) => {
    const at = order.indexOf(id);
    return at < 0 ? order.length : at;
  };
  const owner = candidates.filter((c) => c.owner).sort((a, b) => position(a.accountId) - position(b.accountId))[0];
  if (owner) return { accountId: owner.accountId, pending: false };
  const waiting = new Set(unsettled);
  const pool = [
    ...candidates.filter((c) => !waiting.has(c.accountId)).map((c) => ({ ...c, pending: false })),
    ...[...waiting].map((accountId) => ({ accountId, rank: maxRank, pending: true })),
  ];
  const chosen = pool.find((c) => c.accountId === preferred);
  if (chosen) return { accountId: chosen.accountId, pending: chosen.pending };
  const best = [...pool].sort((a, b) => b.rank - a.rank || position(a.accountId) - position(b.accountId))[0];
  return best ? { accountId: best.accountId, pending: best.pending } : null;
}

/** A mailbox row as both processes hold it (see Mailbox in model/index.ts). */
export interface RoutedMailbox {
  id: string;
  accountId: string;
  kind: 'own' | 'shared';
  source: 'account' | 'discovered' | 'manual';
  address: string;
  rights: string | null;
  /** The account this mailbox is used through when that is another one (main's choice). */
  via?: string | null;
}

export interface RouteGroup<M extends RoutedMailbox> {
  /** The row the mailbox is shown and used through. */
  chosen: M;
  /** Every account's row of this mailbox, `chosen` included, in account order. */
  rows: M[];
}

/**
 * Groups the rows of all accounts by mailbox (server + address). The chosen row of a group is
 * the one main did not mark as reached through another account; when several are unmarked
 * (a cache from before this choice, or two batches on their way) the rules above pick one.
 * Rows of accounts not in `accounts` are left out.
 */
export function routeGroups<M extends RoutedMailbox>(rows: readonly M[], accounts: readonly RouteAccount[]): RouteGroup<M>[] {
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const order = accounts.map((account) => account.id);
  const groups = new Map<string, M[]>();
  for (const row of rows) {
    const account = byId.get(row.accountId);
    if (!account) continue;
    const key = routeKey(account.imap, row.address);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => order.indexOf(a.accountId) - order.indexOf(b.accountId));
    const unmarked = sorted.filter((row) => !row.via);
    const pool = unmarked.length > 0 ? unmarked : sorted;
    const choice = chooseRoute({
      candidates: pool.map((row) => ({ accountId: row.accountId, rank: rightsRank(row.rights), owner: row.source === 'account' })),
      order,
    });
    const chosen = pool.find((row) => row.accountId === choice?.accountId) ?? (pool[0] as M);
    return { chosen, rows: sorted };
  });
}

/** The rows to show: one per mailbox (see routeGroups), in the order given. */
export function oncePerMailbox<M extends RoutedMailbox>(rows: readonly M[], accounts: readonly RouteAccount[]): M[] {
  const keep = new Set(routeGroups(rows, accounts).map((group) => group.chosen));
  return rows.filter((row) => keep.has(row) || !accounts.some((account) => account.id === row.accountId));
}
