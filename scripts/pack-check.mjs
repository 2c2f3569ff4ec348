/**
 * The packaging check that runs here (electron-builder cannot download Electron zips on our
 * machines): validate electron-builder.yml with electron-builder's own schema, then pack the
 * unpacked app against a local stand-in `electronDist` and list what landed in app.asar.
 * Exits non-zero, and says why, when the config is invalid or the file list is wrong.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './lib.mjs';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('app-builder-lib/out/util/DebugLogger');
const asar = require('@electron/asar');

export async function validateBuilderConfig() {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** Packs `--dir` for Linux into a temp folder; returns the sorted list of files inside app.asar. */
export function packedFiles() {
  const work = mkdtempSync(join(tmpdir(), 'postvak-pack-'));
  const dist = join(work, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  // A stand-in for the Electron binary: enough for electron-builder to copy and rename.
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'LICENSE'), 'stand-in');
  writeFileSync(join(dist, 'version'), '45.3.4');
  try {
    execFileSync(
      'npx',
      [
        'electron-builder', '--linux', 'dir', '--publish', 'never',
        `-c.electronDist=${dist}`, '-c.electronVersion=45.3.4',
        // Fuses are flipped in the real binary; the stand-in has none to flip.
        '-c.electronFuses=null', `-c.directories.output=${join(work, 'out')}`,
      ],
      { cwd: root, stdio: 'pipe', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } },
    );
    const appAsar = join(work, 'out', 'linux-unpacked', 'resources', 'app.asar');
    return asar.listPackage(appAsar).map((f) => f.replaceAll('\\', '/')).sort();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await validateBuilderConfig();
  console.log('electron-builder.yml: valid');
  const files = packedFiles();
  console.log(`${files.length} entries in app.asar`);
  for (const f of files.filter((f) => !f.startsWith('/node_modules/'))) console.log(`  ${f}`);
}
