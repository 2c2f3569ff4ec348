import { app } from './en/app';
import { reader } from './en/reader';
import { conversations } from './en/conversations';
import { compose } from './en/compose';
import { outbox } from './en/outbox';
import { setup } from './en/setup';
import { settings } from './en/settings';
import { calendar } from './en/calendar';
import { invitations } from './en/invitations';
import { calendarSettings } from './en/calendarSettings';
import { errors } from './en/errors';
import { tasks } from './en/tasks';
import { commands } from './en/commands';
import { folderActions } from './en/folderActions';
import { deletions } from './en/deletions';
import { listControls } from './en/listControls';
import { savedSearches } from './en/savedSearches';
import { search } from './en/search';
import { searchResults } from './en/searchResults';
import { searchQuery } from './en/searchQuery';

/**
 * English: the source of every key (types.ts derives the key list and placeholders from it).
 * `{name}` is a placeholder; an object is a plural entry chosen by `count` (Intl.PluralRules).
 * Error texts say what happened and what the person can do about it.
 */
export const en = {
  ...app,
  ...reader,
  ...conversations,
  ...compose,
  ...outbox,
  ...setup,
  ...settings,
  ...calendar,
  ...invitations,
  ...calendarSettings,
  ...errors,
  ...tasks,
  ...commands,
  ...folderActions,
  ...deletions,
  ...listControls,
  ...savedSearches,
  ...search,
  ...searchResults,
  ...searchQuery,
} as const;
