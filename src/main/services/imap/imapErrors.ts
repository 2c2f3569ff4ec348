/**
 * IMAP failures as AppErrors the renderer can word (src/shared/errors.ts codes).
 */
import { AppError } from '../../../shared/errors';
import { netErrorCode, redact, tlsErrorCode, tlsProblem } from '../net/errorCodes';
import { TooLargeError } from '../io/readCapped';
import { ImapExtError } from './ext/imapValues';

/** A command the server answered with NO/BAD, or a result the library reported as failed. */
export class ImapCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImapCommandError';
  }
}

const connectionGone = new Set([
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ECONNRESET',
  'EPIPE',
  'StateLogout',
]);

interface ImapishError {
  code?: unknown;
  responseStatus?: unknown;
  authenticationFailed?: unknown;
  response?: unknown;
  responseText?: unknown;
  serverResponseCode?: unknown;
  message?: unknown;
}

export function isAuthFailure(error: unknown): boolean {
  return (error as ImapishError | null)?.authenticationFailed === true;
}

/**
 * The server refused a login for too many connections (issue #10 §9): RFC 5530's `[LIMIT]` on
 * the LOGIN answer (Dovecot 2.3: `NO [LIMIT] Maximum number of connections from user+IP
 * exceeded (mail_max_userip_connections=10)`, which imapflow also marks as an authentication
 * failure), or a `* BYE` with such words. Not a wrong password: never ask for it again.
 */
export function isTooManyConnections(error: unknown): boolean {
  const e = (error ?? {}) as ImapishError;
  if (e.serverResponseCode === 'LIMIT') return true;
  const words = [e.responseText, e.response, e.message].filter((w): w is string => typeof w === 'string').join(' ');
  return /maximum number of (simultaneous )?connections|too many (simultaneous |concurrent )?connections/i.test(words);
}

/** The server's own words for a failed command, when it gave any. */
export function serverWords(error: unknown): string {
  const e = (error ?? {}) as ImapishError;
  if (typeof e.responseText === 'string' && e.responseText) return e.responseText;
  if (typeof e.response === 'string' && e.response) return e.response;
  return typeof e.message === 'string' ? e.message : String(error);
}

/** Whether the error means "the connection is gone or cannot be made" (retry later). */
export function isConnectionLoss(error: unknown): boolean {
  const code = (error as ImapishError | null)?.code;
  return (typeof code === 'string' && connectionGone.has(code)) || netErrorCode(error) !== null;
}

/**
 * Maps an error from an IMAP operation to an AppError; anything unrecognised is returned as is
 * (the dispatcher reports it as `internal` without showing its text).
 */
export function toAppError(
  error: unknown,
  host: string,
  password: string | null,
  log: (level: 'error', message: string) => void = () => undefined,
): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof TooLargeError) return new AppError('tooLarge', error.message);
  const words = redact(serverWords(error), [password]);
  if (isTooManyConnections(error)) {
    return new AppError('tooManyConnections', `${host} allows no more connections for this account right now: ${words}`);
  }
  if (isAuthFailure(error)) {
    return new AppError('authFailed', `${host} refused the user name or password: ${words}`);
  }
  const tls = tlsErrorCode(error);
  if (tls) return new AppError('connectionFailed', `Cannot connect securely to ${host}: ${tlsProblem(tls)}`, { code: tls });
  if (isConnectionLoss(error)) return new AppError('offline', `${host} cannot be reached: ${words}`);
  if (error instanceof ImapCommandError) return new AppError('serverRefused', redact(error.message, [password]));
  if (error instanceof ImapExtError) return extError(error, host, password, log);
  const e = error as ImapishError & { mailboxMissing?: unknown; path?: unknown };
  if (e?.mailboxMissing === true) {
    return new AppError('serverRefused', `The folder ${typeof e.path === 'string' ? e.path : ''} no longer exists on ${host}`.replace('  ', ' '));
  }
  // A tagged NO or BAD (RFC 9051 §7.1.2, §7.1.3): the server's words are the best explanation.
  if (e?.responseStatus === 'NO' || e?.responseStatus === 'BAD') return new AppError('serverRefused', `${host}: ${words}`);
  return error;
}

/**
 * Scrubs the password from the text fields of a library error before it travels on (logs, status
 * events). Libraries do not echo credentials today; this keeps it so if one starts to.
 */
export function redactError(error: unknown, password: string): unknown {
  if (!error || typeof error !== 'object') return error;
  const e = error as Record<string, unknown>;
  for (const key of ['message', 'response', 'responseText', 'stack']) {
    if (typeof e[key] === 'string') e[key] = redact(e[key] as string, [password]);
  }
  return error;
}

/**
 * Raw-command failures (imap/ext): a tagged NO or BAD carries the server's words (RFC 9051
 * §7.1.2-3); a missing capability is `unsupported`; a garbled answer or a changed imapflow is
 * our problem, not the user's: `internal`, with the detail in the log only.
 */
function extError(error: ImapExtError, host: string, password: string | null, log: (level: 'error', message: string) => void): AppError {
  const words = redact(error.message, [password]);
  switch (error.code) {
    case 'refused':
    case 'badCommand':
      return new AppError('serverRefused', `${host}: ${words}`, error.serverCode ? { serverCode: error.serverCode } : undefined);
    case 'unsupported':
      return new AppError('unsupported', words);
    case 'invalidArgument':
      return new AppError('invalidInput', words);
    case 'protocol':
    case 'imapflowChanged':
      log('error', `IMAP extension failure (${error.code}) talking to ${host}: ${words}`);
      return new AppError('internal', `Postvak could not understand ${host}'s answer`);
  }
}
