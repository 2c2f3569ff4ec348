import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { netErrorCode, redact, tlsErrorCode } from '../../../../../src/main/services/net/errorCodes';
import { libraryFailure, transportChecks } from '../../../../../src/main/services/net/connectionSteps';
import { capabilityCheck } from '../../../../../src/main/services/net/connectionTest';
import type { ConnectionCheck } from '../../../../../src/shared/model';

const err = (props: Record<string, unknown>, message = 'failed') => Object.assign(new Error(message), props);

describe('tlsErrorCode', () => {
  it.each([
    ['CERT_HAS_EXPIRED', 'tlsCertExpired'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tlsCertUntrusted'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tlsCertUntrusted'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tlsCertUntrusted'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tlsCertUntrusted'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tlsCertHostname'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tlsFailed'],
    ['EPROTO', 'tlsFailed'],
  ])('%s → %s', (code, expected) => {
    expect(tlsErrorCode(err({ code }))).toBe(expected);
  });

  it('finds the code a library moved elsewhere, or reads OpenSSL wording from a wrapped message', () => {
    expect(tlsErrorCode(err({ code: 'ETLS', originalCode: 'CERT_HAS_EXPIRED' }))).toBe('tlsCertExpired');
    expect(tlsErrorCode(err({ code: 'ESOCKET', cause: err({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }))).toBe('tlsCertUntrusted');
    expect(tlsErrorCode(err({ _err: err({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }) }))).toBe('tlsCertHostname');
    expect(tlsErrorCode(err({ code: 'ETLS' }, 'Error initiating TLS - certificate has expired'))).toBe('tlsCertExpired');
    expect(tlsErrorCode(err({ code: 'ETLS' }, 'Error initiating TLS - self-signed certificate in certificate chain'))).toBe('tlsCertUntrusted');
    expect(tlsErrorCode(err({ code: 'ETLS' }, 'Error initiating TLS - boom'))).toBe('tlsFailed');
  });

  it('is null for non-TLS errors', () => {
    expect(tlsErrorCode(err({ code: 'ECONNREFUSED' }))).toBeNull();
    expect(tlsErrorCode(null)).toBeNull();
    expect(tlsErrorCode('string')).toBeNull();
  });
});

describe('netErrorCode', () => {
  it.each([
    ['ENOTFOUND', 'dnsNotFound'],
    ['EAI_AGAIN', 'dnsNotFound'],
    ['ECONNREFUSED', 'tcpRefused'],
    ['EHOSTUNREACH', 'tcpRefused'],
    ['ETIMEDOUT', 'tcpTimeout'],
    ['CONNECT_TIMEOUT', 'tcpTimeout'],
    ['EAUTH', null],
  ])('%s → %s', (code, expected) => {
    expect(netErrorCode(err({ code }))).toBe(expected);
  });
});

describe('redact', () => {
  it('removes the password and its base64 form', () => {
    const pw = 'S3cr3t!';
    const text = `AUTH PLAIN ${Buffer.from(pw).toString('base64')} failed for ${pw}`;
    expect(redact(text, [pw])).not.toContain(pw);
    expect(redact(text, [pw])).not.toContain(Buffer.from(pw).toString('base64'));
    expect(redact('nothing', [null, ''])).toBe('nothing');
  });
});

describe('libraryFailure', () => {
  const steps = (checks: ConnectionCheck[]) => checks.map((c) => `${c.step}:${c.ok ? 'ok' : c.code}`);

  it('places a STARTTLS certificate failure after the greeting', () => {
    expect(steps(libraryFailure('imap', 'starttls', err({ code: 'CERT_HAS_EXPIRED' }), 'pw'))).toEqual(['greeting:ok', 'tls:tlsCertExpired']);
    expect(steps(libraryFailure('imap', 'tls', err({ code: 'CERT_HAS_EXPIRED' }), 'pw'))).toEqual(['tls:tlsCertExpired']);
  });

  it('reports an IMAP login failure with the server words, never the password', () => {
    const checks = libraryFailure('imap', 'starttls', err({ authenticationFailed: true, response: 'NO [AUTHENTICATIONFAILED] Authentication failed (pw)' }), 'pw');
    expect(steps(checks)).toEqual(['greeting:ok', 'tls:ok', 'login:authFailed']);
    expect(checks.at(-1)!.detail).toBe('NO [AUTHENTICATIONFAILED] Authentication failed (•••)');
  });

  it('reports an SMTP 535 as authFailed', () => {
    const checks = libraryFailure('smtp', 'tls', err({ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Error: authentication failed' }), 'x');
    expect(steps(checks)).toEqual(['greeting:ok', 'login:authFailed']);
    expect(checks.at(-1)!.detail).toContain('535 5.7.8');
  });

  it('reports a missing greeting', () => {
    expect(steps(libraryFailure('imap', 'tls', err({ code: 'GREETING_TIMEOUT' }), 'x'))).toEqual(['greeting:noGreeting']);
    expect(steps(libraryFailure('smtp', 'tls', err({ code: 'ETIMEDOUT' }, 'Greeting never received'), 'x'))).toEqual(['greeting:noGreeting']);
  });

  it('falls back to an unknown login failure', () => {
    expect(steps(libraryFailure('imap', 'tls', new Error('weird'), 'x'))).toEqual(['greeting:ok', 'login:unknown']);
  });
});

describe('transportChecks', () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.close();
    server = null;
  });

  it('passes DNS and TCP for a listening port and stops there for STARTTLS', async () => {
    server = createServer((s) => s.on('error', () => undefined).destroy());
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const checks: ConnectionCheck[] = [];
    expect(await transportChecks('imap', { host: '127.0.0.1', port, security: 'starttls' }, [], checks)).toBe(true);
    expect(checks.map((c) => `${c.step}:${c.ok}`)).toEqual(['dns:true', 'tcp:true']);
  });

  it('reports a closed port as tcpRefused', async () => {
    server = createServer();
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    server.close();
    server = null;
    const checks: ConnectionCheck[] = [];
    expect(await transportChecks('smtp', { host: '127.0.0.1', port, security: 'tls' }, [], checks)).toBe(false);
    expect(checks.at(-1)).toMatchObject({ server: 'smtp', step: 'tcp', ok: false, code: 'tcpRefused' });
  });

  it('reports a host that does not resolve as dnsNotFound', async () => {
    const checks: ConnectionCheck[] = [];
    expect(await transportChecks('imap', { host: 'nonexistent.invalid', port: 993, security: 'tls' }, [], checks)).toBe(false);
    expect(checks).toEqual([expect.objectContaining({ step: 'dns', ok: false, code: 'dnsNotFound' })]);
  });

  it('reports a TLS handshake with a plain-text server as tlsFailed', async () => {
    server = createServer((s) => s.on('error', () => undefined).end('* OK plain text IMAP\r\n'));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const checks: ConnectionCheck[] = [];
    expect(await transportChecks('imap', { host: '127.0.0.1', port, security: 'tls' }, [], checks)).toBe(false);
    expect(checks.at(-1)).toMatchObject({ step: 'tls', ok: false, code: 'tlsFailed' });
  });
});

describe('capabilityCheck', () => {
  const caps = (all: string[]) => ({
    imap4rev1: all.includes('IMAP4REV1'),
    imap4rev2: all.includes('IMAP4REV2'),
    idle: all.includes('IDLE'),
    condstore: false,
    qresync: false,
    uidplus: all.includes('UIDPLUS'),
    all,
  });

  it('passes IMAP4rev1 and lists what is missing', () => {
    expect(capabilityCheck(caps(['IMAP4REV1', 'IDLE']))).toEqual({
      server: 'imap',
      step: 'capability',
      ok: true,
      detail: 'IMAP4rev1; missing (sync is slower without): CONDSTORE, QRESYNC, UIDPLUS',
    });
  });

  it('counts IDLE and UIDPLUS as part of IMAP4rev2', () => {
    expect(capabilityCheck(caps(['IMAP4REV2', 'CONDSTORE', 'QRESYNC'])).detail).toBe('IMAP4rev2');
  });

  it('fails without either base capability', () => {
    expect(capabilityCheck(caps(['IDLE']))).toMatchObject({ ok: false, code: 'missingCapability' });
  });
});
