/**
 * The browser host (HOUSE_STYLE.md): serves the built renderer and the same contract as the
 * Electron preload over a WebSocket on 127.0.0.1, guarded by a random per-run token. Used by
 * the end-to-end tests, `npm run demo` where no Electron binary exists, and `npm start`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch, type Handlers } from '../rpc/dispatch';
import type { Services } from '../rpc/createServices';
import { hostContentSecurityPolicy } from '../security/csp';
import { rendererHeaders, resolveRendererFile } from '../security/rendererFiles';
import type { AttachmentDownloads } from './downloads';
import { encodeEvent, encodeReply } from './reply';

export interface HostOptions {
  services: Services;
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (message: string, detail?: unknown) => void;
  /** Longest answer sent, in characters; larger ones are refused with `tooLarge`. */
  maxReplyChars?: number;
  /** Attachment downloads (host/downloads.ts, issue #10 §1). */
  downloads?: AttachmentDownloads;
}

export interface RunningHost {
  port: number;
  token: string;
  /** The address to open, token in the fragment (never sent to the server in a request line). */
  url: string;
  close(): Promise<void>;
}

/** 16 MB: nothing the renderer sends is that large. */
const MAX_FRAME = 16 * 1024 * 1024;
/**
 * Answers may be larger (attachments go main→renderer as base64 in results), but not without
 * bound: past this the answer is refused with `tooLarge` (issue #10 §5).
 */
const MAX_REPLY_CHARS = 256 * 1024 * 1024;

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
    // Issue #10 §5: any request a web page can make must end in a response, never in a rejection
    // that takes the host down (`GET /%` used to throw in decodeURIComponent here).
    const downloads = options.downloads;
    (downloads?.handles(req) ? downloads.serve(req, res) : serveFile(req, res)).catch((error: unknown) => {
      log('request failed', error);
      if (!res.headersSent) end(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function serveFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = requestTarget(req.url);
    if (!target) return end(res, 400, 'Bad request');
    const found = await resolveRendererFile(options.rendererDir, target.pathname);
    if (found.status !== 200) return end(res, found.status, found.reason);
    res.writeHead(200, rendererHeaders(found, hostContentSecurityPolicy(port)));
    if (req.method === 'HEAD') return void res.end();
    // A file removed between stat and read ends this response, not the process.
    createReadStream(found.file)
      .on('error', (error) => {
        log('reading a renderer file failed', error);
        res.destroy();
      })
      .pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
  server.on('upgrade', (req, socket, head) => {
    const url = requestTarget(req.url);
    const origin = req.headers.origin ?? '';
    const originOk = origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (
      !url ||
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
      if (ws.readyState !== ws.OPEN) return;
      const text = encodeEvent(event, payload);
      if (text === null) log(`event ${event} could not be serialised`);
      else ws.send(text, (error) => error && log('sending an event failed', error));
    });
    // ws reports bad frames (too large, invalid UTF-8) as 'error'; unheard, that would throw.
    ws.on('error', (error) => log('websocket error', error));
    handOverAccounts(ws, session.handlers);
    ws.on('message', (raw) => {
      let frame: { id?: unknown; method?: unknown; input?: unknown };
      try {
        frame = JSON.parse(String(raw)) as typeof frame;
      } catch {
        return ws.close(1003, 'Malformed frame');
      }
      if (typeof frame.id !== 'number') return ws.close(1003, 'Malformed frame');
      const id = frame.id;
      dispatch(session.handlers, frame.method, frame.input, {
        onInternalError: (method, error) => log(`internal error in ${method}`, error),
      })
        .then((result) => {
          if (ws.readyState !== ws.OPEN) return;
          const reply = encodeReply(id, result, options.maxReplyChars ?? MAX_REPLY_CHARS);
          if (reply.refused) log(`reply to ${String(frame.method)} refused`, reply.refused);
          ws.send(reply.text, (error) => {
            if (error) log('sending a reply failed', error);
          });
        })
        .catch((error: unknown) => log('contract call failed', error));
    });
    ws.on('close', () => {
      session.close().catch((error: unknown) => log('closing a session failed', error));
    });
  }

  /**
   * Issue #11 §4: the connection's first frame hands the window its accounts — what
   * `accounts.list` answers — so its sync starts (`sync.start`) without asking for them first.
   * Only on a connection that passed the token check, like every answer.
   */
  function handOverAccounts(ws: WebSocket, handlers: Handlers): void {
    dispatch(handlers, 'accounts.list', {}, { onInternalError: (method, error) => log(`internal error in ${method}`, error) })
      .then((accounts) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ hello: { accounts } }), (error) => error && log('sending the accounts failed', error));
      })
      .catch((error: unknown) => log('handing over the accounts failed', error));
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

/**
 * The request target (RFC 9112 §3.2) as a URL, or null. Read as a path on our own origin: with a
 * base URL, `//x` would parse as a host and `//` would throw — in the upgrade listener, a throw
 * nothing catches (issue #10 §5).
 */
function requestTarget(raw: string | undefined): URL | null {
  if (!raw?.startsWith('/')) return null;
  try {
    return new URL(`http://host${raw}`);
  } catch {
    return null;
  }
}

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}
