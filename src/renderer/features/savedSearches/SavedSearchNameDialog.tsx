/**
 * Save search… / Rename… (issue #13 §5): one name field, prefilled (with the query when saving,
 * the current name when renaming), checked as the person types — trimmed, not empty, not a name
 * another saved search has — and checked again where it is written (two windows).
 */
import { useState, type FormEvent } from 'react';
import type { SearchScope } from '../../../shared/search/queryModel';
import { TextField } from '../../components/Field';
import { ModalDialog } from '../../components/ModalDialog';
import { db } from '../../db/db';
import {
  renameSavedSearch,
  saveSearch,
  savedSearchNameMax,
  savedSearchNameProblem,
  SavedSearchNameError,
  useSavedSearches,
  type SavedSearchNameProblem,
} from '../../db/queries/savedSearches';
import type { SavedSearchRow } from '../../db/rows';
import type { Translate } from '../../i18n/types';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';

export type NameDialogMode = { kind: 'save'; query: string; scope: SearchScope } | { kind: 'rename'; row: SavedSearchRow };

export function nameProblemWords(t: Translate, problem: SavedSearchNameProblem, name: string): string {
  switch (problem) {
    case 'empty':
      return t('savedSearches.empty');
    case 'tooLong':
      return t('savedSearches.tooLong', { max: savedSearchNameMax });
    case 'duplicate':
      return t('savedSearches.duplicate', { name: name.trim() });
  }
}

interface SavedSearchNameDialogProps {
  mode: NameDialogMode;
  onClose(): void;
}

export function SavedSearchNameDialog({ mode, onClose }: SavedSearchNameDialogProps) {
  const { t, localeTag } = useI18n();
  const renaming = mode.kind === 'rename';
  const [name, setName] = useState(renaming ? mode.row.name : mode.query.trim());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const rows = useSavedSearches(localeTag);
  const problem = savedSearchNameProblem(name, rows ?? [], renaming ? mode.row.id : undefined);
  // An empty name is only a problem once the person tries to go on with it.
  const shown = problem && (tried || problem !== 'empty') ? nameProblemWords(t, problem, name) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problem || busy) return;
    setBusy(true);
    setFailure(null);
    const typed = name.trim();
    const store = useStore.getState();
    try {
      if (mode.kind === 'save') {
        const row = await saveSearch(db, { name: typed, query: mode.query, scope: mode.scope });
        // The search on screen is now the saved one: the tree marks it.
        const search = store.search;
        if (search && search.text === mode.query) store.setSearch({ ...search, savedId: row.id });
        store.pushToast('info', t('savedSearches.saved', { name: typed }));
      } else {
        if (typed !== mode.row.name) await renameSavedSearch(db, mode.row.id, typed);
        if (typed !== mode.row.name) store.pushToast('info', t('savedSearches.renamed', { from: mode.row.name, to: typed }));
      }
      onClose();
    } catch (error) {
      setBusy(false);
      setFailure(
        error instanceof SavedSearchNameError
          ? nameProblemWords(t, error.problem, typed)
          : t('savedSearches.failed', { error: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  return (
    <ModalDialog title={renaming ? t('savedSearches.renameTitle', { name: mode.row.name }) : t('savedSearches.saveTitle')} onCancel={onClose} busy={busy}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('savedSearches.name')}
          value={name}
          error={shown}
          hint={t('savedSearches.query', { query: renaming ? mode.row.query : mode.query.trim() })}
          disabled={busy}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={savedSearchNameMax + 20}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => {
            setName(event.target.value);
            setFailure(null);
          }}
        />
        {failure && (
          <p className="field__error" role="alert">
            {failure}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" disabled={busy} onClick={onClose}>
            {t('savedSearches.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t(renaming ? 'savedSearches.renameButton' : 'savedSearches.saveButton')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
