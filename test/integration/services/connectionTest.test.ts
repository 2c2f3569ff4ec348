/**
 * accounts.test against the real mail stack (Dovecot IMAP, Postfix submission).
 */
import { readFileSync } from 'node:fs';
import { createServer as createTlsServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionTestResult } from '../../../src/shared/model';
import { TestClient } from './testClient';
import { type MailStack, servicesFor, settingsFor, startMailStack, stopMailStack, type ServicesUnderTest } from './mailStack';

let stack: MailStack;
let sut: ServicesUnderTest;
let client: TestClient;

beforeAll(async () => {
  stack = await startMailStack();
  sut = servicesFor(stack);
  client = new TestClient(sut.services);
});

afterAll(async () => {
  await sut?.cleanup();
  if (stack) await stopMailStack(stack);
});

const steps = (r: ConnectionTestResult) => r.checks.map((c) => `${c.server}.${c.step}:${c.ok ? 'ok' : c.code}`);

describe('accounts.test', () => {
  it('passes every step for alice over IMAPS and submission with STARTTLS', async () => {
    const result = await client.call('accounts.test', { settings: settingsFor(stack, 'alice'), password: stack.users.alice.password });
    expect(steps(result)).toEqual([
      'imap.dns:ok',
      'imap.tcp:ok',
      'imap.tls:ok',
      'imap.greeting:ok',
      'imap.login:ok',
      'imap.capability:ok',
      'smtp.dns:ok',
      'smtp.tcp:ok',
      'smtp.greeting:ok',
      'smtp.tls:ok',
      'smtp.login:ok',
    ]);
    expect(result.ok).toBe(true);
    const capability = result.checks.find((c) => c.step === 'capability')!;
    expect(capability.detail).toMatch(/^IMAP4rev1/);
    expect(capability.detail).not.toMatch(/CONDSTORE|QRESYNC|IDLE/);
  });

  it('passes with STARTTLS on the IMAP port too', async () => {
    const result = await client.call('accounts.test', { settings: settingsFor(stack, 'alice', 'imap'), password: stack.users.alice.password });
    expect(result.ok).toBe(true);
    expect(steps(result).slice(0, 6)).toEqual(['imap.dns:ok', 'imap.tcp:ok', 'imap.greeting:ok', 'imap.tls:ok', 'imap.login:ok', 'imap.capability:ok']);
  });

  it('reports a wrong password as authFailed on both servers, with the server words and without the password', async () => {
    const wrong = 'wrong-password-123';
    const result = await client.call('accounts.test', { settings: settingsFor(stack, 'alice'), password: wrong });
    expect(result.ok).toBe(false);
    const failures = result.checks.filter((c) => !c.ok);
    expect(failures.map((c) => `${c.server}.${c.step}:${c.code}`)).toEqual(['imap.login:authFailed', 'smtp.login:authFailed']);
    expect(failures[0]!.detail).toMatch(/AUTHENTICATIONFAILED|Authentication failed/i);
    expect(failures[1]!.detail).toMatch(/535/);
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it('reports a closed port as tcpRefused and still tests SMTP', async () => {
    const settings = settingsFor(stack, 'alice');
    settings.imap.port = 1;
    const result = await client.call('accounts.test', { settings, password: stack.users.alice.password });
    expect(steps(result)).toContain('imap.tcp:tcpRefused');
    expect(steps(result).filter((s) => s.startsWith('imap.'))).toHaveLength(2);
    expect(steps(result)).toContain('smtp.login:ok');
  });

  it('reports a host that does not resolve as dnsNotFound', async () => {
    const settings = settingsFor(stack, 'alice');
    settings.imap.host = 'imap.nonexistent.invalid';
    const result = await client.call('accounts.test', { settings, password: 'x' });
    expect(steps(result)[0]).toBe('imap.dns:dnsNotFound');
  });

  it('reports the stack certificate as untrusted when its CA is not added, for TLS and STARTTLS', async () => {
    const bare = servicesFor(stack, {}, []);
    try {
      const other = new TestClient(bare.services);
      const result = await other.call('accounts.test', { settings: settingsFor(stack, 'alice', 'imap'), password: stack.users.alice.password });
      expect(steps(result)).toContain('imap.tls:tlsCertUntrusted');
      expect(steps(result)).toContain('smtp.tls:tlsCertUntrusted');
      const tlsResult = await other.call('accounts.test', { settings: settingsFor(stack, 'alice'), password: stack.users.alice.password });
      expect(steps(tlsResult)).toContain('imap.tls:tlsCertUntrusted');
    } finally {
      await bare.cleanup();
    }
  });

  it('reports an expired certificate as tlsCertExpired', async () => {
    const server: Server = createTlsServer(
      { key: readFileSync(stack.expiredKeyFile), cert: readFileSync(stack.expiredCertFile) },
      (socket) => socket.end('* OK never reached\r\n'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const settings = settingsFor(stack, 'alice');
      settings.imap.port = (server.address() as { port: number }).port;
      const result = await client.call('accounts.test', { settings, password: stack.users.alice.password });
      expect(steps(result)).toContain('imap.tls:tlsCertExpired');
      expect(result.checks.find((c) => c.code === 'tlsCertExpired')!.detail).toMatch(/expired/);
    } finally {
      server.close();
    }
  });

  it('refuses an unencrypted connection to a host that is not this computer', async () => {
    const settings = settingsFor(stack, 'alice');
    settings.imap = { host: 'mail.example.test', port: 143, security: 'none' };
    await expect(client.call('accounts.test', { settings, password: 'x' })).rejects.toMatchObject({ code: 'invalidInput' });
  });
});
