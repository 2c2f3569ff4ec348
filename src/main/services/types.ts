/**
 * How a binding (Electron IPC or the browser host) plugs into the services. Node only: nothing
 * under src/main/services imports `electron` (HOUSE_STYLE.md layer rules).
 */
import type { RemoteImageOptions } from './mail/remoteImages';
import type { EventMap, EventName } from '../../shared/api';
import type { AttachmentDeliverer } from './mail/attachmentDelivery';
import type { OutboxTuning } from './outbox/Outbox';

/** Where a client's events go: one renderer window (Electron) or one WebSocket (browser host). */
export type EventSink = <E extends EventName>(event: E, payload: EventMap[E]) => void;

/**
 * Secrets live only in main. The Electron binding encrypts with safeStorage; the browser host
 * keeps them in memory unless the user asks to remember them.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  /** `persist: false` keeps the secret for this run only. */
  set(key: string, value: string, persist: boolean): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Encrypts secrets at rest; safeStorage in Electron, a key file in the browser host. */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

export interface ServicesOptions {
  /** Folder for account configuration and the outbox; created if missing. */
  profileDir: string;
  secrets: SecretStore;
  /** Extra trusted CA certificates (PEM), added to Node's roots — never a way to skip checks. */
  extraCa: string[];
  appVersion: string;
  host: 'electron' | 'browser';
  systemLocale: string;
  /** Opens a vetted http(s)/mailto URL outside the app. */
  openExternal: (url: string) => Promise<void>;
  /** Electron only: a native save dialog. Absent in the browser host (the renderer downloads). */
  saveFile?: (suggestedName: string, data: Buffer) => Promise<boolean>;
  /**
   * Where a saved attachment goes, streamed (issue #10 §1): Electron asks for a path and writes
   * there, the browser host serves a one-time download address (host/downloads.ts).
   */
  deliverAttachment?: AttachmentDeliverer;
  /** Electron only: the dock/taskbar badge (unread count); the browser host has none. */
  setBadge?: (count: number) => void;
  log?: (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void;
  /** Electron only: opens another window on a route (a composer, issue #4 §1). */
  openWindow?: (route: string) => Promise<void>;
  /** Outbox timings; tests shorten the retry backoff. */
  outboxTuning?: Partial<OutboxTuning>;
  /** Timing marks for `npm run bench` (the host with POSTVAK_TRACE=1); nothing else reads them. */
  trace?: (mark: TraceMark) => void;
  /**
   * Remote images (issue #10 §4). `allowHosts` exempts the tests' and demo's own image server on
   * loopback from the public-address rule, as `extraCa` adds their CA; never set by default.
   */
  remoteImages?: RemoteImageOptions;
}

/**
 * `serverChange`: a server told one of the account's connections that a folder changed (EXISTS,
 * EXPUNGE, FETCH, VANISHED — or a watcher's reconnect): where "our part" of the new-mail latency
 * starts (issue #3 §7). `batchSent`: main hands a folder's batch to the client; between the two
 * is main's share of that latency.
 */
export interface TraceMark {
  at: number;
  /**
   * headStart / headStartFailed: the INBOX's head start is ready to be taken, or gave up
   * (WarmStarts.ts); poll: a LIST-STATUS poll is done and its passes are scheduled (AccountSync).
   */
  what: 'serverChange' | 'batchSent' | 'headStart' | 'headStartFailed' | 'poll';
  accountId: string;
  path: string;
  /** batchSent: the messages it carries. */
  upserts?: number;
}

