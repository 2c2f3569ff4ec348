import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../../src/main/electron/webPreferences';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node anywhere', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});
