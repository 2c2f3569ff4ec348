/**
 * New folder… / Rename… (issue #12 §6): one name field, checked as the person types (no
 * delimiter, not empty, not a name already beside it), then sent; a refusal keeps the dialog
 * open with the server's words.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../../api';
import { TextField } from '../../../components/Field';
import { ModalDialog } from '../../../components/ModalDialog';
import { Spinner } from '../../../components/Spinner';
import { useI18n } from '../../../i18n/useI18n';
import type { Translate } from '../../../i18n/types';
import { useStore } from '../../../store';
import { errorWords } from '../../../tasks/actionLabels';
import { folderNameProblem, type FolderNameProblem } from './folderName';
import { isWithin, submitFolderName } from './folderNameTask';
import type { FolderDialogRequest } from './menuContext';
import { closeFolderDialog } from './openFolderDialog';

type NameDialogRequest = Extract<FolderDialogRequest, { kind: 'create' | 'rename' }>;

const alreadyExists = (serverWords: string) => /\[ALREADYEXISTS\]/i.test(serverWords);

export function problemWords(t: Translate, problem: FolderNameProblem): string {
  switch (problem.key) {
    case 'folderName.delimiter':
      return t(problem.key, { delimiter: problem.delimiter });
    case 'folderName.duplicate':
      return t(problem.key, { name: problem.name });
    default:
      return t(problem.key);
  }
}

export function FolderNameDialog({ request }: { request: NameDialogRequest }) {
  const { t } = useI18n();
  const renaming = request.kind === 'rename';
  const [name, setName] = useState(renaming ? request.name : '');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const problem = folderNameProblem(name, { delimiter: request.delimiter, siblings: request.siblings, current: renaming ? request.name : undefined });
  // An empty or unchanged name is only a problem once the person tries to go on with it.
  const quiet = problem?.key === 'folderName.empty' || problem?.key === 'folderName.unchanged';
  const shownProblem = problem && (tried || !quiet) ? problemWords(t, problem) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problem || busy) return;
    const typed = name.trim();
    setBusy(true);
    setRefusal(null);
    const result = await submitFolderName(api, request, typed);
    if (!result.ok) {
      setBusy(false);
      // RFC 5530 §3 ALREADYEXISTS: the name is taken on the server though not (yet) in the cache.
      const error = alreadyExists(result.error.message) ? t('folderDialog.exists', { name: typed }) : errorWords(t, result.error);
      setRefusal(
        request.kind === 'create'
          ? t('folderDialog.createFailed', { name: typed, mailbox: request.mailbox, error })
          : t('folderDialog.renameFailed', { folder: request.label, error }),
      );
      return;
    }
    closeFolderDialog();
    const store = useStore.getState();
    if (request.kind === 'create') {
      store.pushToast('info', t('folderDialog.created', { name: typed, mailbox: request.mailbox }));
      return;
    }
    store.pushToast('info', t('folderDialog.renamed', { from: request.label, to: typed }));
    // The open folder (or one under it) was renamed: keep showing it under its new name.
    const { selectedAccountId, selectedFolderPath } = store;
    if (selectedAccountId === request.accountId && selectedFolderPath && isWithin(selectedFolderPath, request.folderPath, request.delimiter)) {
      store.selectFolder(request.accountId, result.folderPath + selectedFolderPath.slice(request.folderPath.length));
    }
  }

  return (
    <ModalDialog
      title={renaming ? t('folderDialog.renameTitle', { folder: request.label }) : t('folderDialog.newTitle', { parent: request.parentLabel })}
      onCancel={closeFolderDialog}
      busy={busy}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('folderDialog.name')}
          value={name}
          error={shownProblem}
          disabled={busy}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setName(event.target.value);
            setRefusal(null);
          }}
        />
        {refusal && (
          <p className="field__error" role="alert">
            {refusal}
          </p>
        )}
        <p className="dialog__progress" role="status">
          {busy && (
            <>
              <Spinner /> {t(renaming ? 'folderDialog.renaming' : 'folderDialog.creating')}
            </>
          )}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" disabled={busy} onClick={closeFolderDialog}>
            {t('folderDialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t(renaming ? 'folderDialog.rename' : 'folderDialog.create')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
