import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hostContentSecurityPolicy } from '../../../../src/main/security/csp';

const directives = (csp: string): Map<string, string[]> =>
  new Map(csp.split('; ').map((directive) => {
    const [name, ...sources] = directive.split(' ');
    return [name as string, sources];
  }));

describe('renderer CSP', () => {
  it('lets the search index compile WebAssembly and start its Worker, and nothing more (issue #13 §3)', () => {
    const csp = directives(contentSecurityPolicy("'none'"));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    // The Worker fetches sqlite3.wasm from the app's own files; 'none' beside a source would be ignored anyway.
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('keeps the browser host WebSocket beside the own origin', () => {
    const csp = directives(hostContentSecurityPolicy(4321));
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4321', 'ws://localhost:4321']);
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });
});
