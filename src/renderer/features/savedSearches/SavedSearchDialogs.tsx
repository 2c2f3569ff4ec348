/**
 * The saved-search dialog that is open from the tree, if any (savedSearchDialog.ts): Rename
 * (SavedSearchNameDialog) and Delete, which asks once. Deleting the saved search on screen
 * closes it: the list goes back to the folder selected before (issue #13 §5).
 */
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { db } from '../../db/db';
import { deleteSavedSearch } from '../../db/queries/savedSearches';
import type { SavedSearchRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { closeSavedSearchDialog, savedSearchDialog } from './savedSearchDialog';
import { SavedSearchNameDialog } from './SavedSearchNameDialog';

export function SavedSearchDialogs() {
  const open = savedSearchDialog.use();
  if (!open) return null;
  const { request } = open;
  return request.kind === 'rename' ? (
    <SavedSearchNameDialog key={open.id} mode={request} onClose={closeSavedSearchDialog} />
  ) : (
    <DeleteSavedSearchDialog key={open.id} row={request.row} />
  );
}

function DeleteSavedSearchDialog({ row }: { row: SavedSearchRow }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    await deleteSavedSearch(db, row.id);
    closeSavedSearchDialog();
    const store = useStore.getState();
    if (store.search?.savedId === row.id) store.setSearch(null);
    store.pushToast('info', t('savedSearches.deleted', { name: row.name }));
  }
  return (
    <ConfirmDialog
      alert
      danger
      title={t('savedSearches.deleteTitle', { name: row.name })}
      confirmLabel={t('savedSearches.deleteConfirm')}
      cancelLabel={t('savedSearches.cancel')}
      busyLabel={t('savedSearches.deleting')}
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={closeSavedSearchDialog}
    >
      <p>{t('savedSearches.deleteBody')}</p>
    </ConfirmDialog>
  );
}
