/**
 * One TLS context per set of trusted CAs, made once and shared by every connection (IMAP,
 * SMTP, the set-up probes). Building a context parses the system's ~140 root certificates: a
 * CPU profile of the host showed that cost (tens of milliseconds) on every new connection —
 * each IDLE watcher, each re-discovery login, each send — and on the first rows' path.
 * Verification is unchanged: `rejectUnauthorized` stays at Node's default (true), and the name
 * check still uses each connection's own `servername`.
 */
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

const contexts = new Map<string, SecureContext>();

/** The context trusting the system roots plus `extraCa` (PEM texts), TLS 1.2 at least. */
export function secureContextFor(extraCa: readonly string[]): SecureContext {
  const key = extraCa.join('\u0000');
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({ ca: [...rootCertificates, ...extraCa], minVersion: 'TLSv1.2' });
    contexts.set(key, context);
  }
  return context;
}
