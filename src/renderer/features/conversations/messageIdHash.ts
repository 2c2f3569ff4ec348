/**
 * Message-IDs as numbers for the conversation index (issue #12 §4): a 53-bit hash, so the index
 * keeps 8 bytes per id in typed arrays instead of a string each (a Message-ID is ~50 bytes, and
 * a message carries up to 21 references). Two 32-bit FNV-1a hashes with different offsets make
 * the 53 bits; among a million ids the chance that any two collide is ~1 in 18,000, and a
 * collision only joins two conversations in the view.
 */
import { msgIdKey } from '../../../shared/mail/messageIds';

export function messageIdHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  // 32 bits of one and 21 of the other: an exact integer below 2^53.
  return a * 0x200000 + (b >>> 11);
}

/** The hash of a header's Message-ID (brackets or not), undefined when it holds none. */
export function idHashOf(raw: string | null | undefined): number | undefined {
  const key = msgIdKey(raw);
  return key === null ? undefined : messageIdHash(key);
}
