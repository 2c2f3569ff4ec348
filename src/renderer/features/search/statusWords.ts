/**
 * The status line under the search box in words (issue #13 §4): "12 results · Searching
 * info@example.test on the server… 3 more", then "13 results · 1 of them found on the server",
 * and a separate sentence when a folder could not be searched. From helper E's SearchStatus;
 * pure so both languages' sentences are tested without a window.
 */
import { describeError } from '../../i18n/errors';
import type { Translate } from '../../i18n/types';
import type { SearchStatus } from '../../search/results/searchStatus';

export interface StatusWords {
  /** Results and what is still being searched. */
  summary: string;
  /** What could not be searched, and why; null when everything was. */
  failure: string | null;
}

function serverPart(t: Translate, server: NonNullable<SearchStatus['server']>): string | null {
  const [first, ...others] = server.pending.filter((entry) => entry.folders > 0);
  if (first) {
    const searching =
      others.length === 0
        ? t('search.status.server', { mailbox: first.label })
        : t('search.status.serverMany', { mailbox: first.label, count: others.length });
    return server.extra > 0 ? `${searching} ${t('search.status.more', { count: server.extra })}` : searching;
  }
  if (!server.done) return null;
  return server.extra > 0 ? t('search.status.serverFound', { count: server.extra }) : t('search.status.serverSearched');
}

function failurePart(t: Translate, localeTag: string, failed: NonNullable<SearchStatus['server']>['failed']): string | null {
  if (failed.length === 0) return null;
  const mailboxes = new Intl.ListFormat(localeTag, { type: 'conjunction' }).format([...new Set(failed.map((entry) => entry.label))]);
  // One reason is enough to act on; the failures of one search nearly always share it.
  const reason = describeError(t, { code: failed[0]!.code });
  return t('search.status.failed', { mailboxes, reason });
}

export function statusWords(t: Translate, localeTag: string, status: SearchStatus): StatusWords {
  const total = (status.localCount ?? 0) + (status.server?.extra ?? 0);
  const head =
    total > 0
      ? t('search.status.results', { count: total })
      : status.running || status.localCount === null
        ? t('search.status.searching')
        : t('search.status.none');
  const server = status.server ? serverPart(t, status.server) : null;
  return {
    summary: server ? `${head} · ${server}` : head,
    failure: status.server ? failurePart(t, localeTag, status.server.failed) : null,
  };
}
