/** Deletion a team can trust (issue #12 §7): who deleted what in a shared Trash, Restore, removing for good. */
export const deletions = {
  'deletions.deletedBy': 'Deleted by',
  'deletions.from': 'from',
  'deletions.restore': 'Restore',
  'deletions.restoreTo': 'Restore to {folder}',
  'deletions.forGoodTitle': { one: 'Remove {count} message for good?', other: 'Remove {count} messages for good?' },
  'deletions.forGoodOwn': 'This cannot be undone.',
  'deletions.forGoodShared': 'They will be gone for everyone in {mailbox}. This cannot be undone.',
  'deletions.forGoodConfirm': 'Remove for good',
  'deletions.forGoodBusy': 'Removing…',
  'deletions.cancel': 'Cancel',
} as const;
