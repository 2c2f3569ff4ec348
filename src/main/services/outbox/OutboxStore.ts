/**
 * The outbox on disk (issue #4 §6): `<profileDir>/outbox/<id>/` holds the composer's message
 * (message.json, for edit and undo), the wire copy and the Sent copy (RFC 5322 text, built once
 * so a resend is byte-for-byte the same message with the same Message-ID) and state.json.
 * Every file is written atomically (io/atomicWrite.ts); state.json is written last when an item
 * is created, so a directory without it is a half-created item from a crash and is dropped.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { outgoingMessageSchema } from '../../../shared/composeSchemas';
import type { OutboxItem, OutgoingMessage } from '../../../shared/model/compose';
import { atomicWrite, listIfExists, readIfExists } from '../io/atomicWrite';
import type { SmtpEnvelope } from '../smtp/smtpSubmit';

/** What the runner needs beyond the OutboxItem the renderer sees. */
export interface OutboxRecord {
  item: OutboxItem;
  envelope: SmtpEnvelope;
  /** The identity as it was when queued: where the Sent copies go. */
  identity: { id: string; kind: 'own' | 'shared' | 'alias'; mailboxId: string; sentCopies: 'shared' | 'own' | 'both' };
}

export interface OutboxFiles {
  record: OutboxRecord;
  message: OutgoingMessage;
  wire: Buffer;
  copy: Buffer;
}

const address = z.object({ name: z.string(), address: z.string() });
const itemSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  accountId: z.string(),
  identityId: z.string(),
  from: address,
  sender: address.nullable(),
  recipients: z.array(address),
  subject: z.string(),
  messageId: z.string(),
  state: z.enum(['waiting', 'queued', 'sending', 'accepted', 'sent', 'retrying', 'refused']),
  createdAt: z.number(),
  sendAt: z.number(),
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string(), recipients: z.array(z.string()).optional() }).nullable(),
  sentCopies: z.array(z.object({ mailboxId: z.string(), folderPath: z.string(), saved: z.boolean() })),
  copyFellBackToOwn: z.boolean(),
  sentAt: z.number().nullable(),
});
const recordSchema = z.object({
  version: z.literal(1),
  item: itemSchema,
  envelope: z.object({ from: z.string(), to: z.array(z.string()) }),
  identity: z.object({
    id: z.string(),
    kind: z.enum(['own', 'shared', 'alias']),
    mailboxId: z.string(),
    sentCopies: z.enum(['shared', 'own', 'both']),
  }),
});

export class OutboxStore {
  readonly dir: string;

  constructor(profileDir: string) {
    this.dir = join(profileDir, 'outbox');
  }

  private path(id: string, file: string): string {
    return join(this.dir, id, file);
  }

  /** Writes a new item completely; the state file last. */
  async create(files: OutboxFiles): Promise<void> {
    const id = files.record.item.id;
    await atomicWrite(this.path(id, 'message.json'), JSON.stringify(files.message));
    await atomicWrite(this.path(id, 'wire.eml'), files.wire);
    await atomicWrite(this.path(id, 'copy.eml'), files.copy);
    await this.save(files.record);
  }

  save(record: OutboxRecord): Promise<void> {
    return atomicWrite(this.path(record.item.id, 'state.json'), JSON.stringify({ version: 1, ...record }));
  }

  async load(): Promise<OutboxRecord[]> {
    const names = await listIfExists(this.dir);
    const out: OutboxRecord[] = [];
    for (const name of names) {
      if (!/^[A-Za-z0-9_-]{8,64}$/.test(name)) continue;
      const raw = await readIfExists(this.path(name, 'state.json'));
      const parsed = raw ? recordSchema.safeParse(safeJson(raw)) : null;
      if (!parsed?.success || parsed.data.item.id !== name) {
        // Half-created (crash before state.json) or unreadable: nothing was sent from it, since
        // sending starts only after state.json exists.
        await this.remove(name);
        continue;
      }
      const { version: _version, ...record } = parsed.data;
      out.push(record as OutboxRecord);
    }
    return out.sort((a, b) => a.item.createdAt - b.item.createdAt);
  }

  async wire(id: string): Promise<Buffer> {
    return (await readIfExists(this.path(id, 'wire.eml'))) ?? Buffer.alloc(0);
  }

  async copy(id: string): Promise<Buffer> {
    return (await readIfExists(this.path(id, 'copy.eml'))) ?? Buffer.alloc(0);
  }

  async message(id: string): Promise<OutgoingMessage | null> {
    const raw = await readIfExists(this.path(id, 'message.json'));
    const parsed = raw ? outgoingMessageSchema.safeParse(safeJson(raw)) : null;
    return parsed?.success ? parsed.data : null;
  }

  remove(id: string): Promise<void> {
    return rm(join(this.dir, id), { recursive: true, force: true });
  }
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}
