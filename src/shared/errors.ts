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
] as const;
export type ErrorCode = (typeof errorCodes)[number];
