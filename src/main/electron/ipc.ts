/** The contract bound to Electron IPC, with the sender checked on every call. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../rpc/dispatch';
import type { ClientSession, Services } from '../services/types';
import { isTrustedSender } from './senderCheck';

export function bindIpc(services: Services, win: BrowserWindow, entryUrl: string): () => Promise<void> {
  const contents = win.webContents;
  const session: ClientSession = services.connect((event, payload) => {
    if (!contents.isDestroyed()) contents.send('postvak:event', event, payload);
  });
  const trusted = { entryUrl, webContentsIds: new Set([contents.id]) };

  ipcMain.handle('postvak:call', (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const info = frame
      ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame, webContentsId: event.sender.id }
      : null;
    if (!isTrustedSender(info, trusted)) {
      return { ok: false, error: { code: 'notPermitted', message: 'Call from an untrusted frame' } };
    }
    return dispatch(session.handlers, method, input, {
      onInternalError: (name, error) => console.error(`internal error in ${name}`, error),
    });
  });

  return async () => {
    ipcMain.removeHandler('postvak:call');
    await session.close();
  };
}
