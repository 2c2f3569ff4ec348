/**
 * Server facts about mailboxes for ImapFlowSession (discovery, rights, quota), built on the raw
 * commands of imap/ext. Each answers `null` where the server lacks the extension, so discovery
 * works the same against servers without ACL, QUOTA or METADATA.
 */
import type { ImapFlow } from 'imapflow';
import { myRights } from './ext/acl';
import { getMetadata } from './ext/metadata';
import { getNamespaces } from './ext/namespace';
import { quotaForMailbox, type Quota } from './ext/quota';
import { hasCapability } from './ext/rawCommand';
import { ImapExtError } from './ext/imapValues';
import type { SharedNamespaces, StorageQuota } from './types';

export async function sharedNamespaces(client: ImapFlow): Promise<SharedNamespaces> {
  if (!hasCapability(client, 'NAMESPACE')) return { otherUsers: [], shared: [] };
  const ns = await getNamespaces(client);
  return { otherUsers: ns.otherUsers, shared: ns.shared };
}

export async function rightsOf(client: ImapFlow, path: string): Promise<string | null> {
  // Without ACL (RFC 4314 §6 capability) the server enforces nothing per user: all rights.
  if (!hasCapability(client, 'ACL')) return null;
  return myRights(client, path);
}

/** The STORAGE resource (RFC 9208 §5.1, KiB) of a quota; `null` when it has none. */
export function storageOf(quota: Quota | null): StorageQuota | null {
  const storage = quota?.resources.find((r) => r.name === 'STORAGE');
  return storage ? { usedKiB: storage.usage, limitKiB: storage.limit } : null;
}

/** The STORAGE quota `path` counts against, `null` where the server does not show it (ext/quota.ts). */
export async function storageQuotaOf(client: ImapFlow, path: string): Promise<StorageQuota | null> {
  return storageOf(await quotaForMailbox(client, path));
}

export async function commentOf(client: ImapFlow, path: string): Promise<string | null> {
  if (!hasCapability(client, 'METADATA')) return null;
  try {
    const { values } = await getMetadata(client, path, ['/shared/comment']);
    const value = values.get(path)?.get('/shared/comment') ?? null;
    return value && value.trim() ? value.trim() : null;
  } catch (error) {
    // RFC 5464 §4.2: a folder we may not read annotations of answers NO; that is "no name known".
    if (error instanceof ImapExtError && error.code === 'refused') return null;
    throw error;
  }
}
