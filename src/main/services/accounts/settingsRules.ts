/**
 * Rules for account settings beyond their shape (the zod schema in src/shared/api checks that).
 */
import type { AccountSettings, ServerSettings } from '../../../shared/model';
import { AppError } from '../../../shared/errors';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host.trim().toLowerCase());
}

/**
 * `security: 'none'` sends the password in clear text. That is acceptable only when the traffic
 * never leaves the machine (a local bridge such as a test server or a provider's local gateway);
 * on any network, everyone on the path could read the password and the mail (RFC 8314 §5.4 asks
 * clients not to fall back to cleartext).
 */
export function assertSecurityAllowed(settings: AccountSettings): void {
  for (const [name, server] of [
    ['IMAP', settings.imap],
    ['SMTP', settings.smtp],
  ] as const) {
    assertServerAllowed(name, server);
  }
}

function assertServerAllowed(name: string, server: ServerSettings): void {
  if (server.security === 'none' && !isLoopbackHost(server.host)) {
    throw new AppError(
      'invalidInput',
      `${name} without encryption is only allowed to this computer (localhost); use TLS or STARTTLS for ${server.host}`,
      [{ path: [name.toLowerCase(), 'security'], message: 'unencrypted connection to a remote host' }],
    );
  }
}
