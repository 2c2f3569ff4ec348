/**
 * Which servers a saved password belongs to (issue #10 §6: credentials stay with their server).
 * A password is given for one login — a user name at an IMAP and an SMTP server, each with its
 * host, port and security — and is only ever sent there. Change any of these and the password
 * is asked for again: otherwise a changed host (a typo, or a settings file someone edited)
 * would receive the password meant for the old one on the next login. Pure, so main (which
 * holds and checks the secret) and the account form (which asks again) apply one rule.
 */
import type { AccountSettings, ServerSettings } from './model';

export interface LoginBinding {
  username: string;
  imap: ServerSettings;
  smtp: ServerSettings;
}

/** Host names compare case-insensitively and without a trailing root dot (RFC 4343, RFC 1034 §3.1). */
export function normalHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

function server(s: ServerSettings): ServerSettings {
  return { host: normalHost(s.host), port: s.port, security: s.security };
}

export function loginBinding(settings: Pick<AccountSettings, 'username' | 'imap' | 'smtp'>): LoginBinding {
  return { username: settings.username, imap: server(settings.imap), smtp: server(settings.smtp) };
}

function sameServer(a: ServerSettings, b: ServerSettings): boolean {
  return a.host === b.host && a.port === b.port && a.security === b.security;
}

/** Whether a password given for `a` may be sent to `b`. */
export function sameLogin(a: Pick<AccountSettings, 'username' | 'imap' | 'smtp'>, b: Pick<AccountSettings, 'username' | 'imap' | 'smtp'>): boolean {
  const x = loginBinding(a);
  const y = loginBinding(b);
  return x.username === y.username && sameServer(x.imap, y.imap) && sameServer(x.smtp, y.smtp);
}
