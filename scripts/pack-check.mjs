/**
 * The packaging check that runs here (electron-builder cannot download Electron zips on our
 * machines): validate electron-builder.yml with electron-builder's own schema, pack the unpacked
 * Linux app against a local stand-in `electronDist`, then check what landed in app.asar, that
 * the Electron fuses were flipped as configured, and that nothing loads from file:// — the fuses
 * leave it unprivileged, so the renderer comes from app://postvak/ (issue #10 §10; packScan.mjs).
 * Exits non-zero, saying why, on any problem.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './lib.mjs';
import { fileProtocolProblems } from './packScan.mjs';

const require = createRequire(import.meta.url);
const { load } = require('js-yaml');
const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');
const asar = require('@electron/asar');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
const { FuseState } = require('@electron/fuses/dist/constants');

/** What a real Electron 45 binary carries (@electron/fuses): sentinel, wire version 1, 9 fuses. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '101100011';
const ELECTRON_VERSION = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

function standInElectron(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(ELECTRON_DEFAULT_FUSES)]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n#'), wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'version'), ELECTRON_VERSION);
}

export async function validateBuilderConfig() {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/**
 * Packs `--dir` for Linux into a temp folder; returns app.asar's file list, the fuse wire, and the
 * text of the packed main bundles and renderer entry (for fileProtocolProblems).
 */
export async function packLinuxDir() {
  const work = mkdtempSync(join(tmpdir(), 'postvak-pack-'));
  const dist = join(work, 'electron-dist');
  standInElectron(dist);
  try {
    const { build, Platform } = require('electron-builder');
    const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: { ...config, electronDist: dist, electronVersion: ELECTRON_VERSION, directories: { ...config.directories, output: join(work, 'out') } },
    });
    const appDir = join(work, 'out', 'linux-unpacked');
    const archive = join(appDir, 'resources', 'app.asar');
    const files = asar.listPackage(archive).map((f) => f.replaceAll('\\', '/')).sort();
    const fuses = await getCurrentFuseWire(join(appDir, 'postvak'));
    const texts = {};
    for (const f of files.filter((f) => (f.startsWith('/out/main/') && f.endsWith('.js')) || f === '/out/renderer/index.html')) {
      texts[f] = asar.extractFile(archive, f.slice(1)).toString('utf8');
    }
    return { files, fuses, texts };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function problemsWith({ files, fuses, texts = {} }) {
  const problems = fileProtocolProblems(texts);
  for (const needed of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json', '/node_modules/imapflow/package.json', '/node_modules/zod/package.json']) {
    if (!files.includes(needed)) problems.push(`missing from app.asar: ${needed}`);
  }
  const forbidden = [/^\/src\//, /^\/test\//, /^\/scripts\//, /\.map$/, /^\/node_modules\/(react|dexie|vitest|@playwright|electron|typescript)\//];
  for (const f of files) if (forbidden.some((re) => re.test(f))) problems.push(`should not be packed: ${f}`);
  const expected = {
    RunAsNode: FuseState.DISABLE,
    EnableCookieEncryption: FuseState.ENABLE,
    EnableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
    EnableNodeCliInspectArguments: FuseState.DISABLE,
    EnableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
    OnlyLoadAppFromAsar: FuseState.ENABLE,
    GrantFileProtocolExtraPrivileges: FuseState.DISABLE,
  };
  for (const [name, state] of Object.entries(expected)) {
    if (fuses[FuseV1Options[name]] !== state) problems.push(`fuse ${name} is ${fuses[FuseV1Options[name]]}, expected ${state}`);
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await validateBuilderConfig();
  console.log('electron-builder.yml: valid (electron-builder schema)');
  const packed = await packLinuxDir();
  console.log(`app.asar: ${packed.files.length} entries; app files:`);
  for (const f of packed.files.filter((f) => !f.startsWith('/node_modules/'))) console.log(`  ${f}`);
  const problems = problemsWith(packed);
  for (const p of problems) console.error(`✗ ${p}`);
  if (problems.length > 0) process.exit(1);
  console.log('✓ packed file list and Electron fuses as configured; nothing loads from file:// (renderer on app://postvak/)');
}
