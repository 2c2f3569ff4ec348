/** Shared by the search results tests (issue #13): a cache with two mailboxes, an in-memory engine fed from it, a fake server. */
import { applySyncBatch } from '../../../../../src/renderer/db/applySyncBatch';
import { encodeFlags } from '../../../../../src/renderer/db/pages/flagBits';
import type { PostvakDb } from '../../../../../src/renderer/db/schema';
import type { IndexDoc, SearchEngine } from '../../../../../src/renderer/search/engine/engineTypes';
import { resolveQuery, needsServer } from '../../../../../src/renderer/search/resolve';
import type { SearchDeps } from '../../../../../src/renderer/search/results/SearchIndex';
import type { ServerChannel } from '../../../../../src/renderer/search/results/serverShare';
import type { AccountId, MessageSummary } from '../../../../../src/shared/model';
import { parseQuery } from '../../../../../src/shared/search/parseQuery';
import type { ServerSearchEvent, ServerSearchFolder } from '../../../../../src/shared/search/serverSearch';
import { accountA, cursor, folder, foldersBatch, mailbox, message, messagesBatch, sharedMailbox } from '../../db/fixtures';

export const info = sharedMailbox('info');
export const infoInbox = `${info.prefix}INBOX`;
export const now = Date.UTC(2026, 11, 7);

/** alice's own INBOX and info@'s INBOX, both synced (cursor uidNext 100, UIDVALIDITY 1). */
export async function seedCache(db: PostvakDb): Promise<void> {
  await applySyncBatch(
    db,
    foldersBatch([folder('INBOX'), folder(infoInbox, accountA, { mailboxId: info.id, role: 'inbox', parentPath: null, name: 'INBOX' })], accountA, [mailbox(accountA), info]),
  );
  await applySyncBatch(db, messagesBatch('INBOX', { cursor: cursor('INBOX') }));
  await applySyncBatch(db, messagesBatch(infoInbox, { cursor: cursor(infoInbox) }));
}

export function summary(folderPath: string, uid: number, subject: string, minutes: number, extra: Partial<MessageSummary> = {}): MessageSummary {
  return message(uid, { folderPath, subject, date: now - minutes * 60_000, ...extra });
}

function docOf(row: MessageSummary): IndexDoc {
  const people = (list: MessageSummary['from']) => list.map((a) => `${a.name} ${a.address}`).join(' ');
  return {
    uid: row.uid,
    date: row.date,
    bits: encodeFlags(row.flags).bits,
    size: row.size,
    attachment: row.hasAttachments,
    subject: row.subject,
    from: people(row.from),
    to: people(row.to),
    cc: people(row.cc),
    filenames: '',
    snippet: row.snippet,
    body: null,
  };
}

/** Writes messages into the cache (a sync batch) and, unless `indexed` is false, into the engine. */
export async function arrive(db: PostvakDb, engine: SearchEngine, rows: MessageSummary[], indexed = true): Promise<void> {
  const byFolder = new Map<string, MessageSummary[]>();
  for (const row of rows) byFolder.set(row.folderPath, [...(byFolder.get(row.folderPath) ?? []), row]);
  for (const [folderPath, upserts] of byFolder) {
    await applySyncBatch(db, messagesBatch(folderPath, { upserts }));
    if (indexed) await engine.apply([{ op: 'upsert', folder: { accountId: accountA, folderPath }, docs: upserts.map(docOf) }]);
  }
}

/** A server whose events the test sends; it records what the index asked. */
export function fakeServer() {
  const listeners = new Set<(event: ServerSearchEvent) => void>();
  const started: { searchId: string; folders: ServerSearchFolder[] }[] = [];
  const cancelled: string[] = [];
  let reached: () => void = () => {};
  const whenStarted = new Promise<void>((resolve) => (reached = resolve));
  const channel: ServerChannel = {
    start: async (input) => {
      started.push({ searchId: input.searchId, folders: input.folders });
      reached();
      return { ok: true };
    },
    cancel: (searchId) => cancelled.push(searchId),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const send = (event: ServerSearchEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  return { channel, started, cancelled, send, whenStarted };
}

/** The app's planning (parse, resolve, which folders the server searches) over a given engine and server. */
export function depsWith(engine: SearchEngine, server?: ServerChannel): SearchDeps {
  return {
    engine,
    server,
    plan: (text, scope, catalog) => {
      const query = parseQuery(text, { locale: 'en', now, timeZone: 'UTC' });
      const resolved = resolveQuery(query, scope, catalog);
      const asked = needsServer(query) ? resolved.serverFolders : resolved.serverFolders.filter((entry) => entry.cursor === null);
      return {
        query,
        engine: resolved.engine,
        server: asked.map((entry) => ({ accountId: entry.accountId, folderPath: entry.path, cached: entry.cursor })),
      };
    },
  };
}

/** Resolves once `check` holds after one of the index's changes (or at once). */
export function until(index: { subscribe(listener: () => void): () => void }, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const stop = index.subscribe(() => {
      if (!check()) return;
      stop();
      resolve();
    });
  });
}

export const account = accountA as AccountId;
