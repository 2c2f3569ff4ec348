/**
 * `node out/main/host.js [--port N] [--profile DIR] [--ca FILE]… [--image-host HOST:PORT]… [--lang nl-NL] [--json]`
 * Runs Postvak's services and serves the renderer to a browser on 127.0.0.1.
 * `--image-host` (or POSTVAK_IMAGE_HOSTS, comma-separated) names a test or demo image server on
 * a private address that remote images may come from (issue #10 §4); like `--ca`, it adds one
 * named exception and never turns the public-address rule off.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createServices } from '../rpc/createServices';
import { FileSecretStore, KeyFileCipher } from '../services/secrets';
import { attachmentDownloads } from './downloads';
import { startHost } from './server';
import { openInBrowser } from './openInBrowser';

// Issue #10 §5: a promise some code path forgot to handle is a bug to log, not a reason for the
// host — and every window connected to it — to end (Node's default for an unhandled rejection).
process.on('unhandledRejection', (reason) => {
  console.error('[error] unhandled rejection (the host keeps running)', reason);
});

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    profile: { type: 'string' },
    ca: { type: 'string', multiple: true },
    'image-host': { type: 'string', multiple: true },
    lang: { type: 'string' },
    renderer: { type: 'string' },
    json: { type: 'boolean', default: false },
    version: { type: 'string', default: '0.0.0' },
  },
});

const here = dirname(fileURLToPath(import.meta.url));
const profileDir = resolve(values.profile ?? join(homedir(), '.config', 'postvak-host'));
await mkdir(profileDir, { recursive: true, mode: 0o700 });
const extraCa = [...(values.ca ?? []), ...(process.env.POSTVAK_EXTRA_CA?.split(':').filter(Boolean) ?? [])].map(
  (file) => readFileSync(file, 'utf8'),
);

const imageHosts = [...(values['image-host'] ?? []), ...(process.env.POSTVAK_IMAGE_HOSTS?.split(',').filter(Boolean) ?? [])];

const downloads = attachmentDownloads();
const services = createServices({
  profileDir,
  secrets: new FileSecretStore(join(profileDir, 'secrets.json'), new KeyFileCipher(join(profileDir, 'secrets.key'))),
  extraCa,
  appVersion: process.env.npm_package_version ?? values.version,
  host: 'browser',
  // The browser's own language is the person's here (they may be on another device); an empty
  // value tells the renderer to use navigator.language.
  systemLocale: values.lang ?? '',
  openExternal: openInBrowser,
  deliverAttachment: downloads.deliver,
  ...(imageHosts.length > 0 ? { remoteImages: { allowHosts: imageHosts } } : {}),
  log: (level, message, detail) => console.error(`[${level}] ${message}`, detail ?? ''),
  // `npm run bench` reads these lines from stderr (scripts/bench.mjs, new-mail latency).
  ...(process.env.POSTVAK_TRACE === '1' ? { trace: (mark) => console.error(`[trace] ${JSON.stringify(mark)}`) } : {}),
});

const host = await startHost({
  services,
  rendererDir: resolve(values.renderer ?? join(here, '..', 'renderer')),
  port: values.port ? Number(values.port) : 0,
  downloads,
  log: (message, detail) => console.error(message, detail ?? ''),
});

if (values.json) console.log(JSON.stringify({ url: host.url, port: host.port }));
else console.log(`Postvak is running. Open this address in your browser:\n\n  ${host.url}\n`);

async function shutdown(): Promise<void> {
  await host.close();
  await services.close();
  process.exit(0);
}
// `npm run bench` (test/bench/message.mjs): main's event-loop delay since the last SIGUSR2,
// printed as a trace line on the next one (issue #10 §1: p99 ≤ 50 ms while heavy mail opens).
if (process.env.POSTVAK_TRACE === '1') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('SIGUSR2', () => {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    console.error(`[trace] ${JSON.stringify({ at: Date.now(), what: 'eventLoopDelay', p99Ms: ms(delay.percentile(99)), maxMs: ms(delay.max), meanMs: ms(delay.mean) })}`);
    delay.reset();
  });
}

process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
