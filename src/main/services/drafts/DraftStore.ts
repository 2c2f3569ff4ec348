/**
 * Main's durable copy of every draft (issue #4 §1: nothing a person writes is ever lost):
 * `<profileDir>/drafts/<id>.json`, written atomically before the server copy is attempted, with
 * where the server copy is now.
 *
 * A message handed to the outbox is sealed (issue #10 §7: never twice): its file becomes a
 * marker saying it was sent, so an autosave that lands after the send — the composer's timer,
 * a save still on its way — is refused instead of bringing the message back as an "unsent
 * draft" ready to be sent again. The outbox's message.json is then the only copy; taking the
 * message back out of the outbox (undo, edit) restores the draft. Every operation on one id
 * runs in turn (`withDraft`), so a save and a send of the same message never interleave.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { outgoingMessageSchema } from '../../../shared/composeSchemas';
import { AppError } from '../../../shared/errors';
import type { OutgoingMessage } from '../../../shared/model/compose';
import { atomicWrite, listIfExists, readIfExists } from '../io/atomicWrite';

export interface ServerCopy {
  folderPath: string;
  uid: number;
  mailboxId: string;
}

export interface LocalDraft {
  message: OutgoingMessage;
  savedAt: number;
  server: ServerCopy | null;
}

/** How long a sent message's marker is kept: far longer than any save can be on its way. */
export const sentMarkerMs = 7 * 24 * 3600_000;

const idPattern = /^[A-Za-z0-9_-]{8,64}$/;
const draftSchema = z.object({
  version: z.literal(1),
  message: outgoingMessageSchema,
  savedAt: z.number(),
  server: z.object({ folderPath: z.string(), uid: z.number().int().min(1), mailboxId: z.string() }).nullable(),
});
const sentSchema = z.object({ version: z.literal(1), sent: z.object({ accountId: z.string(), at: z.number() }) });

type Entry = { kind: 'draft'; draft: LocalDraft } | { kind: 'sent'; accountId: string; at: number };

export class DraftSentError extends AppError {
  constructor() {
    super('alreadySending', 'This message has been sent; it is no longer a draft');
    this.name = 'DraftSentError';
  }
}

/** One draft's file, for the duration of a `withDraft` turn. */
export interface DraftFile {
  get(): Promise<LocalDraft | null>;
  /** Writes the draft; `server` defaults to what the file said. DraftSentError once it was sent. */
  put(message: OutgoingMessage, server?: ServerCopy | null): Promise<LocalDraft>;
}

export class DraftStore {
  private readonly dir: string;
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(profileDir: string) {
    this.dir = join(profileDir, 'drafts');
  }

  /** Ids are the composer's (validated by outgoingMessageSchema); anything else names no file. */
  private file(id: string): string | null {
    return idPattern.test(id) ? join(this.dir, `${id}.json`) : null;
  }

  private async read(id: string): Promise<Entry | null> {
    const file = this.file(id);
    return file ? parse(await readIfExists(file)) : null;
  }

  /** Runs `fn` when no other operation on this id is under way. */
  withDraft<T>(id: string, fn: (file: DraftFile) => Promise<T>): Promise<T> {
    const previous = this.turns.get(id) ?? Promise.resolve();
    const run = previous.then(() => fn(this.handle(id)));
    const settled = run.catch(() => undefined);
    this.turns.set(id, settled);
    void settled.then(() => {
      if (this.turns.get(id) === settled) this.turns.delete(id);
    });
    return run;
  }

  private handle(id: string): DraftFile {
    return {
      get: () => this.get(id),
      put: async (message, server) => {
        const file = this.file(message.id);
        if (!file || message.id !== id) throw new Error(`Invalid draft id ${message.id}`);
        const previous = await this.read(id);
        if (previous?.kind === 'sent') throw new DraftSentError();
        const before = previous?.draft.server ?? null;
        const draft: LocalDraft = { message, savedAt: Date.now(), server: server === undefined ? before : server };
        await atomicWrite(file, JSON.stringify({ version: 1, ...draft }));
        return draft;
      },
    };
  }

  async get(id: string): Promise<LocalDraft | null> {
    const entry = await this.read(id);
    return entry?.kind === 'draft' ? entry.draft : null;
  }

  put(message: OutgoingMessage, server?: ServerCopy | null): Promise<LocalDraft> {
    return this.withDraft(message.id, (file) => file.put(message, server));
  }

  /** Whether the message with this id was handed to the outbox. */
  async isSent(id: string): Promise<boolean> {
    return (await this.read(id))?.kind === 'sent';
  }

  /**
   * The message goes to the outbox: its draft becomes a sent marker. Returns the draft's
   * server copy as the last completed save left it (the one to remove once sent).
   */
  seal(id: string, accountId: string): Promise<ServerCopy | null> {
    return this.withDraft(id, async () => {
      const file = this.file(id);
      if (!file) throw new Error(`Invalid draft id ${id}`);
      const entry = await this.read(id);
      await atomicWrite(file, JSON.stringify({ version: 1, sent: { accountId, at: Date.now() } }));
      return entry?.kind === 'draft' ? entry.draft.server : null;
    });
  }

  /** Taken back out of the outbox (undo, edit, cancel): a draft again, on disk at once. */
  restore(message: OutgoingMessage): Promise<LocalDraft> {
    return this.withDraft(message.id, async (handle) => {
      const file = this.file(message.id);
      if (file) await rm(file, { force: true });
      return handle.put(message, null);
    });
  }

  /** Newest first; sent markers past `sentMarkerMs` are removed on the way. */
  async list(now = Date.now()): Promise<LocalDraft[]> {
    const drafts: LocalDraft[] = [];
    for (const id of await this.ids()) {
      const entry = await this.read(id);
      if (entry?.kind === 'draft') drafts.push(entry.draft);
      else if (entry?.kind === 'sent' && now - entry.at > sentMarkerMs) await this.forget(id, entry.at);
    }
    return drafts.sort((a, b) => b.savedAt - a.savedAt);
  }

  /** Discards a draft. A sent marker stays: the message must not come back as a draft. */
  remove(id: string): Promise<void> {
    return this.withDraft(id, async () => {
      const entry = await this.read(id);
      const file = this.file(id);
      if (file && entry?.kind !== 'sent') await rm(file, { force: true });
    });
  }

  /** The account was removed: its drafts and markers go (issue #10 §6). */
  async removeAccount(accountId: string): Promise<void> {
    for (const id of await this.ids()) {
      await this.withDraft(id, async () => {
        const entry = await this.read(id);
        const owner = entry?.kind === 'draft' ? entry.draft.message.accountId : entry?.accountId;
        const file = this.file(id);
        if (file && owner === accountId) await rm(file, { force: true });
      });
    }
  }

  private forget(id: string, at: number): Promise<void> {
    return this.withDraft(id, async () => {
      const entry = await this.read(id);
      const file = this.file(id);
      if (file && entry?.kind === 'sent' && entry.at === at) await rm(file, { force: true });
    });
  }

  private async ids(): Promise<string[]> {
    const names = await listIfExists(this.dir);
    return names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).filter((id) => idPattern.test(id));
  }
}

function parse(raw: Buffer | null): Entry | null {
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  const sent = sentSchema.safeParse(json);
  if (sent.success) return { kind: 'sent', accountId: sent.data.sent.accountId, at: sent.data.sent.at };
  const parsed = draftSchema.safeParse(json);
  if (!parsed.success) return null;
  const { version: _version, ...draft } = parsed.data;
  return { kind: 'draft', draft };
}
