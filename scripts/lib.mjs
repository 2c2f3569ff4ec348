/** Shared by scripts/start.mjs, scripts/demo.mjs and the end-to-end fixtures. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary, or null where it could not be downloaded (as on our CI machines). */
export function electronBinary() {
  try {
    const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathTxt = join(pkg, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const bin = join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

export function build() {
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The build failed (see above).');
}

/**
 * Starts the browser host; resolves with its URL once it listens. `port`: a fixed one (the
 * window's IndexedDB belongs to the origin, port included: a second start of the same profile
 * must come back on the same port to find its cache); by default a free one.
 */
export function startHostProcess({ profile, caFiles = [], lang, env = {}, port }) {
  // POSTVAK_HOST_JS: a host built elsewhere (`electron-vite build --outDir`), so a bench of main
  // does not need the shared out/ folder.
  const args = [process.env.POSTVAK_HOST_JS ?? join(root, 'out/main/host.js'), '--json', '--profile', profile];
  for (const ca of caFiles) args.push('--ca', ca);
  if (lang) args.push('--lang', lang);
  if (port) args.push('--port', String(port));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const logs = [];
  child.stderr.on('data', (c) => logs.push(String(c)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const { url, port } = JSON.parse(line);
      resolve({
        url,
        port,
        child,
        logs,
        stop: () =>
          new Promise((done) => {
            // Ended already (also by a signal, e.g. the terminal's Ctrl-C): no 'exit' is coming.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`The host exited (${code}): ${logs.join('')}`)));
  });
}

/** An open WebSocket to the host's contract, authenticated as the renderer would be. */
export async function openHostSocket(host) {
  const { origin, hash } = new URL(host.url);
  const token = hash.replace('#token=', '');
  const ws = new WebSocket(`ws://${new URL(host.url).host}/api?token=${token}`, { origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

/** One contract call over the host's WebSocket, as the renderer would make it. */
export async function hostCall(host, method, input) {
  const ws = await openHostSocket(host);
  try {
    return await new Promise((resolve) => {
      ws.on('message', (raw) => {
        const data = JSON.parse(String(raw));
        if (data.id === 1) resolve(data.result);
      });
      ws.send(JSON.stringify({ id: 1, method, input }));
    });
  } finally {
    ws.close();
  }
}

/** alice's account on the test mail stack, as a person would enter it. */
export function stackAccount(stack, user = 'alice', displayName = 'Alice de Vries') {
  const u = stack.users[user];
  return {
    settings: {
      email: u.email,
      displayName,
      username: u.email,
      imap: { host: stack.host, port: stack.ports.imaps, security: 'tls' },
      smtp: { host: stack.host, port: stack.ports.submission, security: 'starttls' },
    },
    password: u.password,
  };
}
