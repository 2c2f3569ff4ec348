/**
 * Why a folder could not be searched, as a code the renderer words (shared/errors.ts) and English
 * detail (issue #13 §4 `folderFailed`). Pure apart from the mapping it delegates to toAppError.
 */
import { AppError } from '../../../shared/errors';
import { toAppError } from '../imap/imapErrors';

export interface Failure {
  code: string;
  message: string;
}

/** Codes that mean no folder of the account can be searched now (no login, no account). */
const accountWide = new Set(['offline', 'connectionFailed', 'authFailed', 'noPassword', 'tooManyConnections', 'accountNotFound']);

export function isAccountWide(code: string): boolean {
  return accountWide.has(code);
}

interface ServerAnswer {
  serverResponseCode?: unknown;
  mailboxMissing?: unknown;
}

/**
 * A gone folder (`[NONEXISTENT]`, RFC 5530 §3, or imapflow's own LIST check after a NO) is
 * `folderGone`; a refusal for rights (`[NOPERM]`) `notPermitted`; the rest as every IMAP
 * failure is mapped (imapErrors.ts): `offline`, `authFailed`, `serverRefused`, … and `internal`
 * for what is our own fault.
 */
export function failureOf(error: unknown, host: string, password: string | null, log: (level: 'error', message: string) => void): Failure {
  const answer = (error ?? {}) as ServerAnswer;
  const serverCode = typeof answer.serverResponseCode === 'string' ? answer.serverResponseCode.toUpperCase() : '';
  if (answer.mailboxMissing === true || serverCode === 'NONEXISTENT') return { code: 'folderGone', message: `The folder no longer exists on ${host}` };
  if (serverCode === 'NOPERM') return { code: 'notPermitted', message: `${host} does not let this account read the folder` };
  const mapped = toAppError(error, host, password, log);
  if (mapped instanceof AppError) return { code: mapped.code, message: mapped.message };
  log('error', `search: unexpected failure talking to ${host}: ${error instanceof Error ? error.message : String(error)}`);
  return { code: 'internal', message: 'Something went wrong inside Postvak' };
}
