/**
 * Error codes in words. Codes come from src/shared/errors.ts (`errorCodes`) and from connection
 * checks (`ConnectionErrorCode`); anything unknown still gets a sentence, never a bare code.
 */
import type { ApiError } from '../../shared/api';
import { errorCodes, type ErrorCode } from '../../shared/errors';
import type { ConnectionErrorCode } from '../../shared/model';
import type { Translate } from './types';

export const connectionErrorCodes = [
  'dnsNotFound',
  'tcpRefused',
  'tcpTimeout',
  'tlsCertExpired',
  'tlsCertUntrusted',
  'tlsCertHostname',
  'tlsFailed',
  'noGreeting',
  'authFailed',
  'missingCapability',
  'unknown',
] as const satisfies readonly ConnectionErrorCode[];

function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

function isConnectionErrorCode(code: string): code is ConnectionErrorCode {
  return (connectionErrorCodes as readonly string[]).includes(code);
}

/** A connection check's failure, naming the server it was talking to. */
export function describeConnectionError(t: Translate, code: ConnectionErrorCode | undefined, host: string): string {
  return t(`connError.${code && isConnectionErrorCode(code) ? code : 'unknown'}`, { host });
}

/** Words for an error from the contract; `host` is used when the code is a connection code. */
export function describeError(t: Translate, error: Pick<ApiError, 'code'> | null | undefined, host?: string): string {
  const code = error?.code ?? 'unknown';
  if (isErrorCode(code)) return t(`error.${code}`);
  if (isConnectionErrorCode(code)) {
    if (host) return t(`connError.${code}`, { host });
    return t(code === 'unknown' ? 'error.unknown' : 'error.connectionFailed');
  }
  return t('error.unknown');
}

/** Turns anything thrown into an ApiError-like value, so every failure can be worded. */
export function toApiError(error: unknown): ApiError {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    return { code: error.code, message };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
