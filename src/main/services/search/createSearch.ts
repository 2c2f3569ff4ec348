/**
 * The search services made from the shared context (issue #13 §3–4): the server search with its
 * own session per account inside the connection budget, and the offline texts from the offline
 * store through the parse pool.
 */
import type { OfflineTexts } from '../../../shared/search/serverSearch';
import type { SearchQuery } from '../../../shared/search/queryModel';
import type { ServicesContext } from '../context';
import type { SearchCriteria } from '../imap/searchOps';
import { parsePool } from '../mail/parsePool';
import { offlineTexts } from './offlineTexts';
import { failureOf } from './searchFailures';
import { ServerSearch } from './ServerSearch';

export type SearchContext = Pick<ServicesContext, 'accounts' | 'connectImap' | 'log' | 'mailboxConfig' | 'offline' | 'password'>;

export function createServerSearch(ctx: SearchContext, criteria: (query: SearchQuery) => SearchCriteria | null, idleMs?: number): ServerSearch {
  return new ServerSearch({
    connect: (accountId) => ctx.connectImap(accountId, 'request'),
    mailboxConfig: (accountId) => ctx.mailboxConfig(accountId),
    criteria,
    describe: async (accountId, error) => {
      const account = await ctx.accounts.get(accountId).catch(() => null);
      const host = account?.imap.host ?? 'the server';
      return failureOf(error, host, account ? await ctx.password(accountId) : null, (level, message) => ctx.log(level, message));
    },
    log: (level, message) => ctx.log(level, message),
    ...(idleMs !== undefined ? { idleMs } : {}),
  });
}

/** `search.offlineTexts`: an unknown account is refused; a folder not kept offline gives nothing. */
export async function readOfflineTexts(ctx: SearchContext, input: { accountId: string; folderPath: string; afterUid: number; limit: number }): Promise<OfflineTexts> {
  await ctx.accounts.get(input.accountId);
  return offlineTexts(
    {
      keptUids: (accountId, folderPath) => ctx.offline.store.keptUids(accountId, folderPath),
      source: (accountId, folderPath, uid, maxBytes) => ctx.offline.source(accountId, folderPath, uid, maxBytes),
      pool: parsePool(),
    },
    input,
  );
}
