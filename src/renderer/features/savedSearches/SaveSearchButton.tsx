/**
 * "Save search" beside the search box (issue #13 §5): shown while a search is on screen; opens
 * the name dialog with the query as the name, and the saved search appears in the tree, marked
 * as the one on screen.
 */
import { useState } from 'react';
import type { SearchScope } from '../../../shared/search/queryModel';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { SavedSearchNameDialog } from './SavedSearchNameDialog';

export function SaveSearchButton() {
  const { t } = useI18n();
  const search = useStore((state) => state.search);
  const [saving, setSaving] = useState<{ query: string; scope: SearchScope } | null>(null);
  const text = search?.text.trim() ?? '';
  return (
    <>
      {text !== '' && (
        <button
          type="button"
          className="button button--ghost search-box__save"
          title={t('savedSearches.save')}
          onClick={() => search && setSaving({ query: search.text, scope: search.scope })}
        >
          {t('savedSearches.save')}
        </button>
      )}
      {saving && <SavedSearchNameDialog mode={{ kind: 'save', ...saving }} onClose={() => setSaving(null)} />}
    </>
  );
}
