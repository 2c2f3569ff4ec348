/**
 * "Test connection" in the account dialog: every step of reaching IMAP and SMTP, in order, so the
 * user learns which one failed — DNS, TCP, TLS, greeting, login, capabilities. IMAP stops at its
 * first failure; SMTP is tested independently (a wrong SMTP port says nothing about IMAP).
 */
import type { AccountSettings, ConnectionCheck, ConnectionTestResult } from '../../../shared/model';
import { openImap } from '../imap/ImapFlowSession';
import type { ImapCaps } from '../imap/types';
import { verifySmtp } from '../smtp/smtpClient';
import { assertSecurityAllowed } from '../accounts/settingsRules';
import { libraryFailure, transportChecks } from './connectionSteps';

const LIBRARY_TIMEOUT_MS = 15_000;

export async function testConnection(
  settings: AccountSettings,
  password: string,
  extraCa: readonly string[],
): Promise<ConnectionTestResult> {
  assertSecurityAllowed(settings);
  const [imap, smtp] = await Promise.all([testImap(settings, password, extraCa), testSmtp(settings, password, extraCa)]);
  const checks = [...imap, ...smtp];
  return { ok: checks.every((c) => c.ok), checks };
}

async function testImap(settings: AccountSettings, password: string, extraCa: readonly string[]): Promise<ConnectionCheck[]> {
  const server = settings.imap;
  const checks: ConnectionCheck[] = [];
  if (!(await transportChecks('imap', server, extraCa, checks))) return checks;
  let session;
  try {
    session = await openImap({ ...server, username: settings.username }, password, { extraCa, connectTimeoutMs: LIBRARY_TIMEOUT_MS });
  } catch (error) {
    return [...checks, ...libraryFailure('imap', server.security, error, password)];
  }
  try {
    checks.push({ server: 'imap', step: 'greeting', ok: true });
    if (server.security === 'starttls') checks.push({ server: 'imap', step: 'tls', ok: true, detail: 'STARTTLS' });
    checks.push({ server: 'imap', step: 'login', ok: true });
    checks.push(capabilityCheck(session.caps));
  } finally {
    await session.close();
  }
  return checks;
}

async function testSmtp(settings: AccountSettings, password: string, extraCa: readonly string[]): Promise<ConnectionCheck[]> {
  const server = settings.smtp;
  const checks: ConnectionCheck[] = [];
  if (!(await transportChecks('smtp', server, extraCa, checks))) return checks;
  try {
    await verifySmtp({ server, username: settings.username, password, extraCa, timeoutMs: LIBRARY_TIMEOUT_MS });
  } catch (error) {
    return [...checks, ...libraryFailure('smtp', server.security, error, password)];
  }
  checks.push({ server: 'smtp', step: 'greeting', ok: true });
  if (server.security === 'starttls') checks.push({ server: 'smtp', step: 'tls', ok: true, detail: 'STARTTLS' });
  checks.push({ server: 'smtp', step: 'login', ok: true });
  return checks;
}

/**
 * IMAP4rev1 (RFC 3501) or IMAP4rev2 (RFC 9051) is required. IDLE (RFC 2177), CONDSTORE and
 * QRESYNC (RFC 7162) and UIDPLUS (RFC 4315) make sync faster but are optional; IMAP4rev2
 * includes IDLE and UIDPLUS.
 */
export function capabilityCheck(caps: ImapCaps): ConnectionCheck {
  const base = caps.imap4rev2 ? 'IMAP4rev2' : caps.imap4rev1 ? 'IMAP4rev1' : null;
  if (!base) {
    return { server: 'imap', step: 'capability', ok: false, code: 'missingCapability', detail: 'The server speaks neither IMAP4rev1 nor IMAP4rev2' };
  }
  const implied = caps.imap4rev2 ? ['IDLE', 'UIDPLUS'] : [];
  const missing = ['IDLE', 'CONDSTORE', 'QRESYNC', 'UIDPLUS'].filter((c) => !caps.all.includes(c) && !implied.includes(c));
  return {
    server: 'imap',
    step: 'capability',
    ok: true,
    detail: missing.length > 0 ? `${base}; missing (sync is slower without): ${missing.join(', ')}` : base,
  };
}
