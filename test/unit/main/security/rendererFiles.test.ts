import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererHeaders, resolveRendererFile } from '../../../../src/main/security/rendererFiles';

const outer = mkdtempSync(join(tmpdir(), 'postvak-files-'));
const dir = join(outer, 'renderer');
mkdirSync(join(dir, 'assets'), { recursive: true });
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Postvak</title>');
writeFileSync(join(dir, 'assets', 'app.js'), 'export {}');
writeFileSync(join(dir, 'assets', 'app.css'), 'body{}');
writeFileSync(join(dir, 'assets', 'font.woff2'), 'wOF2');
writeFileSync(join(dir, 'assets', 'blob.xyz'), '?');
writeFileSync(join(outer, 'secret.txt'), 'not yours');
symlinkSync(join(outer, 'secret.txt'), join(dir, 'assets', 'link.txt'));
symlinkSync(outer, join(dir, 'escape'));

describe('resolveRendererFile (issue #10 §10)', () => {
  it('maps / to the entry document and paths to files inside the folder, with their types', async () => {
    expect(await resolveRendererFile(dir, '/')).toMatchObject({ status: 200, file: join(dir, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(await resolveRendererFile(dir, '/index.html')).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
    expect(await resolveRendererFile(dir, '/assets/app.js')).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8' });
    expect(await resolveRendererFile(dir, '/assets/app.css')).toMatchObject({ status: 200, contentType: 'text/css; charset=utf-8' });
    expect(await resolveRendererFile(dir, '/assets/font.woff2')).toMatchObject({ status: 200, contentType: 'font/woff2' });
    expect(await resolveRendererFile(dir, '/assets/blob.xyz')).toMatchObject({ status: 200, contentType: 'application/octet-stream' });
    expect(await resolveRendererFile(dir, '/assets/%61pp.js')).toMatchObject({ status: 200, file: join(dir, 'assets', 'app.js') });
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/./assets/../../secret.txt',
  ])('refuses traversal %s', async (path) => {
    const found = await resolveRendererFile(dir, path);
    expect(found.status).toBe(403);
  });

  it.each(['/..\\secret.txt', '/assets\\..\\..\\secret.txt', '/%5c..%5csecret.txt', '/%', '/%zz', '/a%00.js', 'relative.js'])(
    'answers the malformed path %s with 400',
    async (path) => {
      expect((await resolveRendererFile(dir, path)).status).toBe(400);
    },
  );

  it('does not follow a symlink out of the folder', async () => {
    expect((await resolveRendererFile(dir, '/assets/link.txt')).status).toBe(403);
    expect((await resolveRendererFile(dir, '/escape/secret.txt')).status).toBe(403);
  });

  it('answers 404 for what is not there, and for folders', async () => {
    expect((await resolveRendererFile(dir, '/missing.js')).status).toBe(404);
    expect((await resolveRendererFile(dir, '/assets')).status).toBe(404);
    expect((await resolveRendererFile(dir, '/assets/')).status).toBe(404);
    expect((await resolveRendererFile(join(outer, 'nothing'), '/index.html')).status).toBe(404);
  });

  it('sends the given CSP, nosniff, no referrer and no caching of the entry document', () => {
    const headers = rendererHeaders({ file: '/x/index.html', size: 12, contentType: 'text/html; charset=utf-8' }, "default-src 'none'");
    expect(headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': '12',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    expect(rendererHeaders({ file: '/x/a.js', size: 1, contentType: 'text/javascript' }, 'x')['Cache-Control']).toBe('max-age=3600');
  });
});
