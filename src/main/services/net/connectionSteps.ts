/**
 * Connection-test steps shared by IMAP and SMTP: the transport steps (DNS, TCP, implicit TLS),
 * and reading a library's failure as the step it happened in.
 */
import type { ConnectionCheck, ConnectionErrorCode, Security, ServerSettings } from '../../../shared/model';
import { isAuthFailure, serverWords } from '../imap/imapErrors';
import { netErrorCode, redact, tlsErrorCode, tlsProblem } from './errorCodes';
import { resolveHost, tcpProbe, tlsProbe } from './probes';

type Server = 'imap' | 'smtp';

/** Appends the DNS, TCP and (for `tls`) TLS checks; false when one failed. */
export async function transportChecks(
  server: Server,
  settings: ServerSettings,
  extraCa: readonly string[],
  checks: ConnectionCheck[],
): Promise<boolean> {
  let address: string;
  try {
    address = await resolveHost(settings.host);
    checks.push({ server, step: 'dns', ok: true, detail: address });
  } catch (error) {
    checks.push({ server, step: 'dns', ok: false, code: 'dnsNotFound', detail: `${settings.host}: ${describe(error)}` });
    return false;
  }
  try {
    await tcpProbe(address, settings.port);
    checks.push({ server, step: 'tcp', ok: true, detail: `${address}:${settings.port}` });
  } catch (error) {
    const code: ConnectionErrorCode = netErrorCode(error) === 'tcpTimeout' ? 'tcpTimeout' : 'tcpRefused';
    checks.push({ server, step: 'tcp', ok: false, code, detail: `${address}:${settings.port}: ${describe(error)}` });
    return false;
  }
  if (settings.security !== 'tls') return true;
  try {
    const protocol = await tlsProbe(settings.host, address, settings.port, extraCa);
    checks.push({ server, step: 'tls', ok: true, detail: protocol });
    return true;
  } catch (error) {
    const code = tlsErrorCode(error) ?? (netErrorCode(error) === 'tcpTimeout' ? 'tcpTimeout' : 'tlsFailed');
    checks.push({ server, step: 'tls', ok: false, code, detail: tlsDetail(code, error) });
    return false;
  }
}

function isSmtpAuthFailure(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return e.code === 'EAUTH' || e.responseCode === 535;
}

function isNoGreeting(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  return (
    ['GREETING_TIMEOUT', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS'].includes(code) ||
    (typeof e.message === 'string' && /greeting/i.test(e.message))
  );
}

/** The checks that a failed IMAP/SMTP library connect stands for. */
export function libraryFailure(server: Server, security: Security, error: unknown, password: string): ConnectionCheck[] {
  const words = redact(serverWords(error), [password]);
  const greeted: ConnectionCheck = { server, step: 'greeting', ok: true };
  const tls = tlsErrorCode(error);
  if (tls) {
    const failed: ConnectionCheck = { server, step: 'tls', ok: false, code: tls, detail: tlsDetail(tls, error) };
    // With STARTTLS (RFC 3207, RFC 9051 §6.2.1) the handshake comes after the greeting.
    return security === 'starttls' ? [greeted, failed] : [failed];
  }
  const tlsOk: ConnectionCheck[] = security === 'starttls' ? [{ server, step: 'tls', ok: true, detail: 'STARTTLS' }] : [];
  if (server === 'imap' ? isAuthFailure(error) : isSmtpAuthFailure(error)) {
    return [greeted, ...tlsOk, { server, step: 'login', ok: false, code: 'authFailed', detail: words }];
  }
  if (isNoGreeting(error)) return [{ server, step: 'greeting', ok: false, code: 'noGreeting', detail: words }];
  const net = netErrorCode(error);
  if (net) return [{ server, step: 'greeting', ok: false, code: net, detail: words }];
  return [greeted, ...tlsOk, { server, step: 'login', ok: false, code: 'unknown', detail: words }];
}

function tlsDetail(code: ConnectionErrorCode, error: unknown): string {
  return `${tlsProblem(code)} (${describe(error)})`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
