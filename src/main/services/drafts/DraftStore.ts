/**
 * Main's durable copy of every draft (issue #4 §1: nothing a person writes is ever lost):
 * `<profileDir>/drafts/<id>.json`, written atomically before the server copy is attempted, with
 * where the server copy is now. Removed when the message is sent or the draft discarded.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { outgoingMessageSchema } from '../../../shared/composeSchemas';
import type { OutgoingMessage } from '../../../shared/model/compose';
import { atomicWrite, readIfExists } from '../io/atomicWrite';

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

const idPattern = /^[A-Za-z0-9_-]{8,64}$/;
const fileSchema = z.object({
  version: z.literal(1),
  message: outgoingMessageSchema,
  savedAt: z.number(),
  server: z.object({ folderPath: z.string(), uid: z.number().int().min(1), mailboxId: z.string() }).nullable(),
});

export class DraftStore {
  private readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(profileDir: string) {
    this.dir = join(profileDir, 'drafts');
  }

  /** Ids are the composer's (validated by outgoingMessageSchema); anything else names no file. */
  private file(id: string): string | null {
    return idPattern.test(id) ? join(this.dir, `${id}.json`) : null;
  }

  async get(id: string): Promise<LocalDraft | null> {
    const file = this.file(id);
    if (!file) return null;
    return parse(await readIfExists(file));
  }

  /** Writes the draft; `server` defaults to what the file said (the server copy did not change). */
  put(message: OutgoingMessage, server?: ServerCopy | null): Promise<LocalDraft> {
    return this.serial(async () => {
      const file = this.file(message.id);
      if (!file) throw new Error(`Invalid draft id ${message.id}`);
      const previous = parse(await readIfExists(file));
      const draft: LocalDraft = { message, savedAt: Date.now(), server: server === undefined ? (previous?.server ?? null) : server };
      await atomicWrite(file, JSON.stringify({ version: 1, ...draft }));
      return draft;
    });
  }

  /** Newest first. */
  async list(): Promise<LocalDraft[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const drafts: LocalDraft[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const draft = await this.get(name.slice(0, -5));
      if (draft) drafts.push(draft);
    }
    return drafts.sort((a, b) => b.savedAt - a.savedAt);
  }

  remove(id: string): Promise<void> {
    return this.serial(async () => {
      const file = this.file(id);
      if (file) await rm(file, { force: true });
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function parse(raw: Buffer | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(raw.toString('utf8')));
    if (!parsed.success) return null;
    const { version: _version, ...draft } = parsed.data;
    return draft;
  } catch {
    return null;
  }
}
