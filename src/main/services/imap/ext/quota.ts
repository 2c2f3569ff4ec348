/**
 * QUOTA (RFC 9208): how full a mailbox is. A shared mailbox counts against its owner's quota;
 * a member learns it only where the server answers GETQUOTAROOT on the shared mailbox (Cyrus
 * does for a member with the right rights). Dovecot refuses members (`NO Not showing other
 * users' quota`) and shows another user's root only to its own administrators, which a mail
 * client's user is not (issue #10 §9): then the quota is "not shown by your server".
 */
import type { ImapFlow } from 'imapflow';
import { expectOk, hasCapability, mailboxArg, runCommand, type UntaggedResponse } from './rawCommand';
import { ImapExtError, isList, protocolError, tokenText, uint } from './imapValues';

export interface QuotaResource {
  /** STORAGE (KiB, RFC 9208 §5.1), MESSAGE, MAILBOX, ANNOTATION-STORAGE, … upper case. */
  name: string;
  usage: number;
  limit: number;
}

export interface Quota {
  root: string;
  resources: QuotaResource[];
}

/** Dovecot's root name for `quota = maildir:User quota`, as the owner sees it in QUOTAROOT. */
export const DOVECOT_DEFAULT_ROOT = 'User quota';

const supportsQuota = (client: ImapFlow): boolean =>
  // RFC 9208 §3.1: a server announces QUOTA=RES-<name>; RFC 2087 servers announce QUOTA.
  hasCapability(client, 'QUOTA') || [...client.capabilities.keys()].some((c) => c.startsWith('QUOTA=RES-'));

function requireQuota(client: ImapFlow): void {
  if (!supportsQuota(client)) throw new ImapExtError('unsupported', 'The server does not report quota (no QUOTA capability)');
}

/** `* QUOTA <root> (<name> <usage> <limit> …)` (RFC 9208 §5.1). */
export function parseQuotaResponse({ attributes }: UntaggedResponse): Quota {
  const list = attributes[1];
  if (attributes.length < 2 || !isList(list) || list.length % 3 !== 0) throw protocolError('QUOTA root (resource usage limit …)', attributes);
  const resources: QuotaResource[] = [];
  for (let i = 0; i < list.length; i += 3) {
    resources.push({ name: tokenText(list[i]).toUpperCase(), usage: uint(list[i + 1], 'a quota usage'), limit: uint(list[i + 2], 'a quota limit') });
  }
  return { root: tokenText(attributes[0]), resources };
}

/** `GETQUOTAROOT <mailbox>` (RFC 9208 §4.3): the mailbox's roots and their quotas. */
export async function getQuotaRoot(client: ImapFlow, path: string): Promise<{ roots: string[]; quotas: Quota[] }> {
  requireQuota(client);
  const result = expectOk(
    await runCommand(client, 'GETQUOTAROOT', [mailboxArg(client, path)], {
      untagged: {
        // * QUOTAROOT <mailbox> *(SP <root>) (RFC 9208 §5.2)
        QUOTAROOT: ({ attributes }) => attributes.slice(1).map((a) => tokenText(a)),
        QUOTA: parseQuotaResponse,
      },
    }),
    `Reading the quota of ${path}`,
  );
  const roots = result.untagged.QUOTAROOT.flat();
  const quotas = result.untagged.QUOTA.filter((q) => roots.includes(q.root));
  // RFC 9208 §4.3 says QUOTA responses follow, but a server may leave them out: ask per root.
  for (const root of roots) if (!quotas.some((q) => q.root === root)) quotas.push(await getQuota(client, root));
  return { roots, quotas };
}

/** `GETQUOTA <root>` (RFC 9208 §4.2). */
export async function getQuota(client: ImapFlow, root: string): Promise<Quota> {
  requireQuota(client);
  const result = expectOk(await runCommand(client, 'GETQUOTA', [root], { untagged: { QUOTA: parseQuotaResponse } }), `Reading quota root "${root}"`);
  const quota = result.untagged.QUOTA.find((q) => q.root === root) ?? result.untagged.QUOTA[0];
  if (!quota) throw protocolError(`a QUOTA response for "${root}"`, null);
  return quota;
}

/**
 * The quota a folder counts against (GETQUOTAROOT, RFC 9208 §4.3), or `null` when the server
 * will not say: no QUOTA capability, no root, or the command refused (another user's quota).
 * With several roots, the fullest one is returned.
 */
export async function quotaForMailbox(client: ImapFlow, path: string): Promise<Quota | null> {
  if (!supportsQuota(client)) return null;
  try {
    const { quotas } = await getQuotaRoot(client, path);
    return fullest(quotas);
  } catch (error) {
    if (error instanceof ImapExtError && error.code === 'refused') return null;
    throw error;
  }
}

function fullest(quotas: Quota[]): Quota | null {
  const ratio = (q: Quota): number => Math.max(0, ...q.resources.map((r) => (r.limit > 0 ? r.usage / r.limit : r.usage > 0 ? Infinity : 0)));
  return quotas.reduce<Quota | null>((best, q) => (best === null || ratio(q) > ratio(best) ? q : best), null);
}

export { quotaLevel, type QuotaLevel } from '../../../../shared/quota';
