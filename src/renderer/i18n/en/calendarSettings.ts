/** Calendar settings. */
export const calendarSettings = {
  'settings.calendars': 'Calendars',
  'settings.calendars.own': 'Your calendar',
  'settings.calendars.shared': 'Shared calendar',
  'settings.calendars.readOnlyBadge': 'Read-only',
  'settings.calendars.reminders': 'Reminders',
  'settings.calendars.remindersFor': 'Reminders for {name}',
  'settings.calendars.readOnly': 'You can only read {name}, so importing into it is not possible. You can export it.',
  'settings.calendars.none': 'No calendar yet',
  'settings.calendars.create': 'Create calendar',
  'settings.calendars.createIn': 'Create calendar in {address}',
  'settings.calendars.created': 'Created a calendar in {address}.',
  'settings.calendars.notAllowed':
    'You may not create a calendar in {address}. Ask the owner of {address} or your administrator to create it, or to give you the right to.',
  'settings.calendars.createFailed': "Couldn't create a calendar in {address}: {error}",
  'settings.calendars.empty': 'No mailboxes yet. They appear after the first sync.',
} as const;
