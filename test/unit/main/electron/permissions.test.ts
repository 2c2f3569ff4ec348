import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../../../src/main/electron/permissions';

const entry = 'app://postvak/index.html';
const fileEntry = 'file:///opt/Postvak/resources/app.asar/out/renderer/index.html';

describe('isPermissionAllowed', () => {
  it('grants notifications to our own renderer only', () => {
    expect(isPermissionAllowed('notifications', entry, entry)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://postvak/index.html#compose/abcdefgh', entry)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://other/index.html', entry)).toBe(false);
    expect(isPermissionAllowed('notifications', 'file:///tmp/other.html', entry)).toBe(false);
    expect(isPermissionAllowed('notifications', fileEntry, fileEntry), 'file:// is never ours (issue #10 §10)').toBe(false);
    expect(isPermissionAllowed('notifications', 'about:srcdoc', entry)).toBe(false);
    expect(isPermissionAllowed('notifications', 'https://evil.example/', entry)).toBe(false);
    expect(isPermissionAllowed('notifications', '', entry)).toBe(false);
  });

  it('refuses everything else, even to our own renderer', () => {
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'midi', 'fullscreen', 'pointerLock']) {
      expect(isPermissionAllowed(permission, entry, entry)).toBe(false);
    }
  });
});
