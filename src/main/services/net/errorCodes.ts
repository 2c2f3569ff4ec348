/**
 * Network and TLS failures, read from whatever error a library hands us: Node's own codes, the
 * code a library moved to `originalCode` / `cause` / `_err`, or — when a library re-wrapped the
 * error into a new message (nodemailer's "Error initiating TLS - …") — OpenSSL's wording.
 */
import type { ConnectionErrorCode } from '../../../shared/model';

type Codeish = { code?: unknown; originalCode?: unknown; cause?: unknown; _err?: unknown; message?: unknown };

function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 3) return [];
  const e = error as Codeish;
  const own = [e.code, e.originalCode].filter((c): c is string => typeof c === 'string');
  return [...own, ...codesOf(e.cause, depth + 1), ...codesOf(e._err, depth + 1)];
}

function messagesOf(error: unknown, depth = 0): string {
  if (!error || typeof error !== 'object' || depth > 3) return '';
  const e = error as Codeish;
  const own = typeof e.message === 'string' ? e.message : '';
  return [own, messagesOf(e.cause, depth + 1), messagesOf(e._err, depth + 1)].join(' ');
}

const untrusted = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

/** The TLS verdict in an error, or `null` when it is not a TLS failure. */
export function tlsErrorCode(error: unknown): ConnectionErrorCode | null {
  const codes = codesOf(error);
  if (codes.includes('CERT_HAS_EXPIRED')) return 'tlsCertExpired';
  if (codes.some((c) => untrusted.has(c))) return 'tlsCertUntrusted';
  if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID')) return 'tlsCertHostname';
  const text = messagesOf(error);
  if (/certificate has expired/i.test(text)) return 'tlsCertExpired';
  if (/self[- ]signed certificate|unable to verify the first certificate|unable to get (local )?issuer certificate/i.test(text)) {
    return 'tlsCertUntrusted';
  }
  if (/does not match certificate's altnames/i.test(text)) return 'tlsCertHostname';
  if (
    codes.some((c) => c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_') || c.startsWith('CERT_') || c === 'EPROTO' || c === 'ETLS') ||
    (error as { tlsFailed?: unknown } | null)?.tlsFailed === true
  ) {
    return 'tlsFailed';
  }
  return null;
}

/** DNS / TCP verdicts; `null` when the error is something else. */
export function netErrorCode(error: unknown): 'dnsNotFound' | 'tcpRefused' | 'tcpTimeout' | null {
  const codes = codesOf(error);
  if (codes.some((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME' || c === 'EDNS')) return 'dnsNotFound';
  if (codes.some((c) => c === 'ECONNREFUSED' || c === 'EHOSTUNREACH' || c === 'ENETUNREACH' || c === 'EADDRNOTAVAIL')) {
    return 'tcpRefused';
  }
  if (codes.some((c) => c === 'ETIMEDOUT' || c === 'CONNECT_TIMEOUT' || c === 'ETIMEOUT')) return 'tcpTimeout';
  return null;
}

/** Words for a TLS verdict, for messages and `detail`. */
export function tlsProblem(code: ConnectionErrorCode): string {
  switch (code) {
    case 'tlsCertExpired':
      return 'the server certificate has expired';
    case 'tlsCertUntrusted':
      return 'the server certificate is not signed by a trusted authority';
    case 'tlsCertHostname':
      return 'the server certificate is for another host name';
    default:
      return 'the secure connection could not be set up';
  }
}

/** Removes a secret (and its base64 forms, as in AUTH PLAIN / LOGIN) from text meant for logs or users. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const forms = [secret, Buffer.from(secret).toString('base64')];
    for (const form of forms) out = out.split(form).join('•••');
  }
  return out;
}
