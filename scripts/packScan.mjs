/**
 * What the packaged app would load from file:// (issue #10 §10): the Electron fuses turn off
 * file://'s extra privileges, so the renderer must come from app://postvak/. Pure: given the
 * packed main bundles' text and the renderer's index.html, lists the problems. Used by
 * scripts/pack-check.mjs; unit-tested in test/unit/scripts/packScan.test.ts.
 */

/** `files`: path in app.asar → text, for every /out/main/**.js and /out/renderer/index.html. */
export function fileProtocolProblems(files) {
  const problems = [];
  const mains = Object.entries(files).filter(([path]) => path.startsWith('/out/main/') && path.endsWith('.js'));
  if (mains.length === 0) problems.push('no main bundle found in app.asar');
  for (const [path, text] of mains) {
    if (/\bloadFile\s*\(/.test(text)) problems.push(`${path} loads a window with loadFile (file://)`);
    if (/file:\/\//i.test(text)) problems.push(`${path} names a file:// URL`);
  }
  const entry = mains.find(([path]) => path === '/out/main/index.js')?.[1] ?? '';
  if (!/registerSchemesAsPrivileged/.test(entry) || (!entry.includes('app://') && !/["'`]app["'`]/.test(entry))) {
    problems.push('/out/main/index.js does not register the app:// scheme');
  }
  const html = files['/out/renderer/index.html'];
  if (html === undefined) problems.push('no /out/renderer/index.html in app.asar');
  else {
    for (const match of html.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const url = (match[1] ?? match[2] ?? match[3] ?? '').trim();
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
      // Relative URLs resolve against app://postvak/; data: is inline. Anything else leaves the app.
      if (url.startsWith('//') || (scheme && scheme !== 'app' && scheme !== 'data')) {
        problems.push(`/out/renderer/index.html loads ${url}: only relative or app:// URLs`);
      }
    }
  }
  return problems;
}
