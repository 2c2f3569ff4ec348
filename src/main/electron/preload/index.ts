/**
 * The preload exposes the typed contract and nothing else: no ipcRenderer, no generic send
 * (HOUSE_STYLE.md "The contract"). Bundled as CommonJS for the sandboxed window.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, methodNames } from '../../../shared/api';

const methods = new Set<string>(methodNames);
const events = new Set<string>(eventNames);
/**
 * Issue #11 §4: the accounts are asked for while the page still loads its code, so the window's
 * sync starts without a round trip of its own (renderer/api `accountsAtStart`). Never rejects:
 * a failure is an answer, and the renderer then asks `accounts.list` itself.
 */
const accountsAtStart: Promise<unknown> = ipcRenderer
  .invoke('postvak:call', 'accounts.list', {})
  .catch((error: unknown) => ({ ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } }));

contextBridge.exposeInMainWorld('postvak', {
  call(method: string, input: unknown): Promise<unknown> {
    if (!methods.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'unknownMethod', message: `Unknown method ${method}` } });
    }
    return ipcRenderer.invoke('postvak:call', method, input);
  },
  on(event: string, handler: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event ${event}`);
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) handler(payload);
    };
    ipcRenderer.on('postvak:event', listener);
    return () => ipcRenderer.removeListener('postvak:event', listener);
  },
  accountsAtStart(): Promise<unknown> {
    return accountsAtStart;
  },
});
