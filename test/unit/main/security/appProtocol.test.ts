import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, handleAppRequest, isAppUrl } from '../../../../src/main/security/appProtocol';
import { contentSecurityPolicy } from '../../../../src/main/security/csp';

const outer = mkdtempSync(join(tmpdir(), 'postvak-app-'));
const dir = join(outer, 'renderer');
mkdirSync(join(dir, 'assets'), { recursive: true });
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Postvak</title><script type="module" src="./assets/index.js"></script>');
writeFileSync(join(dir, 'assets', 'index.js'), 'export const x = 1;');
writeFileSync(join(dir, 'assets', 'index.css'), 'body{}');
writeFileSync(join(dir, 'assets', 'sqlite3.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
writeFileSync(join(outer, 'secret.txt'), 'not yours');
symlinkSync(join(outer, 'secret.txt'), join(dir, 'assets', 'link.js'));
const csp = contentSecurityPolicy("'none'");

const get = (url: string, method = 'GET') => handleAppRequest({ url, method }, dir, csp);

describe('app:// requests (issue #10 §10)', () => {
  it('serves the entry document with the CSP, nosniff and no caching', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Postvak</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await get('app://postvak/')).status).toBe(200);
    expect((await get('app://postvak')).status).toBe(200);
  });

  it('serves modules and styles with their MIME types (a module script needs a JavaScript type)', async () => {
    const js = await get('app://postvak/assets/index.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export const x = 1;');
    expect((await get('app://postvak/assets/index.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    // The search index's SQLite (issue #13 §3): WebAssembly.instantiateStreaming needs this type.
    expect((await get('app://postvak/assets/sqlite3.wasm')).headers.get('content-type')).toBe('application/wasm');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://postvak/assets/index.js', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String('export const x = 1;'.length));
    expect(await res.text()).toBe('');
  });

  it.each([
    'app://postvak/../secret.txt',
    'app://postvak/%2e%2e/secret.txt',
    'app://postvak/..%2fsecret.txt',
    'app://postvak/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://postvak/..\\secret.txt',
    'app://postvak/assets\\..\\..\\secret.txt',
    'app://postvak/%5c..%5csecret.txt',
    'app://postvak/assets/link.js',
    'app://postvak/%',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const res = await get(url);
    expect([400, 403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('not yours');
  });

  it('answers 404 for missing files and other hosts, 405 for other methods', async () => {
    expect((await get('app://postvak/missing.js')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://postvak:8080/index.html')).status).toBe(404);
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });
});

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://postvak/', 'app://postvak/index.html#compose/abcdefgh'])('is the app: %s', (url) => expect(isAppUrl(url)).toBe(true));
  it.each(['file:///opt/Postvak/resources/app.asar/out/renderer/index.html', 'https://postvak/', 'app://evil/', 'app://user@postvak/', 'about:blank', 'not a url'])(
    'is not the app: %s',
    (url) => expect(isAppUrl(url)).toBe(false),
  );
});
