/**
 * The renderer's Content-Security-Policy, starting from `default-src 'none'` (HOUSE_STYLE.md
 * "Electron settings"). The renderer has no network of its own: only its own files and, in the
 * browser host, its one WebSocket back to main. Mail HTML gets a stricter policy of its own
 * inside its frame (src/renderer/features/mail).
 */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function hostContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`);
}
