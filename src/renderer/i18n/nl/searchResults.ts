/** De zoekresultaten in de lijst (issue #13 §1): waar elk bericht staat, geen resultaten, Tonen in map. */
import type { Translation } from '../types';
import type { searchResults as en } from '../en/searchResults';

export const searchResults: Pick<Translation, keyof typeof en> = {
  'searchResults.empty': 'Geen berichten gevonden voor deze zoekopdracht.',
  'searchResults.where': '{mailbox} · {folder}',
  'searchResults.inFolder': 'In {mailbox}, map {folder}',
  'searchResults.showInFolder': 'Tonen in map',
};
