/** Reads a stream into memory, refusing more than `maxBytes` (the stream is destroyed then). */
import type { Readable } from 'node:stream';

export class TooLargeError extends Error {
  readonly code = 'tooLarge';
  constructor(readonly limit: number) {
    super(`Content is larger than ${Math.round(limit / (1024 * 1024))} MB`);
  }
}

export async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new TooLargeError(maxBytes);
    }
    parts.push(buffer);
  }
  return Buffer.concat(parts);
}
