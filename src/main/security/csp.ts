/**
 * The renderer's Content-Security-Policy, starting from `default-src 'none'` (HOUSE_STYLE.md
 * "Electron settings"). The renderer has no network of its own: only its own files and, in the
 * browser host, its one WebSocket back to main. Mail HTML gets a stricter policy of its own
 * inside its frame (src/renderer/features/mail).
 */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'none'",
    // 'wasm-unsafe-eval' compiles WebAssembly (the search index, SQLite, issue #13 §3) and
    // nothing else: eval and new Function stay blocked.
    "script-src 'self' 'wasm-unsafe-eval'",
    // The search index's Worker, a file of the app's own.
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // 'self': the Worker fetches sqlite3.wasm, a file of the app's own (the origin serves only
    // the built renderer; its one API is the WebSocket).
    `connect-src ${["'self'", ...connectSrc.split(' ').filter((source) => source !== "'none'" && source !== '')].join(' ')}`,
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
