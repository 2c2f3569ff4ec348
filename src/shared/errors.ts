/**
 * Errors that cross the contract. Main throws these with a stable `code`; the dispatcher turns
 * them into `{ok: false, error}` and the renderer words the code in the user's language.
 */
export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** Codes the renderer knows how to word (src/renderer/i18n). */
export const errorCodes = [
  'invalidInput',
  'unknownMethod',
  'unsupported',
  'internal',
  'accountNotFound',
  'accountExists',
  'noPassword',
  'connectionFailed',
  'authFailed',
  'offline',
  'messageNotFound',
  'serverRefused',
  'notPermitted',
  /** A message or attachment above the size Postvak handles (see src/main/services/mail). */
  'tooLarge',
  /** Issue #4 §6: the outbox already holds this message, or SMTP is under way so it can no longer be taken back. */
  'alreadySending',
  /** Issue #4 §2: the composer named an identity the account does not have (any more). */
  'identityNotFound',
  /** Issue #4 §2: an imported identity file is not JSON or not `{"identities":[…]}`. */
  'invalidIdentityFile',
  /** Issue #5 §1: the mailbox has no calendar and this person may not create one (details: { mailbox }). */
  'calendarNotAllowed',
  /** Issue #5 §4: no right to add, change or delete events in this calendar (details: { mailbox, folderPath }). */
  'calendarReadOnly',
  /** Issue #5 §7: the file to import is not iCalendar (RFC 5545). */
  'invalidIcsFile',
  /** Issue #10 §9: the server refused a login for too many connections of this user (RFC 5530 LIMIT). */
  'tooManyConnections',
  /** Issue #12 §2: the mailbox has no Archive folder and this person may not create one (details: { mailbox, reason }). */
  'archiveUnavailable',
  /** Issue #12 §2: the mailbox has no Junk folder and this person may not create one (details: { mailbox, reason }). */
  'junkUnavailable',
  /** Issue #12 §2: the target folder no longer exists (the server's [TRYCREATE], RFC 9051 §7.1); nothing was moved. */
  'folderGone',
  /** Issue #12 §7: an ordinary Delete where the mailbox has no Trash; nothing was removed (details: { mailbox }). */
  'noTrash',
  /** Issue #12 §7: deleted into a shared mailbox's Trash, but its deletion record could not be written (a TaskOutcome warning). */
  'recordNotWritten',
] as const;
export type ErrorCode = (typeof errorCodes)[number];
