/**
 * Picks the binding: `window.postvak` from the Electron preload, or the browser host's
 * WebSocket (token from the URL fragment the host printed). One interface either way.
 */
import type { EventMap, EventName, MethodName, MethodOutput, PostvakApi, Result } from '../../shared/api';
import { createWsClient } from './wsClient';

/** What the Electron preload exposes (src/main/electron/preload). */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
  /** The accounts main handed over while the page loaded (issue #11 §4); older preloads lack it. */
  accountsAtStart?(): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    postvak?: PreloadBridge;
  }
}

export interface Platform {
  host: 'electron' | 'browser';
  /** A native save dialog in Electron; a download in the browser. */
  saveFile(name: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Register for "the connection to main came back" (browser host reconnects; Electron never drops). */
  onReconnect(listener: () => void): () => void;
  /**
   * The accounts as main handed them over at load (issue #11 §4: no `accounts.list` round trip
   * before the first `sync.start`) — the preload asked while the page loaded, the host sends them
   * in the WebSocket's first frame. Meant for the start; later, ask `accounts.list`.
   */
  accountsAtStart(): Promise<Result<MethodOutput<'accounts.list'>>>;
}

const TOKEN_KEY = 'postvak.hostToken';

function hostToken(): string {
  // The host prints http://127.0.0.1:PORT/#token=…; keep it for reloads, then drop it from the URL
  // so it is not left in history or shown over a shoulder.
  // A route in the fragment (`#compose/<id>&token=…`, a composer in its own tab) stays.
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    const route = window.location.hash.replace(match[0], '').replace(/^#&?/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (route ? `#${route}` : ''));
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * The address of another tab of the app on `route` (the browser host has no windows of its own).
 * It carries the token in the fragment, like the address the host prints: a new tab does not
 * always inherit sessionStorage (it does not when opened without an opener).
 */
export function browserWindowUrl(route: string): string {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return `${window.location.origin}${window.location.pathname}${window.location.search}#${route}&token=${token}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function createApi(): { api: PostvakApi; platform: Platform } {
  const bridge = window.postvak;
  if (bridge) {
    const api: PostvakApi = {
      call: (method: MethodName, input: unknown) => bridge.call(method, input),
      on: <E extends EventName>(event: E, handler: (payload: EventMap[E]) => void) =>
        bridge.on(event, handler as (payload: unknown) => void),
    } as PostvakApi;
    return {
      api,
      platform: {
        host: 'electron',
        async saveFile(name, bytes) {
          const result = await api.call('files.save', { suggestedName: name, dataBase64: toBase64(bytes) });
          if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
        },
        onReconnect: () => () => undefined,
        accountsAtStart: () =>
          (bridge.accountsAtStart?.() as Promise<Result<MethodOutput<'accounts.list'>>> | undefined) ?? api.call('accounts.list', {}),
      },
    };
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const client = createWsClient(`${scheme}://${window.location.host}/api?token=${hostToken()}`);
  return {
    api: client,
    platform: {
      host: 'browser',
      async saveFile(name, bytes, contentType) {
        const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }));
        const a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.rel = 'noopener';
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      onReconnect(listener) {
        let wasConnected = true;
        return client.onConnectionChange((connected) => {
          if (connected && !wasConnected) listener();
          wasConnected = connected;
        });
      },
      accountsAtStart: () => client.accountsAtStart(),
    },
  };
}

export const { api, platform } = createApi();
