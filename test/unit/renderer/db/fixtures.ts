/** Synthetic rows for cache tests (no real person's mail). */
import type { SyncBatch } from '../../../../src/shared/api';
import type { AccountId, Folder, FolderCursor, Mailbox, MessageSummary } from '../../../../src/shared/model';

export const accountA = 'acc-a' as AccountId;
export const accountB = 'acc-b' as AccountId;

export function folder(path: string, accountId: AccountId = accountA, extra: Partial<Folder> = {}): Folder {
  const parts = path.split('/');
  return {
    accountId,
    mailboxId: `${accountId}:own`,
    rights: null,
    path,
    name: parts[parts.length - 1] ?? path,
    delimiter: '/',
    parentPath: parts.length > 1 ? parts.slice(0, -1).join('/') : null,
    role: path === 'INBOX' ? 'inbox' : null,
    selectable: true,
    subscribed: true,
    ...extra,
  };
}

export function message(uid: number, extra: Partial<MessageSummary> = {}): MessageSummary {
  return {
    accountId: accountA,
    folderPath: 'INBOX',
    uid,
    messageId: `<m${uid}@example.test>`,
    inReplyTo: null,
    subject: `Message ${uid}`,
    from: [{ name: 'Alice Example', address: 'alice@example.test' }],
    to: [{ name: '', address: 'bob@example.test' }],
    cc: [],
    sender: [],
    date: 1_700_000_000_000 + uid * 60_000,
    receivedAt: 1_700_000_000_000 + uid * 60_000,
    flags: [],
    size: 1000,
    hasAttachments: false,
    snippet: `Snippet ${uid}`,
    modseq: '10',
    ...extra,
  };
}

export function cursor(path: string, extra: Partial<FolderCursor> = {}): FolderCursor {
  return { path, uidValidity: 1, uidNext: 100, highestModseq: '10', count: 3, ...extra };
}

let batchCounter = 0;

export function mailbox(accountId: AccountId = accountA, extra: Partial<Mailbox> = {}): Mailbox {
  return {
    id: `${accountId}:own`,
    accountId,
    kind: 'own',
    source: 'account',
    address: `${accountId}@example.test`,
    displayName: '',
    prefix: '',
    rights: null,
    hidden: false,
    quota: null,
    offlineDays: 0,
    ...extra,
  };
}

/** A shared mailbox found by discovery, e.g. `shared('info')` → info@example.test under `shared/info@example.test/`. */
export function sharedMailbox(local: string, accountId: AccountId = accountA, extra: Partial<Mailbox> = {}): Mailbox {
  const address = `${local}@example.test`;
  return mailbox(accountId, {
    id: `${accountId}:shared:${address}`,
    kind: 'shared',
    source: 'discovered',
    address,
    prefix: `shared/${address}/`,
    rights: 'lrswipkxtea',
    ...extra,
  });
}

export function foldersBatch(
  folders: Folder[],
  accountId: AccountId = accountA,
  mailboxes: Mailbox[] = [mailbox(accountId)],
): Extract<SyncBatch, { kind: 'folders' }> {
  return { batchId: `b${++batchCounter}`, accountId, kind: 'folders', mailboxes, folders };
}

export function messagesBatch(
  folderPath: string,
  parts: Partial<Extract<SyncBatch, { kind: 'messages' }>> = {},
  accountId: AccountId = accountA,
): Extract<SyncBatch, { kind: 'messages' }> {
  return {
    batchId: `b${++batchCounter}`,
    accountId,
    kind: 'messages',
    folderPath,
    reset: false,
    upserts: [],
    flagUpdates: [],
    removedUids: [],
    cursor: null,
    progress: { done: 0, total: 0 },
    ...parts,
  };
}
