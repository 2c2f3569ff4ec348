/**
 * SMTP connection settings shared by the connection test and submission (smtpSubmit.ts), and the
 * connection test itself: verifying that a submission server accepts our login.
 */
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type { ServerSettings } from '../../../shared/model';
import { secureContextFor } from '../net/tlsContext';

export interface SmtpLogin {
  server: ServerSettings;
  username: string;
  password: string;
  extraCa: readonly string[];
  timeoutMs: number;
}

export interface SmtpVerified {
  /** Whether the session ended up encrypted (implicit TLS or STARTTLS). */
  secure: boolean;
}

/** Connects, (STARTTLS,) authenticates and quits. Rejects with nodemailer's error. */
export async function verifySmtp(login: SmtpLogin): Promise<SmtpVerified> {
  const { server } = login;
  const transport = nodemailer.createTransport({
    ...connectionOptions(login),
    auth: { user: login.username, pass: login.password },
    logger: false,
    debug: false,
  });
  try {
    await transport.verify();
    return { secure: server.security !== 'none' };
  } finally {
    transport.close();
  }
}

/**
 * Host, TLS and timeouts for a connection to `login.server`. Extra CAs join the system roots;
 * certificate verification itself is never switched off.
 */
export function connectionOptions(login: Pick<SmtpLogin, 'server' | 'extraCa' | 'timeoutMs'>) {
  const { server } = login;
  return {
    host: server.host,
    port: server.port,
    // RFC 8314 §3.3 implicit TLS on `tls`; `starttls` must upgrade (RFC 3207), never fall back.
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    tls: {
      secureContext: secureContextFor(login.extraCa),
      servername: isIP(server.host) ? undefined : server.host,
    },
    connectionTimeout: login.timeoutMs,
    greetingTimeout: login.timeoutMs,
    socketTimeout: login.timeoutMs,
  };
}
