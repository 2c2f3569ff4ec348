/**
 * The line under the box while a search shows (issue #13 §4): how many results, which mailbox
 * the server is still being searched in, what could not be searched. A polite live region, so
 * a screen reader hears the count settle without being interrupted at every key.
 */
import { useI18n } from '../../i18n/useI18n';
import { useSearchStatus } from '../../search/results/searchStatus';
import { statusWords } from './statusWords';

export function SearchStatusLine() {
  const { t, localeTag } = useI18n();
  const status = useSearchStatus();
  const words = statusWords(t, localeTag, status);
  return (
    <div className="search-status" role="status">
      <span className="search-status__summary">{words.summary}</span>
      {words.failure && <span className="search-status__failure">{words.failure}</span>}
    </div>
  );
}
