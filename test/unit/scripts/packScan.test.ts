import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { fileProtocolProblems } from '../../../scripts/packScan.mjs';

const goodMain = "protocol.registerSchemesAsPrivileged([{ scheme: \"app\" }]); win.loadURL('app://postvak/index.html');";
const goodHtml = '<script type="module" crossorigin src="./assets/index.js"></script><link rel="stylesheet" href="./assets/index.css"><link rel="icon" href="data:,">';

describe('fileProtocolProblems (issue #10 §10)', () => {
  it('passes a main bundle on app:// and a renderer with relative URLs', () => {
    expect(fileProtocolProblems({ '/out/main/index.js': goodMain, '/out/main/host.js': 'x', '/out/renderer/index.html': goodHtml })).toEqual([]);
  });

  it('finds loadFile and file:// in any main bundle', () => {
    const problems = fileProtocolProblems({
      '/out/main/index.js': `${goodMain} await win.loadFile(entry);`,
      '/out/main/chunks/a.js': 'const u = "file:///x";',
      '/out/renderer/index.html': goodHtml,
    });
    expect(problems).toEqual(['/out/main/index.js loads a window with loadFile (file://)', '/out/main/chunks/a.js names a file:// URL']);
  });

  it('finds a main bundle that does not register the app scheme', () => {
    expect(fileProtocolProblems({ '/out/main/index.js': 'win.loadURL(x)', '/out/renderer/index.html': goodHtml })).toEqual([
      '/out/main/index.js does not register the app:// scheme',
    ]);
  });

  it('finds renderer URLs that are not relative or app://', () => {
    const html = '<script src="file:///opt/app/index.js"></script><link href="https://cdn.example/x.css"><script src=//cdn.example/y.js></script><img src="app://postvak/a.png">';
    expect(fileProtocolProblems({ '/out/main/index.js': goodMain, '/out/renderer/index.html': html })).toEqual([
      '/out/renderer/index.html loads file:///opt/app/index.js: only relative or app:// URLs',
      '/out/renderer/index.html loads https://cdn.example/x.css: only relative or app:// URLs',
      '/out/renderer/index.html loads //cdn.example/y.js: only relative or app:// URLs',
    ]);
  });
});
