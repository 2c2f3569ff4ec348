import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../src/main/electron/senderCheck';

const fileEntry = { entryUrl: 'file:///opt/Postvak/resources/app.asar/out/renderer/index.html', webContentsIds: new Set([7]) };
const devEntry = { entryUrl: 'http://localhost:5173/', webContentsIds: new Set([7]) };
const frame = (url: string, over: Partial<{ isMainFrame: boolean; webContentsId: number }> = {}) => ({
  url,
  isMainFrame: true,
  webContentsId: 7,
  ...over,
});

describe('isTrustedSender', () => {
  it('accepts our own window loading our own entry file', () => {
    expect(isTrustedSender(frame(fileEntry.entryUrl), fileEntry)).toBe(true);
    expect(isTrustedSender(frame(`${fileEntry.entryUrl}#/settings`), fileEntry)).toBe(true);
  });

  it('refuses a missing frame (destroyed before the message was handled)', () => {
    expect(isTrustedSender(null, fileEntry)).toBe(false);
    expect(isTrustedSender(undefined, fileEntry)).toBe(false);
  });

  it('refuses a subframe such as a mail body frame, even on our own URL', () => {
    expect(isTrustedSender(frame(fileEntry.entryUrl, { isMainFrame: false }), fileEntry)).toBe(false);
    expect(isTrustedSender(frame('about:srcdoc', { isMainFrame: false }), fileEntry)).toBe(false);
  });

  it('refuses another window of the same app', () => {
    expect(isTrustedSender(frame(fileEntry.entryUrl, { webContentsId: 8 }), fileEntry)).toBe(false);
  });

  it('refuses other files and other origins', () => {
    expect(isTrustedSender(frame('file:///tmp/evil.html'), fileEntry)).toBe(false);
    expect(isTrustedSender(frame('https://evil.example/index.html'), fileEntry)).toBe(false);
    expect(isTrustedSender(frame('http://localhost:5174/'), devEntry)).toBe(false);
    expect(isTrustedSender(frame('not a url'), fileEntry)).toBe(false);
  });

  it('accepts the dev server origin in development', () => {
    expect(isTrustedSender(frame('http://localhost:5173/index.html'), devEntry)).toBe(true);
  });
});
