/** Calendar settings. */
import type { Translation } from '../types';

export const calendarSettings = {
  'settings.calendars': 'Agenda’s',
  'settings.calendars.own': 'Je eigen agenda',
  'settings.calendars.shared': 'Gedeelde agenda',
  'settings.calendars.readOnlyBadge': 'Alleen lezen',
  'settings.calendars.reminders': 'Herinneringen',
  'settings.calendars.remindersFor': 'Herinneringen voor {name}',
  'settings.calendars.readOnly': 'Je mag {name} alleen lezen, dus importeren kan niet. Exporteren wel.',
  'settings.calendars.none': 'Nog geen agenda',
  'settings.calendars.create': 'Agenda aanmaken',
  'settings.calendars.createIn': 'Agenda aanmaken in {address}',
  'settings.calendars.created': 'Agenda aangemaakt in {address}.',
  'settings.calendars.notAllowed':
    'Je mag geen agenda aanmaken in {address}. Vraag de eigenaar van {address} of je beheerder om die aan te maken, of om je dat recht te geven.',
  'settings.calendars.createFailed': 'Kon geen agenda aanmaken in {address}: {error}',
  'settings.calendars.empty': 'Nog geen mailboxen. Ze verschijnen na de eerste synchronisatie.',
} satisfies Partial<Translation>;
