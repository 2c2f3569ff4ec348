/**
 * The browser host (HOUSE_STYLE.md): serves the built renderer and the same contract as the
 * Electron preload over a WebSocket on 127.0.0.1, guarded by a random per-run token. Used by
 * the end-to-end tests, `npm run demo` where no Electron binary exists, and `npm start`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from '../rpc/dispatch';
import type { Services } from '../services/types';
import { hostContentSecurityPolicy } from '../security/csp';

export interface HostOptions {
  services: Services;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (message: string, detail?: unknown) => void;
}

export interface RunningHost {
  port: number;
  token: string;
  /** The address to open, token in the fragment (never sent to the server in a request line). */
  url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** 16 MB: attachments go main→renderer in results; nothing the renderer sends is that large. */
const MAX_FRAME = 16 * 1024 * 1024;

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => undefined);
  let port = 0;
  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 would send its own Host header.
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return end(res, 421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'Method not allowed');
    void serveFile(req, res);
  });

  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const relative = normalize(pathname === '/' ? '/index.html' : pathname);
    const file = join(options.rendererDir, relative);
    if (!file.startsWith(options.rendererDir + sep)) return end(res, 403, 'Forbidden');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return end(res, 404, 'Not found');
    res.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Content-Security-Policy': hostContentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin ?? '';
    const originOk = origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (
      url.pathname !== '/api' ||
      !allowedHosts().has(req.headers.host ?? '') ||
      !originOk ||
      !sameToken(url.searchParams.get('token'), token)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    const session = options.services.connect((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
    });
    ws.on('message', (raw) => {
      let frame: { id?: unknown; method?: unknown; input?: unknown };
      try {
        frame = JSON.parse(String(raw)) as typeof frame;
      } catch {
        return ws.close(1003, 'Malformed frame');
      }
      if (typeof frame.id !== 'number') return ws.close(1003, 'Malformed frame');
      const id = frame.id;
      void dispatch(session.handlers, frame.method, frame.input, {
        onInternalError: (method, error) => log(`internal error in ${method}`, error),
      }).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
      });
    });
    ws.on('close', () => void session.close());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  return {
    port,
    token,
    url,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}
