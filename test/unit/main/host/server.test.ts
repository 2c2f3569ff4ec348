import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../../../src/main/host/server';
import type { EventSink } from '../../../../src/main/services/types';
import type { Services } from '../../../../src/main/rpc/createServices';

/** A services double with two handlers: the host's job is transport and guards, not mail. */
function fakeServices(): Services & { sinks: EventSink[]; closed: number } {
  const state = { sinks: [] as EventSink[], closed: 0 };
  return Object.assign(state, {
    connect(sink: EventSink) {
      state.sinks.push(sink);
      return {
        handlers: {
          'app.info': () => ({ version: '1.2.3', host: 'browser' as const, platform: 'linux', systemLocale: '' }),
          'accounts.list': () => [{ id: 'acc-1' }] as never,
          'sync.ack': () => {
            sink('sync.status', { accountId: 'a' as never, state: 'idle' });
          },
          // Answers the host cannot or should not send (issue #10 §5): a value JSON cannot
          // serialise, and one longer than the host's reply limit.
          'accounts.guess': ({ email }: { email: string }) =>
            (email.startsWith('bigint') ? { n: 1n } : { text: 'x'.repeat(maxReplyChars + 1) }) as never,
        },
        close: async () => {
          state.closed++;
        },
      };
    },
    close: async () => undefined,
  });
}

let host: RunningHost;
const maxReplyChars = 10_000;
let services: ReturnType<typeof fakeServices>;
const rendererDir = mkdtempSync(join(tmpdir(), 'postvak-renderer-'));
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Postvak</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(rendererDir, '..', 'secret.txt'), 'not yours');

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(token: string, origin = `http://127.0.0.1:${host.port}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${token}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** A socket with the host's first frame, listened for from before the connection opened. */
function openSocketWithFirstFrame(): Promise<{ socket: WebSocket; first: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    socket.once('message', (raw) => resolve({ socket, first: JSON.parse(String(raw)) }));
    socket.once('error', reject);
  });
}

function call(ws: WebSocket, frame: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', function onMessage(raw) {
      const data = JSON.parse(String(raw));
      if ('id' in data) {
        ws.off('message', onMessage);
        resolve(data.result);
      }
    });
    ws.send(JSON.stringify(frame));
  });
}

beforeAll(async () => {
  services = fakeServices();
  host = await startHost({ services, rendererDir, maxReplyChars });
});
afterAll(() => host.close());

describe('browser host', () => {
  it('listens on loopback only and prints a URL with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a CSP that starts from default-src none', async () => {
    const res = await get('/', { host: `127.0.0.1:${host.port}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Postvak</title>');
    expect(String(res.headers['content-security-policy'])).toMatch(/^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses path traversal out of the renderer folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/../secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await get(path, { host: `127.0.0.1:${host.port}` });
      expect([403, 404]).toContain(res.status);
      expect(res.body).not.toContain('not yours');
    }
    const res = await get('/assets/app.js', { host: `127.0.0.1:${host.port}` });
    expect(res.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get('/', { host: 'evil.example:80' });
    expect(res.status).toBe(421);
  });

  it('refuses a WebSocket without the right token or from another origin', async () => {
    await expect(openSocket('wrong')).rejects.toThrow(/403/);
    await expect(openSocket(host.token, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('runs contract calls with validation and delivers events to that client only', async () => {
    const ws = await openSocket(host.token);
    expect(await call(ws, { id: 1, method: 'app.info', input: {} })).toEqual({
      ok: true,
      value: { version: '1.2.3', host: 'browser', platform: 'linux', systemLocale: '' },
    });
    const bad = (await call(ws, { id: 2, method: 'app.info', input: { extra: true } })) as { ok: boolean; error: { code: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalidInput');
    const unknown = (await call(ws, { id: 3, method: 'shell.exec', input: {} })) as { error: { code: string } };
    expect(unknown.error.code).toBe('unknownMethod');
    const missing = (await call(ws, { id: 4, method: 'outbox.list', input: {} })) as { error: { code: string } };
    expect(missing.error.code).toBe('unsupported');

    const event = new Promise((resolve) =>
      ws.on('message', (raw) => {
        const data = JSON.parse(String(raw));
        if ('event' in data) resolve(data);
      }),
    );
    await call(ws, { id: 5, method: 'sync.ack', input: { batchId: 'b1' } });
    expect(await event).toEqual({ event: 'sync.status', payload: { accountId: 'a', state: 'idle' } });

    const closedBefore = services.closed;
    ws.close();
    await expect.poll(() => services.closed).toBe(closedBefore + 1);
  });

  it('hands the window its accounts in the connection\'s first frame, unasked (issue #11 §4)', async () => {
    const ws = await openSocketWithFirstFrame();
    expect(ws.first).toEqual({ hello: { accounts: { ok: true, value: [{ id: 'acc-1' }] } } });
    ws.socket.close();
  });

  it('closes the socket on a malformed frame', async () => {
    const ws = await openSocket(host.token);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{not json');
    expect(await closed).toBe(1003);
  });

  it('answers a malformed request line with 400 and keeps answering (issue #10 §5)', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%00']) {
      const res = await get(path, { host: `127.0.0.1:${host.port}` });
      expect(res.status, path).toBe(400);
    }
    // The same targets as a WebSocket upgrade: refused, not thrown inside the upgrade listener.
    for (const path of ['//', '//[::', '/%']) {
      const res = await get(path, { host: `127.0.0.1:${host.port}`, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' });
      expect(res.status, `upgrade ${path}`).toBe(403);
    }
    const after = await get('/', { host: `127.0.0.1:${host.port}` });
    expect(after.status).toBe(200);
    expect(after.body).toContain('<title>Postvak</title>');
  });

  it('refuses an answer too large or impossible to serialise with an error, and the socket stays usable', async () => {
    const ws = await openSocket(host.token);
    const big = (await call(ws, { id: 10, method: 'accounts.guess', input: { email: 'big@example.test' } })) as { ok: boolean; error: { code: string } };
    expect(big).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
    const bigint = (await call(ws, { id: 11, method: 'accounts.guess', input: { email: 'bigint@example.test' } })) as { ok: boolean; error: { code: string } };
    expect(bigint).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
    expect(await call(ws, { id: 12, method: 'app.info', input: {} })).toMatchObject({ ok: true });
    ws.close();
  });
});
