/**
 * The one module that imports nodemailer (HOUSE_STYLE.md layer rules). For now: verifying that
 * an SMTP submission server accepts our login (the connection test).
 */
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import nodemailer from 'nodemailer';
import type { ServerSettings } from '../../../shared/model';

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
    host: server.host,
    port: server.port,
    // RFC 8314 §3.3 implicit TLS on `tls`; `starttls` must upgrade (RFC 3207), never fall back.
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: { user: login.username, pass: login.password },
    tls: {
      ca: [...rootCertificates, ...login.extraCa],
      servername: isIP(server.host) ? undefined : server.host,
      minVersion: 'TLSv1.2',
    },
    connectionTimeout: login.timeoutMs,
    greetingTimeout: login.timeoutMs,
    socketTimeout: login.timeoutMs,
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
