/**
 * The Electron shell: a thin layer over the services (src/main/services), which the browser
 * host serves too. Only this folder imports 'electron'.
 */
import { app, dialog, session, shell } from 'electron';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ENTRY_URL } from '../security/appProtocol';
import { contentSecurityPolicy } from '../security/csp';
import { safeExternalUrl } from '../security/externalUrl';
import { createServices } from '../rpc/createServices';
import { FileSecretStore, MemorySecretStore } from '../services/secrets';
import { seedAccountFromEnv } from '../rpc/seedAccount';
import { bindIpc } from './ipc';
import { installMenu } from './menu';
import { isPermissionAllowed } from './permissions';
import { registerAppScheme, serveApp } from './protocol';
import { safeStorageCipher } from './safeStorageCipher';
import { saveAttachmentToDisk } from './saveAttachment';
import { createComposeWindow, createMainWindow, lockDownContents, rendererDir } from './window';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

if (!app.requestSingleInstanceLock()) app.quit();
app.enableSandbox();
// Before ready: the renderer is served from app://postvak/, not file:// (issue #10 §10).
registerAppScheme();

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

async function start(): Promise<void> {
  await app.whenReady();
  installMenu();

  const ses = session.defaultSession;
  serveApp(ses, rendererDir(outDir));
  const entryUrl = APP_ENTRY_URL;
  // Camera, microphone, geolocation…: nothing is granted but notifications to our own page.
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, entryUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, entryUrl),
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy("'none'")] },
    });
  });

  const preloadPath = join(outDir, 'preload', 'index.cjs');
  // Assigned below, once the services exist; app.openWindow cannot be called before a window is.
  let binding: ReturnType<typeof bindIpc> | null = null;
  const cipher = safeStorageCipher();
  const profileDir = app.getPath('userData');
  const services = createServices({
    profileDir,
    secrets: cipher ? new FileSecretStore(join(profileDir, 'secrets.json'), cipher) : new MemorySecretStore(),
    extraCa: (process.env.POSTVAK_EXTRA_CA?.split(':').filter(Boolean) ?? []).map((f) => readFileSync(f, 'utf8')),
    appVersion: app.getVersion(),
    host: 'electron',
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    openExternal: async (url) => {
      const safe = safeExternalUrl(url);
      if (safe) await shell.openExternal(safe);
    },
    setBadge: (count) => {
      app.setBadgeCount(count);
    },
    saveFile: async (suggestedName, data) => {
      const result = await dialog.showSaveDialog({ defaultPath: join(app.getPath('downloads'), suggestedName) });
      if (result.canceled || !result.filePath) return false;
      await writeFile(result.filePath, data);
      return true;
    },
    deliverAttachment: saveAttachmentToDisk,
    openWindow: async (route) => {
      // The route was validated by the contract (`compose/<id>`); it only becomes the hash.
      const win = createComposeWindow(preloadPath);
      binding?.attach(win);
      await win.loadURL(`${entryUrl}#${route}`);
    },
  });

  await seedAccountFromEnv(services, process.env.POSTVAK_DEMO_ACCOUNT);

  const win = createMainWindow(preloadPath);
  binding = bindIpc(services, entryUrl);
  binding.attach(win);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => {
    void (binding?.close() ?? Promise.resolve()).then(() => services.close()).finally(() => app.quit());
  });
  await win.loadURL(entryUrl);
}

void start();
