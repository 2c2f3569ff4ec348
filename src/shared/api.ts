/**
 * The one contract between the renderer and main (HOUSE_STYLE.md "The contract").
 * Bound twice: to Electron IPC (src/main/electron) and to the browser host's WebSocket
 * (src/main/host). Every method's input is validated with its zod schema before a handler
 * runs; every result is an envelope, because Electron strips Error objects across IPC.
 */
import { z } from 'zod';
import { identityConfigEntrySchema, outgoingMessageSchema } from './composeSchemas';
import { accountId, email, folderPath, mailboxId, uid } from './fieldSchemas';
import { taskSchema, type TaskOutcome } from './taskSchemas';
import { calendarEventSchema, eventVersionSchema } from './calendarSchemas';
import type { CalendarWriteResult, IcsExport, IcsImportResult } from './model/calendar';
import type { DeletionEntry } from './model/deletions';
import type { AnswerInfo, DraftSaveResult, Identity, OutboxItem, OutgoingMessage } from './model/compose';
import type { Account, AccountSettings, ConnectionTestResult, Mailbox, MessageBody, SyncStatus } from './model';
import type { SyncBatch } from './syncBatch';
import { headerText } from './text/headerValue';
import { offlineTextsInput, searchId, serverSearchInput, type OfflineTexts, type ServerSearchEvent } from './search/serverSearch';

export type { SyncBatch } from './syncBatch';
export * from './taskSchemas';

const hostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.\-[\]:]+$/, 'host name');
const serverSettings = z.strictObject({
  host: hostName,
  port: z.number().int().min(1).max(65535),
  security: z.enum(['tls', 'starttls', 'none']),
});
export const accountSettingsSchema = z.strictObject({
  email,
  kind: z.enum(['personal', 'shared']).optional(),
  // Written into X-Postvak-Author and From: CR/LF folded (issue #10 §6).
  displayName: z.string().max(200).overwrite(headerText),
  username: z.string().min(1).max(320),
  imap: serverSettings,
  smtp: serverSettings,
});
const password = z.string().min(1).max(1024);
const decimal = z.string().regex(/^\d{1,20}$/);

export const folderCursorSchema = z.strictObject({
  path: folderPath,
  uidValidity: z.number().int().min(0),
  uidNext: z.number().int().min(0),
  highestModseq: decimal,
  count: z.number().int().min(0),
});

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  platform: string;
  /** BCP 47 tag of the operating system's language, e.g. `nl-NL`. */
  systemLocale: string;
}

/**
 * How a saved attachment reached the person (issue #10 §1): streamed from the server to disk,
 * never handed through the renderer. Electron writes it where the person chose (`saved`, or
 * `cancelled` when they closed the dialog); the browser host answers a one-time address on
 * itself that streams it as a download (`download`, a path to open in the same origin).
 */
export type AttachmentDelivery = { kind: 'saved' } | { kind: 'cancelled' } | { kind: 'download'; url: string };

/** `null` where the image could not be loaded (not an image, too large, unreachable). */
export type RemoteImages = Record<string, string | null>;

function method<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as O };
}
const none = z.strictObject({});

export const methods = {
  'app.info': method<typeof none, AppInfo>(none),
  'app.openExternal': method<z.ZodObject<{ url: z.ZodString }>, void>(
    z.strictObject({ url: z.string().max(8192) }),
  ),
  /**
   * Opens another window on a route of the app (issue #4: a composer in its own window).
   * Electron only; the browser host answers `unsupported` and the renderer opens a tab itself.
   */
  'app.openWindow': method<z.ZodObject<{ route: z.ZodString }>, void>(
    z.strictObject({ route: z.string().regex(/^compose\/[A-Za-z0-9_-]{8,64}$/, 'window route') }),
  ),
  'accounts.list': method<typeof none, Account[]>(none),
  'accounts.guess': method<z.ZodObject<{ email: typeof email }>, AccountSettings>(
    z.strictObject({ email }),
  ),
  'accounts.test': method<
    z.ZodObject<{ settings: typeof accountSettingsSchema; password: typeof password }>,
    ConnectionTestResult
  >(z.strictObject({ settings: accountSettingsSchema, password })),
  'accounts.add': method<
    z.ZodObject<{
      settings: typeof accountSettingsSchema;
      password: typeof password;
      rememberPassword: z.ZodBoolean;
    }>,
    Account
  >(z.strictObject({ settings: accountSettingsSchema, password, rememberPassword: z.boolean() })),
  'accounts.update': method<
    z.ZodObject<{
      id: typeof accountId;
      settings: typeof accountSettingsSchema;
      password: z.ZodOptional<typeof password>;
      rememberPassword: z.ZodBoolean;
    }>,
    Account
  >(
    z.strictObject({
      id: accountId,
      settings: accountSettingsSchema,
      password: password.optional(),
      rememberPassword: z.boolean(),
    }),
  ),
  'accounts.remove': method<z.ZodObject<{ id: typeof accountId }>, void>(
    z.strictObject({ id: accountId }),
  ),
  'mailboxes.setHidden': method<
    z.ZodObject<{ accountId: typeof accountId; mailboxId: typeof mailboxId; hidden: z.ZodBoolean }>,
    void
  >(z.strictObject({ accountId, mailboxId, hidden: z.boolean() })),
  'mailboxes.addManual': method<
    z.ZodObject<{
      accountId: typeof accountId;
      prefix: z.ZodString;
      address: typeof email;
      displayName: z.ZodString;
    }>,
    Mailbox
  >(
    z.strictObject({
      accountId,
      prefix: z.string().min(1).max(500),
      address: email,
      displayName: z.string().max(200).overwrite(headerText),
    }),
  ),
  'mailboxes.setOffline': method<
    z.ZodObject<{ accountId: typeof accountId; mailboxId: typeof mailboxId; days: z.ZodNumber }>,
    void
  >(z.strictObject({ accountId, mailboxId, days: z.number().int().min(0).max(3650) })),
  'mailboxes.removeManual': method<z.ZodObject<{ accountId: typeof accountId; mailboxId: typeof mailboxId }>, void>(
    z.strictObject({ accountId, mailboxId }),
  ),
  /** Issue #10 §7: use the shared mailbox at `address` through this account (remembered in the profile). */
  'mailboxes.setRoute': method<z.ZodObject<{ accountId: typeof accountId; address: typeof email }>, void>(
    z.strictObject({ accountId, address: email }),
  ),
  'app.setBadge': method<z.ZodObject<{ count: z.ZodNumber }>, void>(
    z.strictObject({ count: z.number().int().min(0).max(1_000_000) }),
  ),
  'sync.start': method<
    z.ZodObject<{ accountId: typeof accountId; cursors: z.ZodArray<typeof folderCursorSchema> }>,
    void
  >(z.strictObject({ accountId, cursors: z.array(folderCursorSchema).max(100000) })),
  'sync.ack': method<z.ZodObject<{ batchId: z.ZodString }>, void>(
    z.strictObject({ batchId: z.string().min(1).max(100) }),
  ),
  'sync.stop': method<z.ZodObject<{ accountId: typeof accountId }>, void>(
    z.strictObject({ accountId }),
  ),
  /** The folder on screen: the account's sync takes it next when it has not reached it yet. */
  'sync.focus': method<z.ZodObject<{ accountId: typeof accountId; folderPath: typeof folderPath }>, void>(
    z.strictObject({ accountId, folderPath }),
  ),
  'message.body': method<
    z.ZodObject<{ accountId: typeof accountId; folderPath: typeof folderPath; uid: typeof uid }>,
    MessageBody
  >(z.strictObject({ accountId, folderPath, uid })),
  /** Saves one attachment (a part of the message's BODYSTRUCTURE): see AttachmentDelivery. */
  'message.saveAttachment': method<
    z.ZodObject<{
      accountId: typeof accountId;
      folderPath: typeof folderPath;
      uid: typeof uid;
      partId: z.ZodString;
    }>,
    AttachmentDelivery
  >(
    z.strictObject({
      accountId,
      folderPath,
      uid,
      partId: z.string().regex(/^\d+(\.\d+)*$/),
    }),
  ),
  /**
   * Remote images of one message, after the person's consent (issue #10 §4): main fetches only
   * URLs that message's HTML names, from public addresses, images only, capped per message.
   */
  'message.remoteImages': method<
    z.ZodObject<{
      accountId: typeof accountId;
      folderPath: typeof folderPath;
      uid: typeof uid;
      urls: z.ZodArray<z.ZodString>;
    }>,
    RemoteImages
  >(z.strictObject({ accountId, folderPath, uid, urls: z.array(z.string().max(4096)).max(100) })),
  'tasks.queue': method<z.ZodObject<{ task: typeof taskSchema }>, TaskOutcome>(
    z.strictObject({ task: taskSchema }),
  ),
  /**
   * Issue #12 §7: who deleted the messages of a shared mailbox's Trash, when and from where (its
   * deletion records); [] for any other folder. Ask again when the Trash changes.
   */
  'deletions.list': method<z.ZodObject<{ accountId: typeof accountId; folderPath: typeof folderPath }>, DeletionEntry[]>(
    z.strictObject({ accountId, folderPath }),
  ),
  /** Every account's identities (issue #4 §2), only those with a send mode offered in the picker. */
  'identities.list': method<typeof none, Identity[]>(none),
  /** Replaces one account's identity configuration (Settings); returns the account's identities. */
  'identities.update': method<
    z.ZodObject<{ accountId: typeof accountId; entries: z.ZodArray<typeof identityConfigEntrySchema> }>,
    Identity[]
  >(z.strictObject({ accountId, entries: z.array(identityConfigEntrySchema).max(500) })),
  /** Merges an imported JSON file (`{"identities":[…]}`) into one account's configuration. */
  'identities.import': method<z.ZodObject<{ accountId: typeof accountId; json: z.ZodString }>, Identity[]>(
    z.strictObject({ accountId, json: z.string().max(1024 * 1024) }),
  ),
  /**
   * Saves a draft: main's durable local copy first, then the Drafts folder of the From
   * mailbox (the person's own when they may not write there), replacing `message.draft`.
   */
  'drafts.save': method<z.ZodObject<{ message: typeof outgoingMessageSchema }>, DraftSaveResult>(
    z.strictObject({ message: outgoingMessageSchema }),
  ),
  /** Opens a draft from a Drafts folder (also one saved by another member's client) for editing. */
  'drafts.open': method<
    z.ZodObject<{ accountId: typeof accountId; folderPath: typeof folderPath; uid: typeof uid }>,
    OutgoingMessage
  >(z.strictObject({ accountId, folderPath, uid })),
  /** Drafts held only locally (never reached the server, or written before a crash), newest first. */
  'drafts.local': method<typeof none, OutgoingMessage[]>(none),
  /** Throws a draft away: the local copy and the server copy. */
  'drafts.discard': method<z.ZodObject<{ id: z.ZodString }>, void>(z.strictObject({ id: z.string().min(1).max(64) })),
  'outbox.list': method<typeof none, OutboxItem[]>(none),
  /** Tries a waiting, retrying or refused message again now. */
  'outbox.retry': method<z.ZodObject<{ id: z.ZodString }>, void>(z.strictObject({ id: z.string().min(1).max(64) })),
  /**
   * Takes a message out of the outbox (undo send, edit, cancel) and returns it for the composer.
   * Refused with `alreadySending` once SMTP is under way.
   */
  'outbox.cancel': method<z.ZodObject<{ id: z.ZodString }>, OutgoingMessage>(
    z.strictObject({ id: z.string().min(1).max(64) }),
  ),
  /** Who answered or forwarded a message, from the Sent copies (issue #4 §5). */
  'message.answers': method<
    z.ZodObject<{ accountId: typeof accountId; folderPath: typeof folderPath; uid: typeof uid }>,
    AnswerInfo[]
  >(z.strictObject({ accountId, folderPath, uid })),
  /**
   * Issue #5 §1: the mailbox's calendar folder, created (typed with METADATA
   * `/shared/vendor/kolab/folder-type` = `event`) when missing and the person may create it.
   * Returns its path; AppError `calendarNotAllowed` (details: the mailbox address) otherwise.
   */
  'calendar.ensure': method<z.ZodObject<{ accountId: typeof accountId; mailboxId: typeof mailboxId }>, { folderPath: string }>(
    z.strictObject({ accountId, mailboxId }),
  ),
  /**
   * Issue #5 §4–5: writes an event into a calendar folder. `base` null = a new event; otherwise
   * compare-and-swap against the version the person opened (UID STORE UNCHANGEDSINCE, RFC 7162
   * §3.1.3): answered `conflict` with the server's current version when someone saved first.
   */
  'calendar.save': method<
    z.ZodObject<{
      accountId: typeof accountId;
      folderPath: typeof folderPath;
      event: typeof calendarEventSchema;
      base: z.ZodNullable<typeof eventVersionSchema>;
    }>,
    CalendarWriteResult
  >(z.strictObject({ accountId, folderPath, event: calendarEventSchema, base: eventVersionSchema.nullable() })),
  /**
   * Deletes a whole event (a series with all its occurrences), compare-and-swap like save.
   * `eventUid` (optional) finds the current version for a conflict when `base` is gone already
   * (replaced by another member); without it such a conflict answers `current: null`.
   */
  'calendar.delete': method<
    z.ZodObject<{ accountId: typeof accountId; folderPath: typeof folderPath; base: typeof eventVersionSchema; eventUid: z.ZodOptional<z.ZodString> }>,
    CalendarWriteResult
  >(z.strictObject({ accountId, folderPath, base: eventVersionSchema, eventUid: z.string().min(1).max(255).optional() })),
  /** Issue #5 §7: the events of an .ics file into a calendar folder (new UIDs where they clash). */
  'calendar.import': method<
    z.ZodObject<{ accountId: typeof accountId; folderPath: typeof folderPath; ics: z.ZodString }>,
    IcsImportResult
  >(z.strictObject({ accountId, folderPath, ics: z.string().min(1).max(20 * 1024 * 1024) })),
  /** A whole calendar folder, or one event of it (`eventUid`), as an .ics file. */
  'calendar.export': method<
    z.ZodObject<{ accountId: typeof accountId; folderPath: typeof folderPath; eventUid: z.ZodOptional<z.ZodString> }>,
    IcsExport
  >(z.strictObject({ accountId, folderPath, eventUid: z.string().min(1).max(255).optional() })),
  'files.save': method<
    z.ZodObject<{ suggestedName: z.ZodString; dataBase64: z.ZodString }>,
    { saved: boolean }
  >(
    z.strictObject({
      suggestedName: z.string().min(1).max(255),
      dataBase64: z.string().max(200 * 1024 * 1024),
    }),
  ),
  // Issue #13 §4: the server's share of a search; results arrive as `search.results` events.
  'search.server': method<typeof serverSearchInput, void>(serverSearchInput),
  'search.cancel': method<z.ZodObject<{ searchId: typeof searchId }>, void>(z.strictObject({ searchId })),
  // Issue #13 §3: text of the bodies main keeps offline, for the local full-text index.
  'search.offlineTexts': method<typeof offlineTextsInput, OfflineTexts>(offlineTextsInput),
} as const;

export type MethodName = keyof typeof methods;
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = (typeof methods)[M]['output'];

export interface EventMap {
  'sync.batch': SyncBatch;
  'sync.status': SyncStatus;
  'accounts.changed': { accounts: Account[] };
  /** The whole outbox, after every change of state. */
  'outbox.changed': { items: OutboxItem[] };
  'identities.changed': { identities: Identity[] };
  /** Issue #13 §4: one folder's server hits, a folder that failed, or the end — to the window that asked. */
  'search.results': ServerSearchEvent;
}
export type EventName = keyof EventMap;
export const eventNames = [
  'sync.batch',
  'sync.status',
  'accounts.changed',
  'outbox.changed',
  'identities.changed',
  'search.results',
] as const satisfies readonly EventName[];

export interface ApiError {
  /** Stable machine-readable code; the renderer maps it to words in the user's language. */
  code: string;
  /** English technical detail (server words included), never a password. */
  message: string;
  details?: unknown;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer holds, whichever binding is underneath. */
export interface PostvakApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on<E extends EventName>(event: E, handler: (payload: EventMap[E]) => void): () => void;
}

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
