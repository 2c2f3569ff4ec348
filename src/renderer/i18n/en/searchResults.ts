/** The search's results in the list (issue #13 §1): where each hit lives, an empty search, Show in folder. */
export const searchResults = {
  'searchResults.empty': 'No messages match this search.',
  'searchResults.where': '{mailbox} · {folder}',
  'searchResults.inFolder': 'In {mailbox}, folder {folder}',
  'searchResults.showInFolder': 'Show in folder',
} as const;
