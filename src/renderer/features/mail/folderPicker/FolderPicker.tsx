/**
 * The folder picker dialog (issue #12 §2): "Move to folder" / "Copy to folder", a textbox that
 * filters as the person types, the folders as a listbox the textbox drives (WAI-ARIA combobox
 * idea with aria-activedescendant: focus stays in the textbox, arrow keys move the choice,
 * Enter takes it). Recently used targets come first; only folders the person may put messages
 * in are offered (pickerOptions.ts).
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { ModalDialog } from '../../../components/ModalDialog';
import { useMailboxesAndFolders } from '../../../db/queries/mailboxes';
import { useI18n } from '../../../i18n/useI18n';
import { useStore } from '../../../store';
import { runAction } from '../../../tasks/mailActions';
import { buildMailTree } from '../mailTree';
import { closeFolderPicker, pickerRequest, type PickerRequest } from './openFolderPicker';
import { excludedFor, filterOptions, keysFor, pickerOptions, type PickerOption } from './pickerOptions';
import { recentTargets, rememberTarget } from './recentTargets';
import './folderPicker.css';

export function FolderPicker() {
  const request = pickerRequest.use();
  return request ? <PickerDialog key={request.id} request={request} /> : null;
}

function usePickerOptions(request: PickerRequest): PickerOption[] | undefined {
  const { t, localeTag } = useI18n();
  const accounts = useStore((state) => state.accounts);
  const accountIds = useMemo(() => (accounts ?? []).map((account) => account.id), [accounts]);
  const data = useMailboxesAndFolders(accountIds);
  return useMemo(() => {
    if (!data || !accounts) return undefined;
    const tree = buildMailTree(accounts, { ...data, unread: {}, unifiedUnread: 0 }, t, localeTag);
    return pickerOptions(tree, data.folders, excludedFor(request.mode, request.keys));
  }, [data, accounts, t, localeTag, request]);
}

/** Moves or copies the request's messages to `option`, remembering it as a recent target. */
export function chooseTarget(request: PickerRequest, option: Pick<PickerOption, 'key' | 'accountId' | 'folderPath'>): void {
  closeFolderPicker();
  const to = { accountId: option.accountId, folderPath: option.folderPath };
  const keys = keysFor(request.keys, to);
  if (keys.length === 0) return;
  rememberTarget(option.key);
  void runAction({ kind: request.mode, keys, to });
}

function PickerDialog({ request }: { request: PickerRequest }) {
  const { t } = useI18n();
  const options = usePickerOptions(request);
  const [recent] = useState(recentTargets);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const hintId = useId();
  const shown = useMemo(() => filterOptions(options ?? [], query, recent), [options, query, recent]);
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (index: number) => `${listId}-${index}`;

  const activeId = current ? `${listId}-${shown.indexOf(current)}` : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = shown.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(active + 1, last),
      ArrowUp: () => Math.max(active - 1, 0),
      PageDown: () => Math.min(active + 10, last),
      PageUp: () => Math.max(active - 10, 0),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move());
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) chooseTarget(request, current);
    }
  }

  const status =
    options === undefined
      ? t('folders.loading')
      : options.length === 0
        ? t('picker.noTarget')
        : shown.length === 0
          ? t('picker.noMatch', { query: query.trim() })
          : t('picker.matches', { count: shown.length });
  const recentSet = new Set(recent);
  return (
    <ModalDialog title={t(request.mode === 'move' ? 'picker.moveTitle' : 'picker.copyTitle')} className="folder-picker" onCancel={closeFolderPicker}>
      <input
        type="text"
        className="field__input folder-picker__filter"
        aria-label={t('picker.filter')}
        placeholder={t('picker.filter')}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={hintId}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} className="folder-picker__hint">
        {t(request.mode === 'move' ? 'picker.hintMove' : 'picker.hintCopy')}
      </p>
      <ul id={listId} role="listbox" aria-label={t('picker.folders')} className="folder-picker__list">
        {shown.map((option, index) => (
          <li
            key={option.key}
            id={optionId(index)}
            role="option"
            aria-selected={option === current}
            aria-label={t('picker.option', { folder: option.label, mailbox: option.mailbox })}
            className={`folder-picker__option${option === current ? ' is-active' : ''}`}
            onPointerMove={() => (index === active ? undefined : setActive(index))}
            onClick={() => chooseTarget(request, option)}
          >
            <span className="folder-picker__folder">{option.label}</span>
            <span className="folder-picker__mailbox">
              {option.mailbox}
              {recentSet.has(option.key) ? ` · ${t('picker.recent')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="folder-picker__status" role="status">
        {status}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={closeFolderPicker}>
          {t('picker.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
