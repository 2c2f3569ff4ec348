/**
 * SMTP failures as the outbox's SendErrorCode, keeping the server's own words (issue #4 §4).
 * Pure: classifies the error object nodemailer's SMTP connection produces (`code`, `command`,
 * `response`, `responseCode`, `rejected`, `rejectedErrors`), tested without a server.
 */
import type { SendErrorCode } from '../../../shared/model/compose';
import { tlsErrorCode } from '../net/errorCodes';

export interface SendFailure {
  code: SendErrorCode;
  /** The server's reply when there was one, else the library's message. Never a password. */
  message: string;
  /** Permanent (5xx, RFC 5321 §4.2.1) needs the person; temporary (4xx, network) is retried. */
  permanent: boolean;
  /** The refused recipients, for recipientRefused. */
  recipients?: string[];
}

interface SmtpishError {
  code?: unknown;
  originalCode?: unknown;
  command?: unknown;
  response?: unknown;
  responseCode?: unknown;
  message?: unknown;
  rejected?: unknown;
  rejectedErrors?: unknown;
  recipient?: unknown;
}

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED']);

/** RFC 3463 enhanced status code (`5.7.1`) at the start of the reply text, after the basic code. */
export function enhancedCode(reply: string): string | null {
  return /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(reply.trim())?.[1] ?? null;
}

/**
 * Whether a refusal is about the sender rather than a recipient. Postfix's
 * reject_sender_login_mismatch answers at RCPT TO (`553 5.7.1 <info@…>: Sender address
 * rejected: not owned by user carol@…`), so the command alone does not tell: RFC 3463 §3.8
 * X.7.1 "delivery not authorized" plus the words say it; at MAIL FROM any 5xx is the sender's.
 */
export function isSenderRefusal(command: string, reply: string): boolean {
  if (command === 'MAIL FROM') return true;
  const lower = reply.toLowerCase();
  if (/not owned by|sender address rejected|sender rejected|not authorized to send|send ?as/.test(lower)) return true;
  return enhancedCode(reply) === '5.7.1' && /sender/.test(lower);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function words(e: SmtpishError): string {
  return (text(e.response) || text(e.message) || 'The server gave no reason').trim();
}

/** The refused recipients' own replies, e.g. `bad@x: 550 5.1.1 User unknown`. */
function recipientReplies(e: SmtpishError): { recipients: string[]; replies: string[] } {
  const list = Array.isArray(e.rejectedErrors) ? (e.rejectedErrors as SmtpishError[]) : [];
  const recipients = list.map((r) => text(r.recipient)).filter(Boolean);
  const fromRejected = Array.isArray(e.rejected) ? (e.rejected as unknown[]).map(text).filter(Boolean) : [];
  return {
    recipients: recipients.length > 0 ? recipients : fromRejected,
    replies: list.map((r) => text(r.response)).filter(Boolean),
  };
}

export function classifySmtpError(error: unknown): SendFailure {
  const e = (error ?? {}) as SmtpishError;
  const code = text(e.code);
  const command = text(e.command);
  const reply = text(e.response);
  const status = typeof e.responseCode === 'number' ? e.responseCode : null;
  const message = words(e);

  // A connection cut during the TLS handshake is the network, not the certificate.
  if ((tlsErrorCode(error) || code === 'ETLS') && !/closed unexpectedly/i.test(message)) return { code: 'tlsFailed', message, permanent: true };
  if (code === 'ETLS') return { code: 'offline', message, permanent: false };
  if (code === 'EAUTH' || status === 535) {
    // 454 4.7.0 is a temporary authentication failure (RFC 4954 §6).
    return { code: 'authFailed', message, permanent: status === null || status >= 500 };
  }
  // Refused by us before upload: the message is larger than the server's SIZE (RFC 1870 §6).
  if (code === 'EMESSAGE' && command === 'MAIL FROM' && status === null) return { code: 'messageTooLarge', message, permanent: true };
  if (status === 552 || enhancedCode(reply) === '5.3.4' || enhancedCode(reply) === '5.2.3') {
    return { code: 'messageTooLarge', message, permanent: true };
  }
  if (code === 'ESOCKET' || code === 'ECONNECTION' || code === 'ETIMEDOUT' || networkCodes.has(code) || networkCodes.has(text(e.originalCode))) {
    if (status === null || status < 500) return { code: 'offline', message, permanent: false };
  }
  if (status !== null && status >= 400 && status < 500) return { code: 'serverError', message, permanent: false };
  if (command === 'MAIL FROM' || command === 'RCPT TO') {
    const { recipients, replies } = recipientReplies(e);
    const all = [reply, ...replies].filter(Boolean);
    if (all.some((r) => isSenderRefusal(command, r))) {
      const senderReply = all.find((r) => isSenderRefusal(command, r)) ?? message;
      return { code: 'senderRefused', message: senderReply.trim(), permanent: true };
    }
    const detail = replies.length > 0 ? replies.join('; ') : message;
    return { code: 'recipientRefused', message: detail, permanent: true, recipients };
  }
  if (status !== null && status >= 500) return { code: 'serverError', message, permanent: true };
  return { code: 'unknown', message, permanent: false };
}
