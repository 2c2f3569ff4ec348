/** Verwijderen waar een team op kan vertrouwen (issue #12 §7): wie wat verwijderde in een gedeelde Prullenbak, terugzetten, definitief verwijderen. */
import type { Translation } from '../types';

export const deletions = {
  'deletions.deletedBy': 'Verwijderd door',
  'deletions.from': 'uit',
  'deletions.restore': 'Terugzetten',
  'deletions.restoreTo': 'Terugzetten naar {folder}',
  'deletions.forGoodTitle': { one: '{count} bericht definitief verwijderen?', other: '{count} berichten definitief verwijderen?' },
  'deletions.forGoodOwn': 'Dit kan niet ongedaan worden gemaakt.',
  'deletions.forGoodShared': 'Ze verdwijnen voor iedereen in {mailbox}. Dit kan niet ongedaan worden gemaakt.',
  'deletions.forGoodConfirm': 'Definitief verwijderen',
  'deletions.forGoodBusy': 'Verwijderen…',
  'deletions.cancel': 'Annuleren',
} satisfies Partial<Translation>;
