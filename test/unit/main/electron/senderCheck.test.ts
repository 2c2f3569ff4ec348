import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../src/main/electron/senderCheck';

const appEntry = { entryUrl: 'app://postvak/index.html', webContentsIds: new Set([7]) };
const fileEntry = { entryUrl: 'file:///opt/Postvak/resources/app.asar/out/renderer/index.html', webContentsIds: new Set([7]) };
const devEntry = { entryUrl: 'http://localhost:5173/', webContentsIds: new Set([7]) };
const frame = (url: string, over: Partial<{ isMainFrame: boolean; webContentsId: number }> = {}) => ({
  url,
  isMainFrame: true,
  webContentsId: 7,
  ...over,
});

describe('isTrustedSender', () => {
  it('accepts our own window on the app origin (issue #10 §10)', () => {
    expect(isTrustedSender(frame(appEntry.entryUrl), appEntry)).toBe(true);
    expect(isTrustedSender(frame(`${appEntry.entryUrl}#compose/abcdefgh`), appEntry)).toBe(true);
  });

  it('refuses another host of the same custom scheme, whose URL origin is also "null"', () => {
    expect(isTrustedSender(frame('app://evil/index.html'), appEntry)).toBe(false);
    expect(isTrustedSender(frame('app://user@postvak/index.html'), appEntry)).toBe(false);
  });

  it('never trusts file://, not even the renderer\'s own file', () => {
    expect(isTrustedSender(frame(fileEntry.entryUrl), fileEntry)).toBe(false);
    expect(isTrustedSender(frame(fileEntry.entryUrl), appEntry)).toBe(false);
  });

  it('refuses a missing frame (destroyed before the message was handled)', () => {
    expect(isTrustedSender(null, appEntry)).toBe(false);
    expect(isTrustedSender(undefined, appEntry)).toBe(false);
  });

  it('refuses a subframe such as a mail body frame, even on our own URL', () => {
    expect(isTrustedSender(frame(appEntry.entryUrl, { isMainFrame: false }), appEntry)).toBe(false);
    expect(isTrustedSender(frame('about:srcdoc', { isMainFrame: false }), appEntry)).toBe(false);
  });

  it('refuses another window of the same app', () => {
    expect(isTrustedSender(frame(appEntry.entryUrl, { webContentsId: 8 }), appEntry)).toBe(false);
  });

  it('refuses other files and other origins', () => {
    expect(isTrustedSender(frame('file:///tmp/evil.html'), appEntry)).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/index.html'), appEntry)).toBe(false);
    expect(isTrustedSender(frame('http://localhost:5174/'), devEntry)).toBe(false);
    expect(isTrustedSender(frame('not a url'), appEntry)).toBe(false);
  });

  it('accepts the dev server origin in development', () => {
    expect(isTrustedSender(frame('http://localhost:5173/index.html'), devEntry)).toBe(true);
  });
});
