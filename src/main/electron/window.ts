/** The one main window, locked down per HOUSE_STYLE.md "Electron settings". */
import { BrowserWindow, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { isAppUrl } from '../security/appProtocol';
import { safeExternalUrl } from '../security/externalUrl';
import { secureWebPreferences } from './webPreferences';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Postvak',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  return win;
}

/**
 * A composer in its own window (issue #4 §1): the same renderer and the same locked-down web
 * preferences as the main window, opened on a hash route (`#compose/<id>`).
 */
export function createComposeWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 860,
    height: 720,
    minWidth: 520,
    minHeight: 420,
    show: false,
    title: 'Postvak',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  return win;
}

/** The built renderer's folder, served as app://postvak/ (security/appProtocol). */
export function rendererDir(outDir: string): string {
  return join(outDir, 'renderer');
}

/** Applies to every web contents the app creates, including mail frames. */
export function lockDownContents(contents: WebContents): void {
  // No navigation away from the app's origin (app://postvak/); links go to the system browser
  // after a scheme check.
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) void shell.openExternal(safe);
    return { action: 'deny' };
  });
}
