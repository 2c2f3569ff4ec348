/**
 * The built renderer's files, served by the browser host (http://127.0.0.1) and by the Electron
 * shell's `app://postvak/` scheme (issue #10 §10) with the same rules: a request path maps to a
 * file inside the renderer folder or to nothing. Node only (no electron import), unit-tested.
 *
 * Confinement is checked twice: on the decoded path (no `..` segment, no backslash — a Windows
 * separator —, no NUL) and on the real path after symlinks are resolved, so neither an encoded
 * `%2e%2e%2f` nor a symlink inside the folder can reach a file outside it.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

export type RendererFile =
  | { status: 200; file: string; size: number; contentType: string }
  | { status: 400 | 403 | 404; reason: string };

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * `pathname` is the request's path as sent, still percent-encoded (a URL's `.pathname`).
 * `/` is the entry document.
 */
export async function resolveRendererFile(rendererDir: string, pathname: string): Promise<RendererFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400, reason: 'Malformed path' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400, reason: 'Malformed path' };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return { status: 403, reason: 'Forbidden' };
  if (segments.length === 0) segments.push('index.html');

  const root = await realpath(rendererDir).catch(() => null);
  if (!root) return { status: 404, reason: 'Not found' };
  const real = await realpath(join(root, ...segments)).catch(() => null);
  if (!real) return { status: 404, reason: 'Not found' };
  if (!real.startsWith(root + sep)) return { status: 403, reason: 'Forbidden' };
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) return { status: 404, reason: 'Not found' };
  return { status: 200, file: real, size: info.size, contentType: contentTypeOf(real) };
}

/** Response headers for a renderer file; `csp` is the policy of the transport serving it. */
export function rendererHeaders(found: { file: string; size: number; contentType: string }, csp: string): Record<string, string> {
  return {
    'Content-Type': found.contentType,
    'Content-Length': String(found.size),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': extname(found.file) === '.html' ? 'no-store' : 'max-age=3600',
  };
}
