/**
 * Connecting, for AccountSync (issue #10 §12: split by concern): what a failed attempt means
 * for the person (status, and whether retrying can help), and a guard that turns a session
 * closing under a running step into an error that ends the step.
 */
import type { SyncStatus } from '../../../shared/model';
import { AppError } from '../../../shared/errors';
import type { ImapSession } from '../imap/types';
import { toAppError } from '../imap/imapErrors';

export class ConnectionLostError extends Error {
  readonly code = 'NoConnection';
}

/** A fresh login lists other mailboxes than this session: reconnect now, no backoff. */
export class StaleSessionError extends Error {}

/** Errors after which retrying cannot help until the person changes something. */
const terminal = new Set(['authFailed', 'noPassword', 'accountNotFound']);

export interface Failure {
  /** Stop retrying: a wrong or missing password, a removed account. */
  terminal: boolean;
  status: Omit<SyncStatus, 'accountId'>;
}

/** What a failed connection or session means: the status to show and whether to retry. */
export function classifyFailure(error: unknown, host: string, log: (level: 'error', message: string) => void): Failure {
  const mapped = toAppError(error, host, null);
  const app = mapped instanceof AppError ? mapped : new AppError('connectionFailed', `Lost the connection to ${host}`);
  if (!(mapped instanceof AppError)) log('error', `Sync of ${host} failed: ${String(error)}`);
  const state = app.code === 'offline' ? 'offline' : 'error';
  return { terminal: terminal.has(app.code), status: { state, error: { code: app.code, message: app.message } } };
}

export interface SessionGuard {
  /** `work`, or a ConnectionLostError as soon as the session closes. */
  guard<T>(work: Promise<T>): Promise<T>;
  dispose(): void;
}

export function guardSession(session: ImapSession): SessionGuard {
  let onLost: (error: Error) => void = () => undefined;
  const lost = new Promise<never>((_, reject) => {
    onLost = reject;
  });
  lost.catch(() => undefined);
  const off = session.onClose(() => onLost(new ConnectionLostError('The server closed the connection')));
  return {
    guard: (work) => Promise.race([work, lost]),
    dispose: off,
  };
}
