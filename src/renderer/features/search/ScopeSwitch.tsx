/**
 * Where the search looks (issue #13 §1: "a clear scope switch; default everything"): three
 * radio buttons in a row — This folder, This mailbox, Everywhere. Arrow keys move between them
 * as in any radio group; a choice the list cannot give (no folder open) is disabled and says why.
 */
import { useId } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { scopeChoices, scopeFor, type ScopeChoice, type ScopeContext } from './searchScope';

interface Props {
  choice: ScopeChoice;
  context: ScopeContext;
  /** Names for the tooltips: the open folder and its mailbox. */
  folderName: string | null;
  mailboxName: string | null;
  onChange(choice: ScopeChoice): void;
}

export function ScopeSwitch({ choice, context, folderName, mailboxName, onChange }: Props) {
  const { t } = useI18n();
  const name = useId();
  // A choice the list cannot give searches everywhere (effectiveScope): show that.
  const shown: ScopeChoice = scopeFor(choice, context) ? choice : 'all';
  const hint = (option: ScopeChoice): string => {
    if (scopeFor(option, context) === null) return t('search.scope.noFolder');
    if (option === 'folder') return t('search.scope.folderOf', { folder: folderName ?? context.folderPath ?? '' });
    if (option === 'mailbox') return t('search.scope.mailboxOf', { mailbox: mailboxName ?? '' });
    return t('search.scope.allOf');
  };
  return (
    <fieldset className="search-scope">
      <legend className="search-scope__legend">{t('search.scope.label')}</legend>
      {scopeChoices.map((option) => {
        const available = scopeFor(option, context) !== null;
        return (
          <label key={option} className={`search-scope__option${option === shown ? ' is-checked' : ''}`} title={hint(option)}>
            <input
              type="radio"
              name={name}
              className="search-scope__radio"
              value={option}
              checked={option === shown}
              disabled={!available}
              onChange={() => onChange(option)}
            />
            {t(`search.scope.${option}`)}
          </label>
        );
      })}
    </fieldset>
  );
}
