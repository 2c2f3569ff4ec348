/**
 * The renderer's own origin in the desktop app: `app://postvak/` (issue #10 §10). The packaged
 * app turns off the `grantFileProtocolExtraPrivileges` fuse (electron-builder.yml), so file://
 * pages lose the privileges ES modules and fetch need; Electron's guidance for that fuse is to
 * serve the app from a privileged custom scheme instead. This module is that scheme's request
 * handler, pure Node (no electron import) so it is unit-tested; src/main/electron/protocol.ts
 * registers it. Files come from the built renderer folder only (security/rendererFiles).
 */
import { readFile } from 'node:fs/promises';
import { rendererHeaders, resolveRendererFile } from './rendererFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'postvak';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `protocol.registerSchemesAsPrivileged` privileges: a standard (http-like: origin, relative
 * URLs, dot-segment rules) secure origin where ES modules, fetch and the code cache work.
 * `corsEnabled` lets Chromium run the CORS protocol on it (the renderer's `<script type=module
 * crossorigin>` fetches in cors mode); our responses carry no Access-Control-Allow-Origin and
 * `Cross-Origin-Resource-Policy: same-origin`, so no other origin can read them. CSP is never
 * bypassed.
 */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const;

/** True for a URL of the app's own origin: the only place a window may navigate to. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password && !url.port;
  } catch {
    return false;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** Answers one request to `app://postvak/…` from the renderer folder, with the given CSP. */
export async function handleAppRequest(request: { url: string; method: string }, rendererDir: string, csp: string): Promise<Response> {
  if (!isAppUrl(request.url)) return plain(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const found = await resolveRendererFile(rendererDir, new URL(request.url).pathname || '/');
  if (found.status !== 200) return plain(found.status, found.reason);
  const body = request.method === 'HEAD' ? null : await readFile(found.file);
  return new Response(body, { status: 200, headers: rendererHeaders(found, csp) });
}
