/**
 * The contract bound to Electron IPC, with the sender checked on every call. One handler for
 * every window (the main window and composer windows, issue #4 §1); each window is its own
 * client session, found by the sender's webContents id.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../rpc/dispatch';
import type { ClientSession, Services } from '../rpc/createServices';
import { isTrustedSender } from './senderCheck';

export interface IpcBinding {
  /** Connects a window as a client; its session closes with the window. */
  attach(win: BrowserWindow): void;
  close(): Promise<void>;
}

export function bindIpc(services: Services, entryUrl: string): IpcBinding {
  const sessions = new Map<number, ClientSession>();
  const trusted = { entryUrl, webContentsIds: new Set<number>() };

  ipcMain.handle('postvak:call', (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const info = frame
      ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame, webContentsId: event.sender.id }
      : null;
    const session = sessions.get(event.sender.id);
    if (!session || !isTrustedSender(info, trusted)) {
      return { ok: false, error: { code: 'notPermitted', message: 'Call from an untrusted frame' } };
    }
    return dispatch(session.handlers, method, input, {
      onInternalError: (name, error) => console.error(`internal error in ${name}`, error),
    });
  });

  return {
    attach(win) {
      const contents = win.webContents;
      const id = contents.id;
      const session = services.connect((event, payload) => {
        if (!contents.isDestroyed()) contents.send('postvak:event', event, payload);
      });
      sessions.set(id, session);
      trusted.webContentsIds.add(id);
      win.on('closed', () => {
        sessions.delete(id);
        trusted.webContentsIds.delete(id);
        void session.close();
      });
    },
    async close() {
      ipcMain.removeHandler('postvak:call');
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.all(open.map((s) => s.close()));
    },
  };
}
