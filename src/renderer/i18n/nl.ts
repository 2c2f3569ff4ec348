/** Nederlands. Typed as `Translation`: a missing or extra key is a compile error. */
import type { Translation } from './types';
import { app } from './nl/app';
import { reader } from './nl/reader';
import { conversations } from './nl/conversations';
import { compose } from './nl/compose';
import { outbox } from './nl/outbox';
import { setup } from './nl/setup';
import { settings } from './nl/settings';
import { calendar } from './nl/calendar';
import { invitations } from './nl/invitations';
import { calendarSettings } from './nl/calendarSettings';
import { errors } from './nl/errors';
import { tasks } from './nl/tasks';
import { commands } from './nl/commands';
import { folderActions } from './nl/folderActions';
import { deletions } from './nl/deletions';
import { listControls } from './nl/listControls';
import { savedSearches } from './nl/savedSearches';
import { search } from './nl/search';
import { searchResults } from './nl/searchResults';
import { searchQuery } from './nl/searchQuery';

export const nl: Translation = {
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
};
