/**
 * Is this IPC message from our own renderer? (VS Code's validated IPC: ipcMain.ts.)
 * Pure so it is unit-tested without Electron: the caller passes what it knows of the frame.
 */
export interface SenderFrameInfo {
  url: string;
  /** True when the frame is the top frame of its window (not an iframe such as a mail body). */
  isMainFrame: boolean;
  /** The id of the window the frame belongs to. */
  webContentsId: number;
}

export interface TrustedRenderer {
  /** `app://postvak/index.html` (security/appProtocol); never a file:// URL (issue #10 §10). */
  entryUrl: string;
  webContentsIds: ReadonlySet<number>;
}

export function isTrustedSender(frame: SenderFrameInfo | null | undefined, trusted: TrustedRenderer): boolean {
  if (!frame || !frame.isMainFrame || !trusted.webContentsIds.has(frame.webContentsId)) return false;
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(frame.url);
    expected = new URL(trusted.entryUrl);
  } catch {
    return false;
  }
  // Scheme and host (with port), not `.origin`: a custom scheme's origin reads "null" in the
  // URL standard, which would make every app:// host equal. file:// is never ours.
  if (expected.protocol === 'file:' || actual.protocol !== expected.protocol) return false;
  return actual.host === expected.host && !actual.username && !actual.password;
}
