/** De mapkiezer, slepen naar mappen, het contextmenu van mappen en mapbeheer (issue #12 §2, §5, §6). */
import type { Translation } from '../types';

export const folderActions = {
  'picker.moveTitle': 'Verplaatsen naar map',
  'picker.copyTitle': 'Kopiëren naar map',
  'picker.filter': 'Mappen filteren',
  'picker.folders': 'Mappen',
  'picker.option': '{folder} in {mailbox}',
  'picker.recent': 'Onlangs gebruikt',
  'picker.matches': { one: '{count} map', other: '{count} mappen' },
  'picker.noMatch': 'Geen map past bij “{query}”.',
  'picker.noTarget': 'Er is geen map waar je deze berichten in mag zetten.',
  'picker.hintMove': 'Typ om te filteren, kies met de pijltjestoetsen, Enter verplaatst.',
  'picker.hintCopy': 'Typ om te filteren, kies met de pijltjestoetsen, Enter kopieert.',
  'picker.cancel': 'Annuleren',

  'folderMenu.label': 'Mapacties',
  'folderMenu.markRead': 'Alles als gelezen markeren',
  'folderMenu.emptyTrash': 'Prullenbak legen',
  'folderMenu.emptyJunk': 'Ongewenste e-mail legen',
  'folderMenu.newFolder': 'Nieuwe map…',
  'folderMenu.rename': 'Naam wijzigen…',
  'folderMenu.delete': 'Map verwijderen…',
  'folderMenu.nothing': 'Hier mag je niets wijzigen',

  'folderDialog.newTitle': 'Nieuwe map in {parent}',
  'folderDialog.renameTitle': 'Naam van “{folder}” wijzigen',
  'folderDialog.name': 'Mapnaam',
  'folderDialog.create': 'Maken',
  'folderDialog.rename': 'Naam wijzigen',
  'folderDialog.cancel': 'Annuleren',
  'folderDialog.creating': 'Map maken…',
  'folderDialog.renaming': 'Naam wijzigen…',
  'folderDialog.created': 'Map “{name}” gemaakt in {mailbox}.',
  'folderDialog.renamed': '“{from}” heet nu “{to}”.',
  'folderDialog.createFailed': 'Kon “{name}” niet maken in {mailbox}: {error}',
  'folderDialog.exists': 'Op de server staat daar al een map met de naam “{name}”, misschien net op een ander apparaat gemaakt. Kies een andere naam.',
  'folderDialog.renameFailed': 'Kon de naam van “{folder}” niet wijzigen: {error}',

  'folderName.empty': 'Vul een naam voor de map in.',
  'folderName.delimiter': 'Een mapnaam mag geen “{delimiter}” bevatten: daarmee scheidt de server mappen.',
  'folderName.reserved': 'Een mapnaam mag geen * of % of onzichtbare tekens bevatten.',
  'folderName.tooLong': 'Een mapnaam mag hoogstens 200 tekens lang zijn.',
  'folderName.duplicate': 'Hier staat al een map met de naam “{name}”.',
  'folderName.unchanged': 'Zo heet de map al.',

  'folderDelete.title': 'Map “{folder}” verwijderen?',
  'folderDelete.body': {
    one: 'De map en het bericht erin worden definitief uit {mailbox} verwijderd.',
    other: 'De map en de {count} berichten erin worden definitief uit {mailbox} verwijderd.',
  },
  'folderDelete.bodyEmpty': 'De map wordt uit {mailbox} verwijderd.',
  'folderDelete.subfolders': 'De submappen worden ook verwijderd.',
  'folderDelete.confirm': 'Map verwijderen',
  'folderDelete.busy': 'Map verwijderen…',

  'folderEmpty.title': '{folder} legen?',
  'folderEmpty.body': {
    one: 'Het bericht in {folder} van {mailbox} definitief verwijderen?',
    other: 'Alle {count} berichten in {folder} van {mailbox} definitief verwijderen?',
  },
  'folderEmpty.bodyAll': 'Alles in {folder} van {mailbox} definitief verwijderen?',
  'folderEmpty.confirm': 'Definitief verwijderen',
  'folderEmpty.busy': 'Berichten verwijderen…',

  'roleFolder.archiveNoRight': '{mailbox} heeft geen Archief-map en je mag er daar geen maken. Vraag de eigenaar hem aan te maken, of verplaats de berichten naar een andere map.',
  'roleFolder.junkNoRight': '{mailbox} heeft geen map voor ongewenste e-mail en je mag er daar geen maken. Vraag de eigenaar hem aan te maken.',
  'roleFolder.archiveRefused': '{mailbox} heeft geen Archief-map en de server weigerde er een te maken: {words}',
  'roleFolder.junkRefused': '{mailbox} heeft geen map voor ongewenste e-mail en de server weigerde er een te maken: {words}',

  'folderActions.everyone': 'Iedereen in {mailbox} raakt ze kwijt.',
  'folderActions.cancel': 'Annuleren',
} satisfies Partial<Translation>;
