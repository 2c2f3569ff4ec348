/**
 * The file-level pieces of the offline store (offlineStore.ts explains the layout and why packs):
 * a writer that appends one batch's sources to a pack with large sequential writes, and the
 * helpers that read index entries and byte ranges back.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';

/** `[uid, offset, length]` of one source inside a pack. */
export type PackEntry = [uid: number, offset: number, length: number];

/** Bytes gathered before one `writev`: large sequential writes, bounded memory. */
const FLUSH_BYTES = 1 << 20;

/**
 * Appends the sources of one batch to a new pack. Sources are gathered and written with one
 * `writev` per MiB; at most one write is in flight while the next sources stream in.
 */
export class PackWriter {
  private readonly entries: PackEntry[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  private offset = 0;
  private writing: Promise<unknown> = Promise.resolve();
  private done = false;

  constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    /** Publishes the written pack's entries (writes its index); called once, when not empty. */
    private readonly publish: (entries: PackEntry[]) => Promise<void>,
  ) {}

  get count(): number {
    return this.entries.length;
  }

  async append(uid: number, source: Buffer): Promise<void> {
    if (this.done) throw new Error('pack already committed');
    this.entries.push([uid, this.offset, source.length]);
    this.offset += source.length;
    this.chunks.push(source);
    this.buffered += source.length;
    if (this.buffered >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunks = this.chunks;
    this.chunks = [];
    this.buffered = 0;
    // Back-pressure: wait for the previous write, then start this one without waiting for it.
    await this.writing;
    this.writing = writeAll(this.handle, chunks);
  }

  /** Writes the rest and the index; the sources become readable. An empty batch leaves nothing. */
  async commit(): Promise<void> {
    if (this.done) return;
    this.done = true;
    try {
      await this.writing;
      await writeAll(this.handle, this.chunks);
    } finally {
      await this.handle.close();
    }
    if (this.entries.length === 0) {
      await rm(this.file, { force: true });
      return;
    }
    await this.publish(this.entries);
  }
}

async function writeAll(handle: FileHandle, chunks: Buffer[]): Promise<void> {
  // writev is capped at IOV_MAX (1024) buffers per call on Linux.
  for (let i = 0; i < chunks.length; i += 1024) {
    const part = chunks.slice(i, i + 1024);
    const total = part.reduce((n, b) => n + b.length, 0);
    let written = (await handle.writev(part)).bytesWritten;
    if (written < total) {
      const rest = Buffer.concat(part).subarray(written);
      while (written < total) written += (await handle.write(rest, written - (total - rest.length))).bytesWritten;
    }
  }
}

export async function readIndex(file: string): Promise<PackEntry[] | null> {
  try {
    const list: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (!Array.isArray(list)) return null;
    const ok = list.every((e) => Array.isArray(e) && e.length === 3 && e.every((x) => Number.isSafeInteger(x) && (x as number) >= 0));
    return ok ? (list as PackEntry[]) : null;
  } catch {
    return null;
  }
}

export async function readRange(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(out, done, length - done, offset + done);
    if (bytesRead === 0) throw new Error('pack shorter than its index');
    done += bytesRead;
  }
  return out;
}

export async function readPack(file: string, offset: number, length: number): Promise<Buffer | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    return await readRange(handle, offset, length);
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, file);
}
