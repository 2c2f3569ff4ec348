/**
 * The line under the box while a search shows (issue #13 §4): how many results, which mailbox
 * the server is still being searched in, what could not be searched. A polite live region, so
 * a screen reader hears the count settle without being interrupted at every key. While the
 * index is still being built behind the sync, it says so: results may grow (issue #13 §3).
 */
import { useI18n } from '../../i18n/useI18n';
import { useIndexingProgress } from '../../search/feeder/progress';
import { useSearchStatus } from '../../search/results/searchStatus';
import { statusWords } from './statusWords';

export function SearchStatusLine() {
  const { t, localeTag } = useI18n();
  const status = useSearchStatus();
  const indexing = useIndexingProgress();
  const words = statusWords(t, localeTag, status);
  return (
    <div className="search-status" role="status">
      <span className="search-status__summary">{words.summary}</span>
      {words.failure && <span className="search-status__failure">{words.failure}</span>}
      {indexing && <span className="search-status__indexing">{t('search.indexing', { done: indexing.done, count: indexing.total })}</span>}
    </div>
  );
}
